using System.Globalization;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Fiches;

/// <summary>
/// A fiche's indicators: their definition and targets, edited like the fiche (bureau, coordination, its pilots),
/// and the yearly measurements its pilots enter. Every change lands in the fiche's history.
/// </summary>
[Authorize(Roles = Roles.Members)]
public sealed class IndicatorsController(AposartDbContext db, UserManager<AppUser> users, IndicatorValues values, TimeProvider clock) : Controller
{
    private const string InputPrefix = nameof(IndicatorFormModel.Input) + ".";

    [HttpGet(FichesLinks.IndicatorsCreateRoute)]
    public async Task<IActionResult> Create(Guid id, CancellationToken cancellationToken)
    {
        var fiche = await db.ActionSheets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (fiche is null || !await CanEditAsync(id, cancellationToken))
        {
            return fiche is null ? NotFound() : Forbid();
        }
        return View("EditIndicator", new IndicatorFormModel(fiche, new IndicatorInput().WithBlankRows(), FichesLinks.IndicatorsCreate(id), IsNew: true));
    }

    [HttpPost(FichesLinks.IndicatorsCreateRoute)]
    public async Task<IActionResult> Create(Guid id, [Bind(Prefix = nameof(IndicatorFormModel.Input))] IndicatorInput input, CancellationToken cancellationToken)
    {
        var fiche = await db.ActionSheets.Include(a => a.Indicators).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (fiche is null || !await CanEditAsync(id, cancellationToken))
        {
            return fiche is null ? NotFound() : Forbid();
        }
        input.Normalise();
        Validate(input);
        if (!ModelState.IsValid)
        {
            return View("EditIndicator", new IndicatorFormModel(fiche, input.WithBlankRows(), FichesLinks.IndicatorsCreate(id), IsNew: true));
        }
        var indicator = new Indicator { ActionSheetId = id, SortOrder = fiche.Indicators.Select(i => i.SortOrder).DefaultIfEmpty(-1).Max() + 1 };
        Apply(input, indicator);
        db.Indicators.Add(indicator);
        await RecordAsync(id, $"Indicateur « {indicator.Name} »", null, input.Describe(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Indicateur « {indicator.Name} » ajouté.";
        return Redirect($"/gestion/fiches/{id}#indicateurs");
    }

    [HttpGet(FichesLinks.EditRoute)]
    public async Task<IActionResult> Edit(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        var indicator = await LoadAsync(id, indicatorId, cancellationToken);
        if (indicator is null || !await CanEditAsync(id, cancellationToken))
        {
            return indicator is null ? NotFound() : Forbid();
        }
        return View("EditIndicator", new IndicatorFormModel(indicator.ActionSheet!, IndicatorInput.FromEntity(indicator).WithBlankRows(), EditPath(id, indicatorId), IsNew: false));
    }

    [HttpPost(FichesLinks.EditRoute)]
    public async Task<IActionResult> Edit(Guid id, Guid indicatorId, [Bind(Prefix = nameof(IndicatorFormModel.Input))] IndicatorInput input,
        CancellationToken cancellationToken)
    {
        var indicator = await LoadAsync(id, indicatorId, cancellationToken);
        if (indicator is null || !await CanEditAsync(id, cancellationToken))
        {
            return indicator is null ? NotFound() : Forbid();
        }
        input.Normalise();
        Validate(input);
        var saved = IndicatorInput.FromEntity(indicator);
        if (ModelState.IsValid && indicator.Version != input.Version)
        {
            ModelState.AddModelError("", "Cet indicateur a été modifié pendant que vous le modifiiez. Il est maintenant enregistré ainsi : "
                + $"« {saved.Name} » – {saved.Describe()}. Vos saisies sont conservées : vérifiez-les, puis enregistrez à nouveau.");
            input.Version = indicator.Version;
        }
        if (!ModelState.IsValid)
        {
            return View("EditIndicator", new IndicatorFormModel(indicator.ActionSheet!, input.WithBlankRows(), EditPath(id, indicatorId), IsNew: false));
        }
        var before = $"{saved.Name} – {saved.Describe()}";
        Apply(input, indicator);
        var after = $"{indicator.Name} – {input.Describe()}";
        if (before != after)
        {
            await RecordAsync(id, $"Indicateur « {indicator.Name} »", before, after, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Cet indicateur vient d'être enregistré par quelqu'un d'autre : rechargez la page. Vos saisies sont conservées.");
            return View("EditIndicator", new IndicatorFormModel(indicator.ActionSheet!, input.WithBlankRows(), EditPath(id, indicatorId), IsNew: false));
        }
        TempData["Message"] = $"Indicateur « {indicator.Name} » enregistré.";
        return Redirect($"/gestion/fiches/{id}#indicateur-{indicatorId}");
    }

    [HttpPost(FichesLinks.DeleteRoute)]
    public async Task<IActionResult> Delete(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        var indicator = await LoadAsync(id, indicatorId, cancellationToken);
        if (indicator is null || !await CanEditAsync(id, cancellationToken))
        {
            return indicator is null ? NotFound() : Forbid();
        }
        var described = IndicatorInput.FromEntity(indicator).Describe();
        var measured = string.Join(", ", indicator.Measurements.OrderBy(m => m.Year).Select(m => $"{m.Year} : {indicator.Format(m.Value)}"));
        await RecordAsync(id, $"Indicateur « {indicator.Name} »", $"{described}{(measured.Length > 0 ? " ; mesures " + measured : "")}", "supprimé", cancellationToken);
        db.Indicators.Remove(indicator);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Message"] = $"Indicateur « {indicator.Name} » déjà supprimé par quelqu'un d'autre.";
            return Redirect($"/gestion/fiches/{id}#indicateurs");
        }
        TempData["Message"] = $"Indicateur « {indicator.Name} » supprimé ; sa définition et ses mesures restent dans l'historique.";
        return Redirect($"/gestion/fiches/{id}#indicateurs");
    }

    [HttpGet(FichesLinks.MeasureRoute)]
    public async Task<IActionResult> Measure(Guid id, Guid indicatorId, int? year, CancellationToken cancellationToken)
    {
        var indicator = await LoadAsync(id, indicatorId, cancellationToken);
        if (indicator is null || !await CanEditAsync(id, cancellationToken))
        {
            return indicator is null ? NotFound() : Forbid();
        }
        var chosen = year is >= 2000 and <= 2100 ? year.Value : values.CurrentYear;
        var existing = indicator.Measurements.FirstOrDefault(m => m.Year == chosen);
        var input = new MeasurementInput
        {
            Year = chosen, Value = existing?.Value, Numerator = existing?.Numerator, Denominator = existing?.Denominator, Comment = existing?.Comment,
            Replace = existing is not null,
        };
        return View(await MeasurementPageAsync(indicator, input, cancellationToken));
    }

    [HttpPost(FichesLinks.MeasureRoute)]
    public async Task<IActionResult> Measure(Guid id, Guid indicatorId, [Bind(Prefix = nameof(MeasurementPage.Input))] MeasurementInput input,
        CancellationToken cancellationToken)
    {
        var indicator = await LoadAsync(id, indicatorId, cancellationToken);
        if (indicator is null || !await CanEditAsync(id, cancellationToken))
        {
            return indicator is null ? NotFound() : Forbid();
        }
        const string prefix = nameof(MeasurementPage.Input) + ".";
        if (indicator.IsComputed)
        {
            ModelState.AddModelError("", "Cet indicateur est calculé par le portail : ses valeurs ne se saisissent pas.");
        }
        foreach (var (field, message) in input.CrossFieldProblems(indicator))
        {
            ModelState.AddModelError(prefix + field, message);
        }
        var existing = indicator.Measurements.FirstOrDefault(m => m.Year == input.Year);
        if (existing is not null && !input.Replace)
        {
            // One value per year: replacing it must be a choice, made knowing what is there.
            ModelState.AddModelError(prefix + nameof(input.Replace), $"Une valeur est déjà enregistrée pour {input.Year} : {indicator.Format(existing.Value)}, "
                + $"saisie par {existing.EnteredByName} le {existing.EnteredAt.ToParis().ToString("dd/MM/yyyy", CultureInfo.GetCultureInfo("fr-FR"))}. "
                + "Cochez la case pour la remplacer.");
        }
        if (!ModelState.IsValid)
        {
            return View(await MeasurementPageAsync(indicator, input, cancellationToken));
        }
        var user = (await users.GetUserAsync(User))!;
        var value = input.Result(indicator);
        var measurement = existing ?? new Measurement { IndicatorId = indicator.Id, Year = input.Year!.Value };
        var before = existing is null ? null : Describe(indicator, existing);
        measurement.Value = value;
        measurement.Numerator = indicator.IsRatio ? input.Numerator : null;
        measurement.Denominator = indicator.IsRatio ? input.Denominator : null;
        measurement.Comment = input.Comment.TrimmedOrNull();
        measurement.EnteredAt = clock.GetUtcNow();
        measurement.EnteredById = user.Id;
        measurement.EnteredByName = user.NameOrEmail;
        if (existing is null)
        {
            db.Measurements.Add(measurement);
        }
        await RecordAsync(id, $"Mesure {measurement.Year} de « {indicator.Name} »", before, Describe(indicator, measurement), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            ModelState.AddModelError(prefix + nameof(input.Replace), $"Quelqu'un vient d'enregistrer une valeur pour {input.Year} : "
                + "rechargez la page pour la voir, puis cochez la case si vous voulez la remplacer.");
            return View(await MeasurementPageAsync(indicator, input, cancellationToken));
        }
        TempData["Message"] = $"Mesure {measurement.Year} enregistrée : {indicator.Format(value)}.";
        return Redirect($"/gestion/fiches/{id}#indicateur-{indicatorId}");
    }

    private Task<bool> CanEditAsync(Guid ficheId, CancellationToken cancellationToken) => FicheRights.CanEditAsync(db, User, ficheId, cancellationToken);

    private static string EditPath(Guid id, Guid indicatorId) => FichesLinks.Edit(id, indicatorId);

    private static string Describe(Indicator indicator, Measurement m) =>
        indicator.Format(m.Value)
        + (m.Numerator is { } n && m.Denominator is { } d ? $" ({n.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"))} / {d.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"))})" : "")
        + (m.Comment is null ? "" : $" – {m.Comment}");

