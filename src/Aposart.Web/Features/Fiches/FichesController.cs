using System.ComponentModel.DataAnnotations;
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
/// The projet de santé's fiches action. Adherents read them; the bureau and the coordination edit every fiche;
/// a pilot edits the fiches they pilot.
/// </summary>
[Authorize(Roles = Roles.Members)]
public sealed class FichesController(AposartDbContext db, UserManager<AppUser> users, IndicatorValues values, TimeProvider clock) : Controller
{
    private const int PageSize = 25;

    [HttpGet(FichesLinks.List)]
    public async Task<IActionResult> List([FromQuery] FicheQuery query, int page = 1, CancellationToken cancellationToken = default)
    {
        var paged = await Filter(query).Include(a => a.Pilots).OrderBy(a => a.Number).ThenBy(a => a.Id).PageAsync(page, PageSize, cancellationToken);
        var summary = await db.ActionSheets.AsNoTracking().GroupBy(a => a.Mission)
            .Select(g => new MissionSummary(g.Key, g.Count(), g.Count(a => a.Status == ActionStatus.InProgress), g.Count(a => a.Status == ActionStatus.Completed),
                (int)Math.Round(g.Average(a => (double)a.Progress))))
            .ToListAsync(cancellationToken);
        var pilots = await db.ActionSheets.SelectMany(a => a.Pilots).Distinct().OrderBy(p => p.LastName)
            .Select(p => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(p.FirstName + " " + p.LastName, p.Id.ToString())).ToListAsync(cancellationToken);
        return View(new FicheListPage(query, paged.Rows, paged.Total, summary, pilots, paged.Pager(FichesLinks.List, query.ToQueryString()), IsStaff));
    }

    [HttpGet(FichesLinks.Export)]
    public async Task<IActionResult> Export([FromQuery] FicheQuery query, CancellationToken cancellationToken)
    {
        var rows = await Filter(query).Include(a => a.Pilots).Include(a => a.Steps).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        var today = Today;
        return CsvExport.File("fiches-action.csv", ["N°", "Titre", "Mission ACI", "Thème", "Statut", "Avancement (%)", "Pilotes", "Étapes", "Étapes en retard", "Publiée"],
            rows.Select(a => (IReadOnlyList<string?>)[a.Number.ToString(CultureInfo.InvariantCulture), a.Title, a.Mission.Title(), a.Theme, a.Status.Label(),
                a.Progress.ToString(CultureInfo.InvariantCulture), string.Join(", ", a.Pilots.Select(p => p.FullName)),
                a.Steps.Count.ToString(CultureInfo.InvariantCulture), a.Steps.Count(s => s.IsLate(today)).ToString(CultureInfo.InvariantCulture), a.Published ? "oui" : "non"]));
    }

    /// <summary>Every indicator of the filtered fiches, one line per year: what the CPAM and ARS reports are built from.</summary>
    [HttpGet(FichesLinks.ExportIndicators)]
    public async Task<IActionResult> ExportIndicators([FromQuery] FicheQuery query, CancellationToken cancellationToken)
    {
        var fiches = await Filter(query).Include(a => a.Indicators).ThenInclude(i => i.Targets).Include(a => a.Indicators).ThenInclude(i => i.Measurements)
            .OrderBy(a => a.Number).AsSplitQuery().ToListAsync(cancellationToken);
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var fiche in fiches)
        {
            foreach (var series in await values.SeriesAsync(fiche.Indicators, cancellationToken))
            {
                var i = series.Indicator;
                rows.AddRange(series.Points.Select(p => (IReadOnlyList<string?>)
                [
                    fiche.Number.ToString(CultureInfo.InvariantCulture), fiche.Title, fiche.Mission.Title(), i.Name, i.Kind.Label(), i.Unit.Label(),
                    i.IsComputed ? "calculé" : "saisi", p.Year.ToString(CultureInfo.InvariantCulture), Number(p.Target), Number(p.Actual),
                    p.IsLive ? "calcul du jour" : p.Entry is { } e ? $"{e.EnteredByName}, {e.EnteredAt.ToParis():dd/MM/yyyy}" : null, p.IsLive ? null : p.Entry?.Comment,
                ]));
            }
        }
        return CsvExport.File("indicateurs.csv", ["N°", "Fiche", "Mission ACI", "Indicateur", "Type", "Unité", "Origine", "Année", "Cible", "Réalisé", "Saisie", "Commentaire"], rows);

