using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Profile;

[Authorize, Route(ProfileLinks.Edit)]
public sealed class ProfileController(AposartDbContext db, UserManager<AppUser> users, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(users.GetUserId(User)!);
        var professional = await LoadAsync(userId, cancellationToken);
        ProfileInput input;
        if (professional is null)
        {
            var user = await users.GetUserAsync(User);
            input = new ProfileInput { FirstName = user?.FirstName, LastName = user?.LastName, Email = user?.Email };
        }
        else
        {
            input = ProfileForm.FromEntity(professional);
        }
        return View(await ProfileForm.ModelAsync(db, input, ProfileLinks.Edit, TempData["Warning"] as string, cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> Edit([Bind(Prefix = nameof(ProfileFormModel.Input))] ProfileInput input, CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(users.GetUserId(User)!);
        var professional = await LoadAsync(userId, cancellationToken);
        await ProfileForm.ValidateUniqueAsync(db, input, professional?.Id, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View(await ProfileForm.ModelAsync(db, input, ProfileLinks.Edit, null, cancellationToken));
        }
        if (professional is null)
        {
            professional = new Professional { UserId = userId };
            db.Professionals.Add(professional);
        }
        else if (professional.Version != input.Version)
        {
            ModelState.AddModelError("", "Votre fiche a été modifiée entre-temps (par vous dans un autre onglet, ou par la coordination). Vos saisies sont conservées ci-dessous : vérifiez-les et enregistrez à nouveau.");
            input.Version = professional.Version;
            return View(await ProfileForm.ModelAsync(db, input, ProfileLinks.Edit, null, cancellationToken));
        }
        await ProfileForm.ApplyAsync(db, input, professional, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two saves at the same moment: the checks above passed for both, the index refused the second.
            ModelState.AddModelError("", "Cette fiche vient d'être créée ou modifiée en même temps : rechargez la page.");
            return View(await ProfileForm.ModelAsync(db, input, ProfileLinks.Edit, null, cancellationToken));
        }
        TempData["Message"] = "Votre fiche a été enregistrée.";
        TempData["Warning"] = ProfileForm.Warning(input);
        return RedirectToAction(nameof(Edit));
    }

    private async Task<Professional?> LoadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var own = await db.Professionals.Include(p => p.PracticeSites).Include(p => p.Organisations)
            .SingleOrDefaultAsync(p => p.UserId == userId && p.AnonymisedAt == null, cancellationToken);
        if (own is not null)
        {
            return own;
        }
        // Someone the coordination imported may create an account without the invitation: the address they confirmed is
        // the record's, so the record is theirs (a conditional update: two tabs at once claim it once).
        var email = (await users.FindByIdAsync(userId.ToString()))?.Email?.ToLowerInvariant();
        if (email is not null && await db.Professionals.Where(p => p.Email == email && p.AwaitingConsent && p.UserId == null && p.AnonymisedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.UserId, userId).SetProperty(p => p.AwaitingConsent, false), cancellationToken) == 1)
        {
            var year = clock.GetUtcNow().ToParis().Year;
            if (await db.Memberships.AnyAsync(m => m.Professional!.UserId == userId && m.Year >= year - 1 && MembershipText.ActiveStatuses.Contains(m.Status), cancellationToken)
                && await users.FindByIdAsync(userId.ToString()) is { } user)
            {
                // A current membership came with the record: a member from now on (the role applies at the next sign-in).
                await users.AddToRoleAsync(user, Roles.Member);
            }
            TempData["Message"] = "La CPTS avait déjà une fiche à votre adresse, reprise de son tableau des adhérents : elle est désormais la vôtre. Vérifiez-la, et choisissez ce qui est visible.";
            return await db.Professionals.Include(p => p.PracticeSites).Include(p => p.Organisations)
                .SingleOrDefaultAsync(p => p.UserId == userId && p.AnonymisedAt == null, cancellationToken);
        }
        return null;
    }
}
