using System.Globalization;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Profile;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Members;

[Authorize(Roles = Roles.BoardOrCoordinator)]
public sealed class MembersController(AposartDbContext db, TimeProvider clock, MyData.PersonalDataErasure erasure) : Controller
{
    private const int PageSize = 25;

    [HttpGet(MembersLinks.List)]
    public async Task<IActionResult> List([FromQuery] MemberQuery query, int page = 1, CancellationToken cancellationToken = default)
    {
        var year = query.Year ?? clock.GetUtcNow().ToParis().Year;
        var memberships = Filter(query, year);
        var paged = await Ordered(memberships).PageAsync(page, PageSize, cancellationToken);
        var summary = await Filter(query with { Status = null }, year).GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return View(new MembersPage(query with { Year = year }, paged.Rows, paged.Total, summary,
            paged.Pager(MembersLinks.List, query.ToQueryString(year)), await FiltersAsync(cancellationToken)));
    }

    [HttpGet(MembersLinks.Export)]
    public async Task<IActionResult> Export([FromQuery] MemberQuery query, CancellationToken cancellationToken)
    {
        var year = query.Year ?? clock.GetUtcNow().ToParis().Year;
        var rows = await Ordered(Filter(query, year)).ToListAsync(cancellationToken);
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        return CsvExport.File($"membres-{year}.csv",
            ["Nom", "Prénom", "Profession", "Spécialité", "RPPS", "ADELI", "Courriel", "Commune", "Collège", "Année", "Statut", "Cotisation (€)", "Payé (€)",
                "Membre depuis", "N° attestation"],
            rows.Select(m => (IReadOnlyList<string?>)[
                m.Professional!.LastName, m.Professional.FirstName, m.Professional.Profession.Label(), m.Professional.Specialty, m.Professional.Rpps,
                m.Professional.Adeli, m.Professional.Email, m.Professional.PracticeSites.OrderBy(s => s.SortOrder).FirstOrDefault()?.City,
                m.College?.Name, m.Year.ToString(CultureInfo.InvariantCulture), m.Status.Label(), m.FeeAmount.ToString("0.00", fr),
                m.Allocations.Sum(a => a.Amount).ToString("0.00", fr), m.Professional.MemberSince?.ToString("dd/MM/yyyy", fr), m.CertificateNumber]));
    }

