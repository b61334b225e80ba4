using System.Globalization;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Compensation;

/// <summary>
/// Compensation of professionals for the time given to fiches action: a professional declares, the coordinator records or
/// validates within the yearly cap, the professional downloads the year's statement.
/// </summary>
[Authorize]
public sealed class CompensationController(AposartDbContext db, UserManager<AppUser> users, IOptions<CompensationOptions> options,
    CompensationStatement statement, CompensationLedger ledger, MeetingHours meetingHours, TimeProvider clock) : Controller
{
    private const int PageSize = 30;
    private const string Staff = Roles.Coordinator + "," + Roles.Admin;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private int CurrentYear => clock.GetUtcNow().ToParis().Year;

    [HttpGet(CompensationLinks.Mine)]
    public async Task<IActionResult> Mine(string? annee, CancellationToken cancellationToken) =>
        View(await MinePageAsync(Year(annee), new CompensationInput { Date = Today }, cancellationToken));

    [HttpPost(CompensationLinks.Declare)]
    public async Task<IActionResult> Declare([Bind(Prefix = "Input")] CompensationInput input, CancellationToken cancellationToken)
    {
        var me = await db.Professionals.OfUserAsync(User, cancellationToken);
        if (me is null)
        {
            return Redirect(Features.Profile.ProfileLinks.Edit);
        }
        input.ProfessionalId = me.Id;
        var entry = await CheckAsync(input, cancellationToken);
        if (entry is null)
        {
            return View("Mine", await MinePageAsync(input.Date?.Year ?? CurrentYear, input, cancellationToken));
        }
        entry.RecordedByName = (await users.GetUserAsync(User))!.NameOrEmail;
        if (await ledger.AddAsync(entry, cancellationToken) is { } overCap)
        {
            ModelState.AddModelError("Input.Quantity", overCap);
            return View("Mine", await MinePageAsync(entry.Date.Year, input, cancellationToken));
        }
        TempData["Message"] = $"Saisie enregistrée ({entry.Amount.ToString("N2", French)} €) : elle sera payée une fois validée par la coordination.";
        return Redirect($"/espace/indemnisation?annee={entry.Date.Year}");
    }

    [HttpGet(CompensationLinks.StatementRoute)]
    public async Task<IActionResult> Statement(string year, CancellationToken cancellationToken)
    {
        var me = await db.Professionals.OfUserAsync(User, cancellationToken);
        if (me is null || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 2000 || y > CurrentYear)
        {
            return NotFound();
        }
        return File(await statement.PdfAsync(me.Id, y, cancellationToken), "application/pdf", $"releve-indemnisation-{y}.pdf");
    }

    [Authorize(Roles = Staff)]
    [HttpGet(CompensationLinks.Manage)]
    public async Task<IActionResult> Admin(string? annee, CompensationStatus? statut, int page = 1, CancellationToken cancellationToken = default) =>
        View(await AdminPageAsync(Year(annee), statut, page, new CompensationInput { Date = Today }, cancellationToken));

    [Authorize(Roles = Staff)]
    [HttpGet(CompensationLinks.Export)]
    public async Task<IActionResult> Export(string? annee, CompensationStatus? statut, CancellationToken cancellationToken)
    {
        var year = Year(annee);
        var rows = await Rows(Filter(year, statut)).ToListAsync(cancellationToken);
        return CsvExport.File($"indemnisation-{year}.csv", ["Date", "Professionnel", "Fiche", "Nature", "Quantité", "Taux", "Montant", "Statut", "Objet", "Décision"],
            rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Entry.Date.ToString("dd/MM/yyyy", French), r.Person, $"{r.FicheNumber} – {r.FicheTitle}", r.Entry.Kind.Label(),
                r.Entry.Quantity.ToString(French), r.Entry.Rate.ToString(French), r.Entry.Amount.ToString(French), r.Entry.Status.Label(), r.Entry.Description,
                r.Entry.DecidedAt is { } at ? $"{r.Entry.DecidedByName}, {at.ToParisString()}{(r.Entry.DecisionNote is null ? "" : " : " + r.Entry.DecisionNote)}" : null,
            ]));
    }

    [Authorize(Roles = Staff)]
    [HttpPost(CompensationLinks.Record)]
    public async Task<IActionResult> Record([Bind(Prefix = "Input")] CompensationInput input, CancellationToken cancellationToken)
    {
        if (input.ProfessionalId is null || !await db.Professionals.AnyAsync(p => p.Id == input.ProfessionalId && p.AnonymisedAt == null, cancellationToken))
        {
            ModelState.AddModelError("Input.ProfessionalId", "Choisissez le professionnel.");
        }
        var entry = await CheckAsync(input, cancellationToken);
        if (entry is null)
        {
            return View("Admin", await AdminPageAsync(input.Date?.Year ?? CurrentYear, null, 1, input, cancellationToken));
        }
        entry.RecordedByName = (await users.GetUserAsync(User))!.NameOrEmail;
        if (await ledger.AddAsync(entry, cancellationToken) is { } overCap)
        {
            ModelState.AddModelError("Input.Quantity", overCap);
            return View("Admin", await AdminPageAsync(entry.Date.Year, null, 1, input, cancellationToken));
        }
        TempData["Message"] = "Saisie enregistrée, à valider.";
        return Redirect($"/gestion/indemnisation?annee={entry.Date.Year}");
    }

    [Authorize(Roles = Staff)]
    [HttpPost(CompensationLinks.ValidateRoute)]
    public async Task<IActionResult> Validate(Guid id, CancellationToken cancellationToken)
    {
        var entry = await db.CompensationEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }
        if (entry.Status != CompensationStatus.Submitted)
        {
            TempData["Error"] = "Cette saisie a déjà été traitée.";
        }
        else
        {
            var (done, message) = await ledger.ValidateAsync(id, (await users.GetUserAsync(User))!, cancellationToken);
            TempData[done ? "Message" : "Error"] = message;
        }
        return Redirect($"/gestion/indemnisation?annee={entry.Date.Year}");
    }

    [Authorize(Roles = Staff)]
    [HttpPost(CompensationLinks.RejectRoute)]
    public async Task<IActionResult> Reject(Guid id, string? note, CancellationToken cancellationToken)
    {
        var entry = await db.CompensationEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }
        var reason = TextInput.TrimmedOrNull(note);
        if (await ledger.DecideAsync(id, CompensationStatus.Rejected, reason is { Length: > 500 } ? reason[..500] : reason, (await users.GetUserAsync(User))!, cancellationToken) == 0)
        {
            TempData["Error"] = "Cette saisie a déjà été traitée.";
        }
        else
        {
            TempData["Message"] = "Saisie refusée.";
        }
        return Redirect($"/gestion/indemnisation?annee={entry.Date.Year}");
    }

    /// <summary>Checks the input against the rules of its year; returns the entry to add (the ledger checks the cap), or null with the messages in ModelState.</summary>
    private async Task<CompensationEntry?> CheckAsync(CompensationInput input, CancellationToken cancellationToken)
    {
        if (input.ActionSheetId is { } ficheId && !await db.ActionSheets.AnyAsync(a => a.Id == ficheId, cancellationToken))
        {
            ModelState.AddModelError("Input.ActionSheetId", "Cette fiche action n'existe pas.");
        }
        if (input.Date is { } date && (date > Today || date.Year < CurrentYear - 1))
        {
            ModelState.AddModelError("Input.Date", $"Une date passée, en {CurrentYear - 1} ou {CurrentYear}.");
        }
        if (input.Kind is { } kind && !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Input.Kind", "Choisissez la nature du temps passé.");
        }
        if (input.Quantity is { } quantity && quantity * 2 != decimal.Truncate(quantity * 2))
        {
            ModelState.AddModelError("Input.Quantity", "Par pas de 0,5 : par exemple 1, 1,5 ou 2.");
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        var year = input.Date!.Value.Year;
        var rates = options.Value.For(year);
        var rate = rates.RateOf(input.Kind!.Value);
        var amount = Math.Round(rate * input.Quantity!.Value, 2);
        return new CompensationEntry
        {
            ProfessionalId = input.ProfessionalId!.Value, ActionSheetId = input.ActionSheetId!.Value, Date = input.Date.Value, Kind = input.Kind.Value,
            Quantity = input.Quantity.Value, Rate = rate, Amount = amount, Description = TextInput.TrimmedOrNull(input.Description), Status = CompensationStatus.Submitted,
        };
    }

    private async Task<MyCompensationPage> MinePageAsync(int year, CompensationInput input, CancellationToken cancellationToken)
    {
        var me = await db.Professionals.OfUserAsync(User, cancellationToken);
        var entries = me is null ? [] : await Rows(db.CompensationEntries.Where(e => e.ProfessionalId == me.Id && e.Date.Year == year)).ToListAsync(cancellationToken);
        var first = me is null ? null : await db.CompensationEntries.Where(e => e.ProfessionalId == me.Id).MinAsync(e => (DateOnly?)e.Date, cancellationToken);
        return new MyCompensationPage(year, Years(first?.Year), entries,
            entries.Where(e => e.Entry.Status == CompensationStatus.Validated).Sum(e => e.Entry.Amount),
            entries.Where(e => e.Entry.Status == CompensationStatus.Submitted).Sum(e => e.Entry.Amount),
            options.Value.For(year), input, await FichesAsync(cancellationToken), me is not null,
            me is null ? [] : await meetingHours.ToConfirmAsync(me.Id, cancellationToken));
    }

    private async Task<CompensationAdminPage> AdminPageAsync(int year, CompensationStatus? status, int page, CompensationInput input, CancellationToken cancellationToken)
    {
        var paged = await Rows(Filter(year, status)).PageAsync(page, PageSize, cancellationToken);
        var totals = await db.CompensationEntries.Where(e => e.Date.Year == year).GroupBy(e => e.Status)
            .Select(g => new { g.Key, Amount = g.Sum(e => e.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Amount, cancellationToken);
        var people = await db.Professionals.Where(p => p.AnonymisedAt == null).OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.Profession }).ToListAsync(cancellationToken);
        return new CompensationAdminPage(year, status, paged.Rows, paged.Total,
            paged.Pager(CompensationLinks.Manage, $"annee={year}" + (status is null ? "" : $"&statut={status}")),
            totals.GetValueOrDefault(CompensationStatus.Validated), totals.GetValueOrDefault(CompensationStatus.Submitted), options.Value.For(year), input,
            await FichesAsync(cancellationToken), [.. people.Select(p => (p.Id, $"{p.LastName.ToUpper(French)} {p.FirstName} – {p.Profession.Label()}"))]);
    }

    private IQueryable<CompensationEntry> Filter(int year, CompensationStatus? status)
    {
        var query = db.CompensationEntries.Where(e => e.Date.Year == year);
        return status is { } s ? query.Where(e => e.Status == s) : query;
    }

    private static IQueryable<CompensationRow> Rows(IQueryable<CompensationEntry> entries) =>
        entries.OrderBy(e => e.Status).ThenByDescending(e => e.Date).ThenBy(e => e.Id).Select(e => new CompensationRow(e,
            e.Professional!.FirstName + " " + e.Professional.LastName, e.ActionSheet!.Number, e.ActionSheet.Title,
            e.Meeting == null ? null : e.Meeting.Title, e.Meeting == null ? null : e.Meeting.StartsAt,
            e.Meeting == null ? new List<string>() : e.Meeting.Invitees.Where(i => i.Present).OrderBy(i => i.Name).Select(i => i.Name).ToList()));

    private async Task<IReadOnlyList<(Guid Id, string Label)>> FichesAsync(CancellationToken cancellationToken) =>
        [.. (await db.ActionSheets.OrderBy(a => a.Number).Select(a => new { a.Id, a.Number, a.Title }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, $"n° {a.Number} – {a.Title}"))];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime);

    private int Year(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 2000 && year <= CurrentYear ? year : CurrentYear;

    private IReadOnlyList<int> Years(int? first) =>
        [.. Enumerable.Range(Math.Min(first ?? CurrentYear, CurrentYear - 1), CurrentYear - Math.Min(first ?? CurrentYear, CurrentYear - 1) + 1).Reverse()];
}
