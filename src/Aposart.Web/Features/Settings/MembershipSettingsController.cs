using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Settings;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Settings;

/// <summary>
/// The membership side of the settings: fees per year, collèges, statutes and règlement intérieur, compensation rates.
/// Fees, collèges and statutes live in their own tables (adhesions point at them); each change is also written to the
/// settings history with who made it.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class MembershipSettingsController(AposartDbContext db, UserManager<AppUser> users, PortalSettings settings, SettingsPageBuilder pages,
    TimeProvider clock) : Controller
{
    private static readonly SettingsSection<FeesInput> FeesHistory = new("fees");
    private static readonly SettingsSection<CollegesInput> CollegesHistory = new("colleges");

    [HttpPost(SettingsLinks.Fees)]
    public async Task<IActionResult> Fees([Bind(Prefix = "Fees")] FeesInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("~/Features/Settings/Index.cshtml", await pages.BuildAsync(User, cancellationToken, fees: input));
        }
        foreach (var (category, amount) in new[] { (FeeCategory.Individual, input.Individual), (FeeCategory.Structure, input.Structure) })
        {
            if (await db.MembershipFees.FindAsync([input.Year, category], cancellationToken) is { } fee)
            {
                fee.Amount = amount;
            }
            else
            {
                db.MembershipFees.Add(new MembershipFee { Year = input.Year, Category = category, Amount = amount });
            }
        }
        await RecordAsync(FeesHistory, input, cancellationToken);
        TempData["Message"] = $"Les cotisations {input.Year} sont enregistrées. Les demandes déjà envoyées gardent le montant affiché au moment de la demande.";
        return Redirect(SettingsLinks.Section("cotisations"));
    }

    [HttpPost(SettingsLinks.Colleges)]
    public async Task<IActionResult> Colleges([Bind(Prefix = "Colleges")] CollegesInput input, CancellationToken cancellationToken)
    {
        var names = (input.Lines ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0)
        {
            ModelState.AddModelError("Colleges.Lines", "Indiquez au moins un collège.");
        }
        else if (names.FirstOrDefault(n => n.Length > 100) is { } tooLong)
        {
            ModelState.AddModelError("Colleges.Lines", $"« {tooLong[..40]}… » dépasse 100 caractères.");
        }
        var existing = await db.Colleges.ToListAsync(cancellationToken);
        var removed = existing.Where(c => !names.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var removedIds = removed.Select(c => c.Id).ToList();
        var used = await db.Memberships.Where(m => removedIds.Contains(m.CollegeId)).Select(m => m.CollegeId).Distinct().ToListAsync(cancellationToken);
        if (used.Count > 0)
        {
            ModelState.AddModelError("Colleges.Lines",
                $"Des adhésions sont rattachées à : {string.Join(", ", removed.Where(c => used.Contains(c.Id)).Select(c => c.Name))}. Gardez ce collège (vous pouvez le renommer en le modifiant sur sa ligne).");
        }
        if (!ModelState.IsValid)
        {
            return View("~/Features/Settings/Index.cshtml", await pages.BuildAsync(User, cancellationToken, colleges: input));
        }
        db.Colleges.RemoveRange(removed);
        for (var index = 0; index < names.Count; index++)
        {
            var college = existing.FirstOrDefault(c => string.Equals(c.Name, names[index], StringComparison.OrdinalIgnoreCase) && !removed.Contains(c));
            if (college is null)
            {
                college = new College();
                db.Colleges.Add(college);
            }
            college.Name = names[index];
            college.SortOrder = index + 1;
        }
        await RecordAsync(CollegesHistory, new CollegesInput { Lines = string.Join("\n", names) }, cancellationToken);
        TempData["Message"] = "Les collèges sont enregistrés.";
        return Redirect(SettingsLinks.Section("colleges"));
    }

    [HttpPost(SettingsLinks.Compensation)]
    public async Task<IActionResult> Compensation([Bind(Prefix = "Compensation")] CompensationRatesInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("~/Features/Settings/Index.cshtml", await pages.BuildAsync(User, cancellationToken, compensation: input));
        }
        var years = new Dictionary<int, CompensationRates>(settings.Get(SettingsSections.Compensation)?.Years ?? []) { [input.Year] = input.ToRates() };
        var me = await users.GetUserAsync(User);
        await settings.SaveAsync(db, SettingsSections.Compensation, new CompensationSettings { Years = years }, me?.Id, me?.NameOrEmail ?? "", cancellationToken);
        TempData["Message"] = $"Les taux et le plafond d'indemnisation {input.Year} sont enregistrés.";
        return Redirect(SettingsLinks.Section("indemnisation"));
    }

    [HttpPost(SettingsLinks.Statutes), RequestSizeLimit(12 * 1024 * 1024)]
    public async Task<IActionResult> Statutes([Bind(Prefix = "Statutes")] StatutesInput input, CancellationToken cancellationToken)
    {
        byte[] content = [];
        if (input.File is not null)
        {
            using var buffer = new MemoryStream();
            await input.File.OpenReadStream().CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        if (content.Length == 0)
        {
            ModelState.AddModelError("Statutes.File", "Choisissez le fichier PDF.");
        }
        else if (!FileSignatures.IsPdf(content))
        {
            ModelState.AddModelError("Statutes.File", "Le fichier doit être un PDF.");
        }
        else if (content.Length > 10 * 1024 * 1024)
        {
            ModelState.AddModelError("Statutes.File", "Le PDF dépasse 10 Mo : réduisez-le.");
        }
        var label = input.Label?.Trim() ?? "";
        if (label.Length > 0 && await db.StatutesVersions.AnyAsync(s => s.Kind == input.Kind && s.Label == label, cancellationToken))
        {
            ModelState.AddModelError("Statutes.Label", "Une version porte déjà cet intitulé : précisez-le (date d'adoption, numéro).");
        }
        if (!Enum.IsDefined(input.Kind))
        {
            ModelState.AddModelError("Statutes.Kind", "Choisissez statuts ou règlement intérieur.");
        }
        if (!ModelState.IsValid)
        {
            return View("~/Features/Settings/Index.cshtml", await pages.BuildAsync(User, cancellationToken, statutes: input));
        }
        var me = await users.GetUserAsync(User);
        db.StatutesVersions.Add(new StatutesVersion
        {
            Kind = input.Kind,
            Label = label,
            Pdf = content,
            AdoptedOn = input.AdoptedOn!.Value,
            UploadedAt = clock.GetUtcNow(),
            UploadedByName = me?.NameOrEmail ?? "",
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = input.Kind == StatutesKind.Statutes
            ? "La nouvelle version des statuts est publiée : les prochaines demandes d'adhésion l'acceptent, les adhésions passées gardent la leur."
            : "La nouvelle version du règlement intérieur est publiée.";
        return Redirect(SettingsLinks.Section("statuts"));
    }

    /// <summary>Saves the table changes and their line in the settings history in one transaction.</summary>
    private async Task RecordAsync<T>(SettingsSection<T> section, T value, CancellationToken cancellationToken) where T : class
    {
        var me = await users.GetUserAsync(User);
        await settings.SaveAsync(db, section, value, me?.Id, me?.NameOrEmail ?? "", cancellationToken);
    }
}
