using System.ComponentModel.DataAnnotations;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Sas;

public sealed class SasKeyInput
{
    [Display(Name = "Nom de la clé")]
    [Required(ErrorMessage = "Nommez la clé (par exemple « Plateforme SAS – production »).")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string? Name { get; set; }
}

/// <param name="Keys">Every key, newest first.</param>
/// <param name="Requests">The latest calls, a page of them.</param>
/// <param name="Pager">The calls' pages.</param>
/// <param name="Finess">The CPTS's FINESS, empty until set.</param>
/// <param name="Endpoint">The FHIR base to give the SAS.</param>
/// <param name="Header">The header that carries the key.</param>
/// <param name="Input">The new key's form.</param>
/// <param name="DoctorsWithoutRpps">Doctors with free slots to come but no RPPS on their profile.</param>
public sealed record SasPage(IReadOnlyList<SasKey> Keys, IReadOnlyList<SasRequest> Requests, PagerModel Pager, string Finess, string Endpoint, string Header,
    SasKeyInput Input, IReadOnlyList<string> DoctorsWithoutRpps);

/// <summary>The Admin's page of the SAS connection: the FINESS it needs, the keys issued and revoked, and every call logged.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class SasController(AposartDbContext db, SasKeys keys, UserManager<AppUser> users, IOptions<CptsOptions> cpts, IOptions<SasOptions> options,
    TimeProvider clock) : Controller
{
    private const int PageSize = 50;

    [HttpGet(SasLinks.Manage)]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default) =>
        View("Index", await PageAsync(new SasKeyInput { Name = "Plateforme numérique SAS" }, page, cancellationToken));

    [HttpPost(SasLinks.Issue)]
    public async Task<IActionResult> Issue([Bind(Prefix = "Input")] SasKeyInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("Index", await PageAsync(input, 1, cancellationToken));
        }
        var me = await users.GetUserAsync(User);
        var secret = await keys.IssueAsync(input.Name!.Trim(), me?.NameOrEmail ?? "", cancellationToken);
        // Shown once, on the next page only: the portal keeps its hash alone.
        TempData["SasSecret"] = secret;
        TempData["Message"] = "Clé créée. Copiez-la maintenant et transmettez-la à l'ANS par un canal sûr : elle ne sera plus affichée.";
        return Redirect(SasLinks.Manage);
    }

    [HttpPost(SasLinks.RevokeRoute)]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken cancellationToken)
    {
        var me = await users.GetUserAsync(User);
        TempData[await keys.RevokeAsync(id, me?.NameOrEmail ?? "", cancellationToken) ? "Message" : "Error"] =
            await db.SasKeys.AnyAsync(k => k.Id == id, cancellationToken) ? "Clé révoquée : elle est refusée dès maintenant." : "Clé introuvable.";
        return Redirect(SasLinks.Manage);
    }

    private async Task<SasPage> PageAsync(SasKeyInput input, int page, CancellationToken cancellationToken)
    {
        var requests = await db.SasRequests.AsNoTracking().Include(r => r.SasKey).OrderByDescending(r => r.Id).PageAsync(page, PageSize, cancellationToken);
        // The SAS asks for slots by RPPS number: a doctor's slots without one never reach it.
        var now = clock.GetUtcNow();
        var withoutRpps = await db.SnpSlots.Where(s => s.Status == SnpSlotStatus.Open && s.StartsAt > now && (s.Professional!.Rpps == null || s.Professional.Rpps == ""))
            .Select(s => s.Professional!.FirstName + " " + s.Professional.LastName).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
        return new SasPage(await db.SasKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken), requests.Rows,
            requests.Pager(SasLinks.Manage), cpts.Value.Finess, cpts.Value.PublicUrl.TrimEnd('/') + SasLinks.FhirBase, options.Value.ApiKeyHeader, input, withoutRpps);
    }
}
