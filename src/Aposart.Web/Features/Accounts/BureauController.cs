using System.ComponentModel.DataAnnotations;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Accounts;

public sealed class MandateInput
{
    [Display(Name = "Personne")]
    [Required(ErrorMessage = "Choisissez la personne.")]
    public Guid? UserId { get; set; }

    [Display(Name = "Fonction")]
    [Required(ErrorMessage = "Choisissez la fonction.")]
    public BureauTitle? Title { get; set; }

    [Display(Name = "Début du mandat")]
    [Required(ErrorMessage = "Indiquez le début du mandat.")]
    public DateOnly? StartsOn { get; set; }

    [Display(Name = "Fin du mandat (si elle est connue)")]
    public DateOnly? EndsOn { get; set; }
}

public sealed record MandateRow(Guid Id, Guid UserId, string Name, string Email, BureauTitle Title, DateOnly StartsOn, DateOnly? EndsOn, bool PublicConsent, DateTimeOffset? ClosedAt);

public sealed record BureauPage(IReadOnlyList<MandateRow> Open, IReadOnlyList<MandateRow> Past, IReadOnlyList<SelectListItem> People, MandateInput Input, bool IsAdmin);

/// <summary>The bureau's composition: offices and mandates, opened and closed by the administrator; the coordination reads it.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator)]
public sealed class BureauController(AposartDbContext db, UserManager<AppUser> users, BureauMandates mandates, TimeProvider clock) : Controller
{
    [HttpGet(AccountsLinks.Bureau)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Bureau", await PageAsync(new MandateInput { StartsOn = DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime) }, cancellationToken));

    [HttpGet(AccountsLinks.BureauCsv)]
    public async Task<IActionResult> Csv(CancellationToken cancellationToken)
    {
        var rows = await Rows().ToListAsync(cancellationToken);
        return CsvExport.File("bureau.csv", ["Nom", "Adresse", "Fonction", "Début", "Fin", "Nom public", "En cours"],
            rows.Select(r => (IReadOnlyList<string?>)[r.Name, r.Email, r.Title.Label(), r.StartsOn.ToString("dd/MM/yyyy"), r.EndsOn?.ToString("dd/MM/yyyy"),
                r.PublicConsent ? "oui" : "non", r.ClosedAt is null ? "oui" : "non"]));
    }

    [Authorize(Roles = Roles.Admin)]
    [HttpPost(AccountsLinks.Bureau)]
    public async Task<IActionResult> Open([Bind(Prefix = "Input")] MandateInput input, CancellationToken cancellationToken)
    {
        var target = input.UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (ModelState.IsValid && target is null)
        {
            ModelState.AddModelError("Input.UserId", "Choisissez une personne de la liste.");
        }
        if (ModelState.IsValid && await mandates.OpenAsync(target!, input.Title!.Value, input.StartsOn!.Value, input.EndsOn, (await users.GetUserAsync(User))!, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError("Input.EndsOn", refusal);
        }
        if (!ModelState.IsValid)
        {
            return View("Bureau", await PageAsync(input, cancellationToken));
        }
        TempData["Message"] = $"Mandat enregistré : {target!.NameOrEmail} est {input.Title!.Value.Label().ToLowerInvariant()} et reçoit le rôle Bureau.";
        return Redirect(AccountsLinks.Bureau);
    }

    [Authorize(Roles = Roles.Admin)]
    [HttpPost(AccountsLinks.CloseMandateRoute)]
    public async Task<IActionResult> Close(Guid id, CancellationToken cancellationToken)
    {
        var closed = await mandates.CloseAsync(id, await users.GetUserAsync(User), cancellationToken);
        TempData[closed ? "Message" : "Error"] = closed ? "Mandat terminé : le rôle Bureau est retiré s'il n'en reste pas d'autre." : "Ce mandat est déjà terminé.";
        return Redirect(AccountsLinks.Bureau);
    }

    private IQueryable<MandateRow> Rows() =>
        db.BureauMandates.AsNoTracking().Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderBy(x => x.m.ClosedAt != null).ThenBy(x => x.m.Title).ThenBy(x => x.u.LastName).ThenByDescending(x => x.m.StartsOn)
            .Select(x => new MandateRow(x.m.Id, x.u.Id, (x.u.FirstName + " " + x.u.LastName).Trim(), x.u.Email!, x.m.Title, x.m.StartsOn, x.m.EndsOn,
                x.m.PublicConsent, x.m.ClosedAt));

    private async Task<BureauPage> PageAsync(MandateInput input, CancellationToken cancellationToken)
    {
        var rows = await Rows().ToListAsync(cancellationToken);
        var people = await db.Users.AsNoTracking().Where(u => u.EmailConfirmed).OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new SelectListItem((u.FirstName + " " + u.LastName).Trim() + " — " + u.Email, u.Id.ToString())).Take(2000).ToListAsync(cancellationToken);
        people.Insert(0, new SelectListItem("Choisissez…", ""));
        return new BureauPage([.. rows.Where(r => r.ClosedAt is null)], [.. rows.Where(r => r.ClosedAt is not null).Take(50)], people, input, User.IsInRole(Roles.Admin));
    }
}

/// <summary>The person's own choice, from their home, to appear on the public page as a member of the bureau.</summary>
[Authorize]
public sealed class BureauConsentController(UserManager<AppUser> users, BureauMandates mandates) : Controller
{
    /// <summary>The person's own choice to appear, with office and collège, on the public page.</summary>
    [HttpPost(AccountsLinks.MyBureauConsent)]
    public async Task<IActionResult> Consent(bool consent, CancellationToken cancellationToken)
    {
        var me = await users.GetUserAsync(User);
        await mandates.SetConsentAsync(me!.Id, consent, cancellationToken);
        TempData["Message"] = consent ? "Votre nom et votre fonction apparaissent sur la page publique de la CPTS." : "Votre nom n'apparaît plus sur la page publique de la CPTS.";
        return Redirect(Home.MemberHomeController.Path);
    }
}