    private void Validate(IndicatorInput input)
    {
        foreach (var (field, message) in input.CrossFieldProblems())
        {
            ModelState.AddModelError(InputPrefix + field, message);
        }
    }

    private static void Apply(IndicatorInput input, Indicator indicator)
    {
        indicator.Kind = input.Kind;
        indicator.Name = input.Name!.Trim();
        indicator.Unit = input.Unit;
        indicator.IsRatio = input.IsRatio;
        indicator.Computation = input.Computation.TrimmedOrNull();
        indicator.Baseline = input.Baseline;
        indicator.Source = input.Source;
        // Targets are keyed by year: update the years kept, drop the others, add the new ones.
        var wanted = input.Targets.Where(t => !t.IsEmpty).ToDictionary(t => t.Year!.Value, t => t.Value!.Value);
        indicator.Targets.RemoveAll(t => !wanted.ContainsKey(t.Year));
        foreach (var (year, value) in wanted)
        {
            if (indicator.Targets.FirstOrDefault(t => t.Year == year) is { } target)
            {
                target.Value = value;
            }
            else
            {
                indicator.Targets.Add(new IndicatorTarget { Year = year, Value = value });
            }
        }
    }

    private async Task RecordAsync(Guid ficheId, string field, string? before, string? after, CancellationToken cancellationToken)
    {
        var user = (await users.GetUserAsync(User))!;
        db.ActionChanges.Add(new ActionChange
        {
            ActionSheetId = ficheId, At = clock.GetUtcNow(), ByUserId = user.Id, ByName = user.NameOrEmail,
            Field = FicheRights.HistoryField(field), OldValue = before, NewValue = after,
        });
    }

    private async Task<MeasurementPage> MeasurementPageAsync(Indicator indicator, MeasurementInput input, CancellationToken cancellationToken) =>
        new(indicator.ActionSheet!, await values.SeriesAsync(indicator, cancellationToken), input);

    private Task<Indicator?> LoadAsync(Guid ficheId, Guid indicatorId, CancellationToken cancellationToken) =>
        db.Indicators.Include(i => i.ActionSheet).Include(i => i.Targets).Include(i => i.Measurements)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Id == indicatorId && i.ActionSheetId == ficheId, cancellationToken);
}

public sealed record IndicatorFormModel(ActionSheet Fiche, IndicatorInput Input, string Action, bool IsNew);

public sealed record MeasurementPage(ActionSheet Fiche, IndicatorSeries Series, MeasurementInput Input);
