using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Accounts;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Register;

public sealed record CensusPage(CensusQuery Query, IReadOnlyList<CensusRow> Rows, int Total, IReadOnlyDictionary<CensusStatus, int> Summary, PagerModel Pager,
    IReadOnlyList<string> Communes, IReadOnlyList<string> Professions, bool HasRegister);

/// <summary>The territory's professionals from the register, member or not, and the invitations to those who are not.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator)]
public sealed class CensusController(AposartDbContext db, RegisterCensus census, Invitations invitations, UserManager<AppUser> users) : Controller
{
    private const int PageSize = 50;

    [HttpGet(RegisterLinks.Census)]
    public async Task<IActionResult> Index(string? commune, string? profession, CensusStatus? statut, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = new CensusQuery(commune, profession, statut is { } s && Enum.IsDefined(s) ? s : null, page);
        var all = await census.RowsAsync(new CensusQuery(), cancellationToken);
        var rows = RegisterCensus.Filter(all, query);
        var pageCount = Math.Max(1, (int)Math.Ceiling(rows.Count / (double)PageSize));
        page = Math.Clamp(page, 1, pageCount);
        return View("Census", new CensusPage(query, [.. rows.Skip((page - 1) * PageSize).Take(PageSize)], rows.Count,
            rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()), new PagerModel(page, pageCount, RegisterLinks.Census, query.QueryString),
            [.. all.SelectMany(r => r.Communes).Distinct().Order(StringComparer.Ordinal)], [.. all.Select(r => r.Profession).Distinct().Order(StringComparer.Ordinal)],
            await db.RegisterImports.AnyAsync(cancellationToken)));
    }

    [HttpGet(RegisterLinks.CensusCsv)]
    public async Task<IActionResult> Csv(string? commune, string? profession, CensusStatus? statut, CancellationToken cancellationToken)
    {
        var rows = await census.RowsAsync(new CensusQuery(commune, profession, statut), cancellationToken);
        return CsvExport.File("recensement-territoire.csv", ["Identifiant national", "Nom", "Prénom", "Profession", "Communes d'exercice", "Adresse e-mail (registre)", "Situation"],
            rows.Select(r => (IReadOnlyList<string?>)[r.NationalId, r.LastName, r.FirstName, r.Profession, string.Join(", ", r.Communes), r.Email, RegisterCensus.Label(r.Status)]));
    }

    /// <summary>
    /// Invites the chosen professionals who have no account: a record without account is offered to be claimed, someone
    /// the directory does not know is invited to join; only where an address is known. Mail goes through the outbox.
    /// </summary>
    [HttpPost(RegisterLinks.CensusInvite)]
    public async Task<IActionResult> Invite(List<string> ids, string? returnQuery, CancellationToken cancellationToken)
    {
        var me = (await users.GetUserAsync(User))!;
        var chosen = ids.Take(500).ToHashSet(StringComparer.Ordinal);
        var rows = (await census.RowsAsync(new CensusQuery(), cancellationToken)).Where(r => chosen.Contains(r.NationalId) && r.CanBeInvited).ToList();
        var sent = 0;
        var skipped = 0;
        foreach (var row in rows)
        {
            if (row.Status == CensusStatus.Record && await db.Professionals.SingleOrDefaultAsync(p => p.Id == row.ProfessionalId, cancellationToken) is { Email: not null } record)
            {
                var prepared = await invitations.PrepareClaimAsync(record, null, me, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                _ = prepared is null ? skipped++ : sent++;
            }
            else
            {
                _ = await invitations.InviteAsync(row.Email, RegisterCensus.Title(row.FirstName), RegisterCensus.Title(row.LastName), [], me, cancellationToken) is null ? sent++ : skipped++;
            }
        }
        TempData["Message"] = $"{sent} invitation(s) mise(s) en file d'envoi" + (skipped > 0 ? $", {skipped} ignorée(s) (compte ou invitation déjà en cours)." : ".");
        var back = returnQuery is { Length: > 0 } q && !q.Contains("//", StringComparison.Ordinal) && !q.Contains(':', StringComparison.Ordinal) ? "?" + q : "";
        return Redirect(RegisterLinks.Census + back);
    }
}
