using Aposart.Web.Data;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Register;

/// <summary>
/// The register's identity of one RPPS number, asked by the profile form as the number is typed, so that a professional
/// (or the coordination on their behalf) need not type what the State already publishes. Open data, but only to signed-in
/// people: the portal is not a public mirror of the register.
/// </summary>
[Authorize]
public sealed class RegisterLookupController(AposartDbContext db) : Controller
{
    [HttpGet(RegisterLinks.Lookup)]
    public async Task<IActionResult> Lookup(string? numero, CancellationToken cancellationToken)
    {
        var rpps = FrenchFormats.Digits(numero ?? "");
        if (rpps.Length != 11 || !FrenchFormats.PassesLuhn(rpps))
        {
            return Json(new { found = false, message = "" });
        }
        var nationalId = "8" + rpps;
        var entries = await db.RegisterEntries.AsNoTracking().Where(e => e.NationalId == nationalId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            var any = await db.RegisterImports.AnyAsync(cancellationToken);
            return Json(new { found = false, message = any ? "Ce numéro n'est pas dans le registre des professionnels du territoire : remplissez votre identité vous-même." : "" });
        }
        var first = entries[0];
        var places = string.Join(", ", entries.Select(e => e.CommuneName).Where(c => c.Length > 0).Distinct());
        var profession = first.Profession?.ToString();
        return Json(new
        {
            found = true,
            firstName = RegisterCensus.Title(first.FirstName),
            lastName = RegisterCensus.Title(first.LastName),
            profession,
            message = $"Trouvé dans le registre national (RPPS) : {RegisterCensus.Title(first.FirstName)} {RegisterCensus.Title(first.LastName)}, {first.ProfessionLabel}"
                + (first.SpecialtyLabel.Length > 0 ? $" ({first.SpecialtyLabel})" : "") + (places.Length > 0 ? $", {places}" : "")
                + ". Les champs vides de l'identité ont été remplis ; vérifiez-les.",
        });
    }
}
