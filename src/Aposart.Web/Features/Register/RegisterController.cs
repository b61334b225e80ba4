using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Register;

public sealed record RegisterProfessionCount(string Label, int Professionals, int Practices);

public sealed record RegisterPage(RegisterImport? LastImport, IReadOnlyList<RegisterProfessionCount> Professions, IReadOnlyList<MemberCheck> Checks, bool Stale);

/// <summary>The official register of the territory's professionals: its last import, what it holds, a new file.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator)]
public sealed class RegisterController(AposartDbContext db, RegisterImporter importer, RegisterCensus census, UserManager<AppUser> users, TimeProvider clock) : Controller
{
    /// <summary>The national extraction is about 700 MB; a territory's own extract is far smaller.</summary>
    private const long MaxUpload = 2L << 30;

    [HttpGet(RegisterLinks.Index)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await PageAsync(cancellationToken));

    [HttpPost(RegisterLinks.Index), RequestSizeLimit(MaxUpload), RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
    public async Task<IActionResult> Import(IFormFile? register, CancellationToken cancellationToken)
    {
        if (register is null || register.Length == 0)
        {
            ModelState.AddModelError("register", "Choisissez le fichier PS_LibreAcces_Personne_activite téléchargé sur l'Annuaire Santé.");
            return View("Index", await PageAsync(cancellationToken));
        }
        var me = await users.GetUserAsync(User);
        try
        {
            await using var stream = register.OpenReadStream();
            var import = await importer.ImportAsync(stream, register.FileName, me?.NameOrEmail ?? "", cancellationToken: cancellationToken);
            TempData["Message"] = $"Registre importé : {import.EntriesKept} situation(s) d'exercice du territoire retenue(s) sur {import.LinesRead:N0} lignes lues.";
        }
        catch (RppsFile.FormatException exception)
        {
            ModelState.AddModelError("register", exception.Message);
            return View("Index", await PageAsync(cancellationToken));
        }
        return Redirect(RegisterLinks.Index);
    }

    /// <summary>Every practice situation of the territory in the register, for the coordinator's own tables.</summary>
    [HttpGet(RegisterLinks.Csv)]
    public async Task<IActionResult> Csv(CancellationToken cancellationToken)
    {
        var entries = await db.RegisterEntries.AsNoTracking().OrderBy(e => e.CommuneName).ThenBy(e => e.ProfessionLabel).ThenBy(e => e.LastName)
            .ToListAsync(cancellationToken);
        return CsvExport.File("registre-rpps.csv",
            ["Identifiant national", "Nom", "Prénom", "Profession", "Savoir-faire", "Mode d'exercice", "Lieu d'exercice", "Adresse", "Code postal",
             "Code commune", "Commune", "Téléphone", "Adresse e-mail"],
            entries.Select(e => (IReadOnlyList<string?>)[e.NationalId, e.LastName, e.FirstName, e.ProfessionLabel, e.SpecialtyLabel, e.PracticeMode,
                e.Site, e.Street, e.Postcode, e.CommuneCode, e.CommuneName, e.Telephone, e.Email]));
    }

    private async Task<RegisterPage> PageAsync(CancellationToken cancellationToken)
    {
        var last = await db.RegisterImports.AsNoTracking().OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        var counts = await db.RegisterEntries.GroupBy(e => new { e.ProfessionCode, e.ProfessionLabel, e.Profession })
            .Select(g => new { g.Key.ProfessionLabel, g.Key.Profession, Professionals = g.Select(e => e.NationalId).Distinct().Count(), Practices = g.Count() })
            .ToListAsync(cancellationToken);
        // Doctors come as one profession in the register; the portal tells general practitioners from specialists.
        var rows = counts.Select(c => new RegisterProfessionCount(RegisterCensus.ProfessionLabel(new RegisterEntry { Profession = c.Profession, ProfessionLabel = c.ProfessionLabel }),
                c.Professionals, c.Practices))
            .OrderByDescending(r => r.Professionals).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        // The members are checked against the register at each import; the State refreshes it often, the CPTS at least yearly.
        var stale = last is not null && last.FinishedAt < clock.GetUtcNow().AddYears(-1);
        return new RegisterPage(last, rows, last is null ? [] : await census.CheckMembersAsync(last, cancellationToken), stale);
    }
}