        static string? Number(decimal? value) => value?.ToString("0.##", ActionSheetText.French);
    }

    [HttpGet(FichesLinks.DetailsRoute)]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var fiche = await db.ActionSheets.AsNoTracking()
            .Include(a => a.Pilots).Include(a => a.PartnerOrganisations).Include(a => a.Steps).Include(a => a.BudgetLines)
            .Include(a => a.Indicators).ThenInclude(i => i.Targets).Include(a => a.Indicators).ThenInclude(i => i.Measurements)
            .Include(a => a.Comments).Include(a => a.Changes)
            .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (fiche is null)
        {
            return NotFound();
        }
        var decisions = await db.MeetingTasks.AsNoTracking().Where(t => t.ActionSheetId == id).OrderByDescending(t => t.Meeting!.StartsAt).ThenBy(t => t.CreatedAt)
            .Select(t => new FicheDecision(t.What, t.AssigneeName, t.DueOn, t.DoneAt, t.Meeting!.Title, t.Meeting.StartsAt)).Take(100).ToListAsync(cancellationToken);
        return View(new FichePage(fiche, await CanEditAsync(fiche, cancellationToken), Today, await values.SeriesAsync(fiche.Indicators, cancellationToken), decisions));
    }

    [HttpGet(FichesLinks.PdfRoute)]
    public async Task<IActionResult> Pdf(Guid id, [FromServices] FichePdf pdf, CancellationToken cancellationToken)
    {
        var number = await db.ActionSheets.Where(a => a.Id == id).Select(a => (int?)a.Number).SingleOrDefaultAsync(cancellationToken);
        return number is null || await pdf.FicheAsync(id, cancellationToken) is not { } bytes
            ? NotFound()
            : File(bytes, "application/pdf", $"fiche-action-{number}.pdf");
    }

    [HttpGet(FichesLinks.ProjectPdf)]
    public async Task<IActionResult> ProjectPdf([FromServices] FichePdf pdf, CancellationToken cancellationToken) =>
        File(await pdf.ProjectAsync(cancellationToken), "application/pdf", "projet-de-sante.pdf");

    [HttpGet(FichesLinks.Create)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        if (!IsStaff)
        {
            return Forbid();
        }
        var next = (await db.ActionSheets.MaxAsync(a => (int?)a.Number, cancellationToken) ?? 0) + 1;
        return View("Edit", await FicheForm.ModelAsync(db, new FicheInput { Number = next }, FichesLinks.Create, true, [], cancellationToken));
    }

    [HttpPost(FichesLinks.Create)]
    public async Task<IActionResult> Create([Bind(Prefix = nameof(FicheFormModel.Input))] FicheInput input, CancellationToken cancellationToken)
    {
        if (!IsStaff)
        {
            return Forbid();
        }
        const string action = FichesLinks.Create;
        await ValidateAsync(input, null, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Edit", await FicheForm.ModelAsync(db, input, action, true, [], cancellationToken));
        }
        var fiche = new ActionSheet { Id = Guid.CreateVersion7() };
        await FicheForm.ApplyAsync(db, input, fiche, isNew: true, (await users.GetUserAsync(User))!, clock.GetUtcNow(), cancellationToken);
        db.ActionSheets.Add(fiche);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            ModelState.AddModelError($"{nameof(FicheFormModel.Input)}.{nameof(input.Number)}", "Une autre fiche vient de prendre ce numéro.");
            return View("Edit", await FicheForm.ModelAsync(db, input, action, true, [], cancellationToken));
        }
        TempData["Message"] = $"Fiche n° {fiche.Number} créée.";
        return Redirect(FichesLinks.Details(fiche.Id));
    }

    [HttpGet(FichesLinks.FichesEditRoute)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var fiche = await LoadForEditAsync(id, cancellationToken);
        if (fiche is null || !await CanEditAsync(fiche, cancellationToken))
        {
            return fiche is null ? NotFound() : Forbid();
        }
        return View(await FicheForm.ModelAsync(db, FicheForm.FromEntity(fiche), FichesLinks.FichesEdit(id), IsStaff, [], cancellationToken));
    }

    [HttpPost(FichesLinks.FichesEditRoute)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = nameof(FicheFormModel.Input))] FicheInput input, CancellationToken cancellationToken)
    {
        var fiche = await LoadForEditAsync(id, cancellationToken);
        if (fiche is null || !await CanEditAsync(fiche, cancellationToken))
        {
            return fiche is null ? NotFound() : Forbid();
        }
        var action = FichesLinks.FichesEdit(id);
        if (!IsStaff)
        {
            // A pilot cannot hand the fiche to others or take it from its other pilots.
            input.PilotIds = [.. fiche.Pilots.Select(p => p.Id)];
        }
        await ValidateAsync(input, fiche.Id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View(await FicheForm.ModelAsync(db, input, action, IsStaff, [], cancellationToken));
        }
        if (fiche.Version != input.Version)
        {
            // Someone saved in between: show what they changed against this input, keep the input, nothing overwritten.
            var names = await FicheForm.NamesAsync(db, input, fiche, cancellationToken);
            var conflicts = FicheForm.Differences(FicheForm.Snapshot(FicheForm.FromEntity(fiche), names), FicheForm.Snapshot(input, names)).ToList();
            var lastBy = await db.ActionChanges.Where(c => c.ActionSheetId == id).OrderByDescending(c => c.At).Select(c => c.ByName).FirstOrDefaultAsync(cancellationToken);
            ModelState.AddModelError("", $"Cette fiche a été modifiée par {lastBy ?? "quelqu'un d'autre"} pendant que vous la modifiiez. Vos saisies sont conservées ; "
                + "comparez-les aux valeurs enregistrées ci-dessous, puis enregistrez à nouveau.");
            input.Version = fiche.Version;
            return View(await FicheForm.ModelAsync(db, input, action, IsStaff, conflicts, cancellationToken));
        }
        await FicheForm.ApplyAsync(db, input, fiche, isNew: false, (await users.GetUserAsync(User))!, clock.GetUtcNow(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException
            || exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            ModelState.AddModelError("", "La fiche vient d'être enregistrée par quelqu'un d'autre, ou ce numéro est pris : rechargez la page. Vos saisies sont conservées.");
            return View(await FicheForm.ModelAsync(db, input, action, IsStaff, [], cancellationToken));
        }
        TempData["Message"] = "Fiche enregistrée.";
        return Redirect(FichesLinks.Details(id));
    }

    /// <summary>Ticks a step done, or opens it again, from the fiche's checklist.</summary>
    [HttpPost(FichesLinks.ToggleStepRoute)]
    public async Task<IActionResult> ToggleStep(Guid id, Guid stepId, StepStatus status, CancellationToken cancellationToken)
    {
        var fiche = await LoadForEditAsync(id, cancellationToken);
        if (fiche is null || !await CanEditAsync(fiche, cancellationToken))
        {
            return fiche is null ? NotFound() : Forbid();
        }
        var index = fiche.Steps.OrderBy(s => s.SortOrder).ToList().FindIndex(s => s.Id == stepId);
        if (index < 0 || !Enum.IsDefined(status))
        {
            TempData["Error"] = "Cette étape vient d'être modifiée par quelqu'un d'autre : voici la fiche à jour.";
            return Redirect($"/gestion/fiches/{id}#etapes");
        }
        var input = FicheForm.FromEntity(fiche);
        input.Steps[index].Status = status;
        await FicheForm.ApplyAsync(db, input, fiche, isNew: false, (await users.GetUserAsync(User))!, clock.GetUtcNow(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = "La fiche vient d'être enregistrée par quelqu'un d'autre : voici la fiche à jour, cochez à nouveau si besoin.";
            return Redirect($"/gestion/fiches/{id}#etapes");
        }
        TempData["Message"] = $"Étape « {input.Steps[index].Title} » : {status.Label().ToLowerInvariant()}.";
        return Redirect($"/gestion/fiches/{id}#etapes");
    }

    [HttpPost(FichesLinks.CommentRoute)]
    public async Task<IActionResult> Comment(Guid id, CommentInput input, CancellationToken cancellationToken)
    {
        if (!await db.ActionSheets.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > 4000)
        {
            TempData["Error"] = "Le commentaire doit compter entre 1 et 4 000 caractères.";
            TempData["CommentDraft"] = input.Text?[..Math.Min(input.Text.Length, 4000)];
            return Redirect($"/gestion/fiches/{id}#commentaires");
        }
        var user = (await users.GetUserAsync(User))!;
        db.ActionComments.Add(new ActionComment
        {
            Id = Guid.CreateVersion7(), ActionSheetId = id, AuthorId = user.Id, AuthorName = user.NameOrEmail,
            Text = input.Text.Trim(), At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/gestion/fiches/{id}#commentaires");
    }

    private bool IsStaff => User.IsStaff();

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime);

    private Task<bool> CanEditAsync(ActionSheet fiche, CancellationToken cancellationToken) =>
        FicheRights.CanEditAsync(db, User, fiche.Id, cancellationToken);

    private async Task ValidateAsync(FicheInput input, Guid? ficheId, CancellationToken cancellationToken)
    {
        const string prefix = nameof(FicheFormModel.Input) + ".";
        foreach (var (field, message) in input.CrossFieldProblems())
        {
            ModelState.AddModelError(prefix + field, message);
        }
        if (input.Number is { } number && await db.ActionSheets.AnyAsync(a => a.Number == number && a.Id != ficheId, cancellationToken))
        {
            ModelState.AddModelError(prefix + nameof(input.Number), $"La fiche n° {number} existe déjà.");
        }
        var pilotIds = input.PilotIds.Distinct().ToList();
        if (await db.Professionals.CountAsync(p => pilotIds.Contains(p.Id), cancellationToken) != pilotIds.Count)
        {
            ModelState.AddModelError(prefix + nameof(input.PilotIds), "Un des pilotes choisis n'existe pas.");
        }
        var partnerIds = input.PartnerIds.Distinct().ToList();
        if (await db.Organisations.CountAsync(o => partnerIds.Contains(o.Id), cancellationToken) != partnerIds.Count)
        {
            ModelState.AddModelError(prefix + nameof(input.PartnerIds), "Une des structures choisies n'existe pas.");
        }
    }

    private IQueryable<ActionSheet> Filter(FicheQuery query)
    {
        var fiches = db.ActionSheets.AsNoTracking();
        if (query.Mission is { } mission)
        {
            fiches = fiches.Where(a => a.Mission == mission);
        }
        if (query.Status is { } status)
        {
            fiches = fiches.Where(a => a.Status == status);
        }
        if (query.Pilot is { } pilot)
        {
            fiches = fiches.Where(a => a.Pilots.Any(p => p.Id == pilot));
        }
        return fiches;
    }

    private Task<ActionSheet?> LoadForEditAsync(Guid id, CancellationToken cancellationToken) =>
        db.ActionSheets.Include(a => a.Pilots).Include(a => a.PartnerOrganisations).Include(a => a.Steps).Include(a => a.BudgetLines)
            .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
}

public sealed record FicheQuery
{
    public AciMission? Mission { get; init; }
    public ActionStatus? Status { get; init; }
    public Guid? Pilot { get; init; }

    public string ToQueryString() => string.Join("&", new[]
    {
        Mission is null ? null : "mission=" + Mission,
        Status is null ? null : "status=" + Status,
        Pilot is null ? null : "pilot=" + Pilot,
    }.Where(p => p is not null));
}

public sealed class CommentInput
{
    [DataType(DataType.MultilineText)]
    public string? Text { get; set; }
}

public sealed record MissionSummary(AciMission Mission, int Fiches, int InProgress, int Completed, int AverageProgress);

public sealed record FicheListPage(FicheQuery Query, IReadOnlyList<ActionSheet> Rows, int Total, IReadOnlyList<MissionSummary> Summary,
    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Pilots, PagerModel Pager, bool CanCreate);

public sealed record FichePage(ActionSheet Fiche, bool CanEdit, DateOnly Today, IReadOnlyList<IndicatorSeries> Indicators, IReadOnlyList<FicheDecision> Decisions);

/// <summary>A decision or task a meeting took about the fiche.</summary>
public sealed record FicheDecision(string What, string? Who, DateOnly? DueOn, DateTimeOffset? DoneAt, string MeetingTitle, DateTimeOffset MeetingStartsAt);