    [HttpGet(MembersLinks.DetailsRoute)]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var professional = await db.Professionals.AsNoTracking()
            .Include(p => p.PracticeSites).Include(p => p.Organisations)
            .Include(p => p.Memberships).ThenInclude(m => m.College)
            .Include(p => p.Memberships).ThenInclude(m => m.Events)
            .Include(p => p.Memberships).ThenInclude(m => m.Allocations).ThenInclude(a => a.Payment)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        // The record's import history: which spreadsheet created or changed it, on which line, with what.
        ViewData["Imports"] = await db.SpreadsheetImportLines.AsNoTracking().Where(l => l.ProfessionalId == id).OrderBy(l => l.Id)
            .Join(db.SpreadsheetImports, l => l.ImportId, i => i.Id, (l, i) => new MemberImportLine(i.Id, i.FileName, i.CommittedAt, l.RowNumber, l.Outcome, l.Details))
            .ToListAsync(cancellationToken);
        return professional is null ? NotFound() : View(professional);
    }

    [HttpGet(MembersLinks.EditRoute)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var professional = await LoadForEditAsync(id, cancellationToken);
        if (professional is null)
        {
            return NotFound();
        }
        ViewData["Professional"] = professional.DisplayName;
        return View(await ProfileForm.ModelAsync(db, ProfileForm.FromEntity(professional), MembersLinks.Edit(id), null, cancellationToken));
    }

    [HttpPost(MembersLinks.EditRoute)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = nameof(ProfileFormModel.Input))] ProfileInput input, CancellationToken cancellationToken)
    {
        var professional = await LoadForEditAsync(id, cancellationToken);
        if (professional is null)
        {
            return NotFound();
        }
        ViewData["Professional"] = professional.DisplayName;
        var action = MembersLinks.Edit(id);
        await ProfileForm.ValidateUniqueAsync(db, input, professional.Id, ModelState, cancellationToken);
        if (ModelState.IsValid && professional.Version != input.Version)
        {
            ModelState.AddModelError("", "Cette fiche a été modifiée entre-temps (par le professionnel ou un autre membre de la coordination). Vos saisies sont conservées : vérifiez-les et enregistrez à nouveau.");
            input.Version = professional.Version;
        }
        if (!ModelState.IsValid)
        {
            return View(await ProfileForm.ModelAsync(db, input, action, null, cancellationToken));
        }
        await ProfileForm.ApplyAsync(db, input, professional, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException
            || exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            ModelState.AddModelError("", "Cette fiche vient d'être modifiée en même temps : rechargez la page.");
            return View(await ProfileForm.ModelAsync(db, input, action, null, cancellationToken));
        }
        TempData["Message"] = "La fiche a été enregistrée." + (ProfileForm.Warning(input) is { } warning ? " " + warning : "");
        return Redirect(MembersLinks.Details(id));
    }

    /// <summary>An imported record no one has claimed, erased at its person's request (they have no account to do it).</summary>
    [HttpPost(MembersLinks.EraseRoute)]
    public async Task<IActionResult> Erase(Guid id, string? reason, CancellationToken cancellationToken)
    {
        if (await erasure.EraseUnclaimedAsync(id, reason, cancellationToken))
        {
            TempData["Message"] = "Fiche effacée : nom, coordonnées, lieux d'exercice et adresses des courriels ont été retirés ; la demande figure au registre RGPD.";
            return Redirect(MembersLinks.ErasureLog);
        }
        TempData["Error"] = "Seule une fiche importée que personne n'a réclamée peut être effacée ici ; une personne qui a un compte efface ses données depuis son espace.";
        return Redirect(MembersLinks.Details(id));
    }

    [HttpGet(MembersLinks.ErasureLog)]
    public async Task<IActionResult> ErasureLog(int page = 1, CancellationToken cancellationToken = default)
    {
        var paged = await db.ErasureRequests.AsNoTracking().OrderByDescending(e => e.RequestedAt).ThenBy(e => e.Id)
            .PageAsync(page, PageSize, cancellationToken);
        return View(new ErasurePage(paged.Rows, paged.Total, paged.Pager(MembersLinks.ErasureLog)));
    }

    [HttpGet(MembersLinks.ErasureLogExport)]
    public async Task<IActionResult> ErasureLogExport(CancellationToken cancellationToken)
    {
        var rows = await db.ErasureRequests.AsNoTracking().OrderByDescending(e => e.RequestedAt).ToListAsync(cancellationToken);
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        return CsvExport.File("demandes-effacement.csv", ["Demandée le", "Traitée le", "Fiche anonymisée", "Motif"],
            rows.Select(e => (IReadOnlyList<string?>)[e.RequestedAt.ToParis().ToString("dd/MM/yyyy HH:mm", fr),
                e.CompletedAt?.ToParis().ToString("dd/MM/yyyy HH:mm", fr), e.ProfessionalId?.ToString(), e.Reason]));
    }

    private Task<Professional?> LoadForEditAsync(Guid id, CancellationToken cancellationToken) =>
        db.Professionals.Include(p => p.PracticeSites).Include(p => p.Organisations)
            .SingleOrDefaultAsync(p => p.Id == id && p.AnonymisedAt == null, cancellationToken);

    private IQueryable<Membership> Filter(MemberQuery query, int year)
    {
        var memberships = db.Memberships.AsNoTracking().Where(m => m.Year == year);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = SearchPattern.Contains(query.Q);
            memberships = memberships.Where(m => EF.Functions.ILike(m.Professional!.LastName, pattern) || EF.Functions.ILike(m.Professional.FirstName, pattern)
                || EF.Functions.ILike(m.Professional.FirstName + " " + m.Professional.LastName, pattern) || EF.Functions.ILike(m.Professional.Email!, pattern));
        }
        if (query.Profession is { } profession)
        {
            memberships = memberships.Where(m => m.Professional!.Profession == profession);
        }
        if (!string.IsNullOrWhiteSpace(query.Commune))
        {
            memberships = memberships.Where(m => m.Professional!.PracticeSites.Any(s => s.CommuneInsee == query.Commune));
        }
        if (query.College is { } college)
        {
            memberships = memberships.Where(m => m.CollegeId == college);
        }
        if (query.Status is { } status)
        {
            memberships = memberships.Where(m => m.Status == status);
        }
        return memberships;
    }

    private static IQueryable<Membership> Ordered(IQueryable<Membership> memberships) =>
        memberships.Include(m => m.Professional).ThenInclude(p => p!.PracticeSites).Include(m => m.College).Include(m => m.Allocations)
            .OrderBy(m => m.Professional!.LastName).ThenBy(m => m.Professional!.FirstName).ThenBy(m => m.Id).AsSplitQuery();

    private async Task<MemberFilters> FiltersAsync(CancellationToken cancellationToken)
    {
        var communes = await db.Communes.AsNoTracking().OrderBy(c => c.Name).Select(c => new SelectListItem(c.Name, c.InseeCode)).ToListAsync(cancellationToken);
        var colleges = await db.Colleges.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(cancellationToken);
        var years = await db.Memberships.Select(m => m.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        var current = clock.GetUtcNow().ToParis().Year;
        if (!years.Contains(current))
        {
            years.Insert(0, current);
        }
        return new MemberFilters(communes, colleges, years);
    }
}

public sealed record MemberQuery
{
    public string? Q { get; init; }
    public Profession? Profession { get; init; }
    public string? Commune { get; init; }
    public int? College { get; init; }
    public MembershipStatus? Status { get; init; }
    public int? Year { get; init; }

    public string ToQueryString(int year) => string.Join("&", new[]
    {
        string.IsNullOrWhiteSpace(Q) ? null : "q=" + Uri.EscapeDataString(Q),
        Profession is null ? null : "profession=" + Profession,
        string.IsNullOrWhiteSpace(Commune) ? null : "commune=" + Uri.EscapeDataString(Commune),
        College is null ? null : "college=" + College.Value.ToString(CultureInfo.InvariantCulture),
        Status is null ? null : "status=" + Status,
        "year=" + year.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p is not null));
}

public sealed record MemberFilters(IReadOnlyList<SelectListItem> Communes, IReadOnlyList<SelectListItem> Colleges, IReadOnlyList<int> Years);

public sealed record MembersPage(MemberQuery Query, IReadOnlyList<Membership> Rows, int Total, IReadOnlyDictionary<MembershipStatus, int> Summary,
    PagerModel Pager, MemberFilters Filters);

public sealed record MemberImportLine(int ImportId, string FileName, DateTimeOffset? At, int Line, ImportOutcome Outcome, string Details);

public sealed record ErasurePage(IReadOnlyList<ErasureRequest> Rows, int Total, PagerModel Pager);
