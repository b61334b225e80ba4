using System.Globalization;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Trainings;

/// <summary>The coordinator's side of the training calendar: the list with each training's organisation progress, create and edit.</summary>
[Authorize(Roles = Roles.BoardOrCoordinator)]
public sealed class TrainingAdminController(AposartDbContext db, TrainingRegistrar registrar, TimeProvider clock) : Controller
{
    private const int PageSize = 25;
    private const string InputPrefix = nameof(TrainingFormModel.Input) + ".";

    [HttpGet(TrainingLinks.List)]
    public async Task<IActionResult> List(string? periode, int page = 1, CancellationToken cancellationToken = default)
    {
        var paged = await Filter(periode).PageAsync(page, PageSize, cancellationToken);
        var rows = await RowsAsync(paged.Rows.Select(t => t.Id).ToList(), cancellationToken);
        return View("AdminList", new TrainingAdminList(periode ?? "a-venir", [.. paged.Rows.Select(t => rows[t.Id])], paged.Total,
            paged.Pager(TrainingLinks.List, periode is null ? "" : "periode=" + Uri.EscapeDataString(periode))));
    }

    [HttpGet(TrainingLinks.Export)]
    public async Task<IActionResult> Export(string? periode, CancellationToken cancellationToken)
    {
        var trainings = await Filter(periode).ToListAsync(cancellationToken);
        var rows = await RowsAsync([.. trainings.Select(t => t.Id)], cancellationToken);
        return CsvExport.File("formations.csv", ["Date", "Formation", "Thème", "Statut", "Places", "Inscrits", "Liste d'attente", "Organisation (faits / total)"],
            trainings.Select(t => rows[t.Id]).Select(r => (IReadOnlyList<string?>)
            [
                r.StartsAt?.ToParisString("dd/MM/yyyy HH:mm"), r.Title, r.Theme, r.StatusLabel, Number(r.Capacity), Number(r.Confirmed), Number(r.Waitlisted),
                $"{r.ChecklistDone} / {r.ChecklistTotal}",
            ]));

        static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    [HttpGet(TrainingLinks.Create)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await TrainingForm.ModelAsync(db, new TrainingInput { Capacity = 20, Status = TrainingStatus.Draft }, TrainingLinks.Create, true, cancellationToken));

    [HttpPost(TrainingLinks.Create)]
    public async Task<IActionResult> Create([Bind(Prefix = nameof(TrainingFormModel.Input))] TrainingInput input, CancellationToken cancellationToken)
    {
        Validate(input);
        if (!ModelState.IsValid)
        {
            return View("Edit", await TrainingForm.ModelAsync(db, input, TrainingLinks.Create, true, cancellationToken));
        }
        var training = new Training
        {
            Checklist = [.. TrainingText.DefaultChecklist.Select((label, i) => new TrainingChecklistItem { Label = label, SortOrder = i })],
        };
        await TrainingForm.ApplyAsync(db, input, training, cancellationToken);
        db.Trainings.Add(training);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Formation « {training.Title} » créée, avec sa liste d'organisation.";
        return Redirect(TrainingLinks.Manage(training.Id));
    }

    [HttpGet(TrainingLinks.EditRoute)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var training = await LoadAsync(id, cancellationToken);
        return training is null ? NotFound()
            : View(await TrainingForm.ModelAsync(db, TrainingInput.FromEntity(training), TrainingLinks.Edit(id), false, cancellationToken));
    }

    [HttpPost(TrainingLinks.EditRoute)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = nameof(TrainingFormModel.Input))] TrainingInput input, CancellationToken cancellationToken)
    {
        var training = await LoadAsync(id, cancellationToken);
        if (training is null)
        {
            return NotFound();
        }
        var action = TrainingLinks.Edit(id);
        Validate(input);
        if (ModelState.IsValid && training.Version != input.Version)
        {
            ModelState.AddModelError("", "Cette formation a été modifiée par quelqu'un d'autre pendant que vous la modifiiez. Vos saisies sont conservées : "
                + "ouvrez la formation dans un autre onglet pour voir la version enregistrée, puis enregistrez à nouveau.");
            input.Version = training.Version;
        }
        if (!ModelState.IsValid)
        {
            return View(await TrainingForm.ModelAsync(db, input, action, false, cancellationToken));
        }
        await TrainingForm.ApplyAsync(db, input, training, cancellationToken);
        db.Entry(training).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "La formation vient d'être enregistrée par quelqu'un d'autre : rechargez la page. Vos saisies sont conservées.");
            return View(await TrainingForm.ModelAsync(db, input, action, false, cancellationToken));
        }
        // More seats, or a training published again: the waitlist moves up.
        var promoted = await registrar.FillFreedSeatsAsync(id, cancellationToken);
        TempData["Message"] = "Formation enregistrée." + (promoted > 0 ? $" {promoted} personne(s) de la liste d'attente inscrite(s) et prévenue(s)." : "");
        return Redirect(TrainingLinks.Manage(id));
    }

    private void Validate(TrainingInput input)
    {
        foreach (var (field, message) in input.CrossFieldProblems())
        {
            ModelState.AddModelError(InputPrefix + field, message);
        }
    }

    private IQueryable<Training> Filter(string? period)
    {
        var now = clock.GetUtcNow();
        var trainings = db.Trainings.AsNoTracking();
        trainings = period switch
        {
            "passees" => trainings.Where(t => t.Sessions.All(s => s.EndsAt < now)).OrderByDescending(t => t.Sessions.Min(s => s.StartsAt)),
            "toutes" => trainings.OrderByDescending(t => t.Sessions.Min(s => s.StartsAt)),
            _ => trainings.Where(t => t.Sessions.Any(s => s.EndsAt >= now) || !t.Sessions.Any()).OrderBy(t => t.Sessions.Min(s => s.StartsAt)),
        };
        return ((IOrderedQueryable<Training>)trainings).ThenBy(t => t.Id);
    }

    private async Task<Dictionary<Guid, TrainingAdminRow>> RowsAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Trainings.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new
        {
            t.Id, t.Title, t.Theme, t.Status, t.Capacity,
            StartsAt = t.Sessions.Min(s => (DateTimeOffset?)s.StartsAt),
            Confirmed = t.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed),
            Waitlisted = t.Registrations.Count(r => r.Status == RegistrationStatus.Waitlisted),
            Done = t.Checklist.Count(c => c.DoneAt != null), Total = t.Checklist.Count,
        }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new TrainingAdminRow(r.Id, r.Title, r.Theme, r.StartsAt, TrainingDisplay.StatusLabel(r.Status, r.Confirmed, r.Capacity),
            r.Capacity, r.Confirmed, r.Waitlisted, r.Done, r.Total));
    }

    private Task<Training?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        db.Trainings.Include(t => t.Sessions).Include(t => t.Trainers).AsSplitQuery().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
}

public sealed record TrainingAdminRow(Guid Id, string Title, string? Theme, DateTimeOffset? StartsAt, string StatusLabel, int Capacity, int Confirmed, int Waitlisted,
    int ChecklistDone, int ChecklistTotal);

public sealed record TrainingAdminList(string Period, IReadOnlyList<TrainingAdminRow> Rows, int Total, PagerModel Pager);

public static class TrainingDisplay
{
    /// <summary>"Complète" is what a published training with no seat left shows.</summary>
    public static string StatusLabel(TrainingStatus status, int confirmed, int capacity) =>
        status == TrainingStatus.Published && confirmed >= capacity ? "Complète" : status.Label();
}
