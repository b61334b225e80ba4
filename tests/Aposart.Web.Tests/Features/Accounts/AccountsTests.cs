using System.Net;
using Aposart.Web.Domain;
using Aposart.Web.Features.Accounts;
using Aposart.Web.Tests.Features.Trainings;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Accounts;

/// <summary>Accounts and roles given by the administrator, invitations, and the guard rails that keep the portal administrable.</summary>
public sealed class AccountsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Task<Page> PostAsync(Browser browser, Page from, string action, params (string, string)[] fields) => browser.PostFromAsync(from, action, fields);

    [Fact]
    public async Task The_admin_gives_the_bureau_role_which_counts_at_the_persons_next_page_is_logged_mailed_and_can_be_taken_back()
    {
        var (admin, adminUser) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var (person, personUser) = await portal.SignedInAsync(Roles.Professional);
        Assert.True((await person.GetAsync("/gestion/adhesions")).IsRefused);

        var list = await admin.GetAsync($"/gestion/comptes?q={Uri.EscapeDataString(personUser.Email!)}");
        Assert.Contains("1 compte(s).", list.Text);
        var details = await admin.GetAsync($"/gestion/comptes/{personUser.Id}");
        var granted = await PostAsync(admin, details, $"/gestion/comptes/{personUser.Id}/roles", ("roles", Roles.Board));
        Assert.Contains("Rôles enregistrés", granted.Text);
        Assert.Contains("Rôles actuels : Bureau, Professionnel", granted.Text);
        Assert.Contains(adminUser.NameOrEmail, granted.Text);

        // Same cookie, no new sign-in: the role applies at the next page.
        Assert.False((await person.GetAsync("/gestion/adhesions")).IsRefused);
        var notice = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == personUser.Email && m.Subject == "Vos accès au portail ont changé").CountAsync());
        Assert.Equal(1, notice);
        var audit = await portal.WithDbAsync(db => db.AccountAudits.SingleAsync(a => a.UserId == personUser.Id));
        Assert.Equal(("Rôles modifiés", "aucun", "Bureau"), (audit.Action, audit.Before, audit.After));

        var revoked = await PostAsync(admin, granted, $"/gestion/comptes/{personUser.Id}/roles");
        Assert.Contains("Rôles actuels : Professionnel", revoked.Text);
        Assert.True((await person.GetAsync("/gestion/adhesions")).IsRefused);
    }

    [Fact]
    public async Task The_last_administrator_can_neither_drop_the_role_nor_be_suspended_and_two_administrators_cannot_remove_each_other_at_once()
    {
        var (first, firstUser) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var (second, secondUser) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        // Other tests of this class make administrators too: leave exactly these two.
        await portal.WithDbAsync(db => db.UserRoles.Where(ur => ur.UserId != firstUser.Id && ur.UserId != secondUser.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)).ExecuteDeleteAsync());

        // Each removes the other at the same moment: one of them must stay.
        var pages = await Task.WhenAll(first.GetAsync($"/gestion/comptes/{secondUser.Id}"), second.GetAsync($"/gestion/comptes/{firstUser.Id}"));
        await Task.WhenAll(
            PostAsync(first, pages[0], $"/gestion/comptes/{secondUser.Id}/roles"),
            PostAsync(second, pages[1], $"/gestion/comptes/{firstUser.Id}/roles"));
        var admins = await portal.WithDbAsync(db => db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)));
        Assert.Equal(1, admins);

        var (remaining, remainingUser) = await portal.WithDbAsync(async db =>
            await db.UserRoles.AnyAsync(ur => ur.UserId == firstUser.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)) ? (first, firstUser) : (second, secondUser));
        var own = await remaining.GetAsync($"/gestion/comptes/{remainingUser.Id}");
        var refused = await PostAsync(remaining, own, $"/gestion/comptes/{remainingUser.Id}/roles", ("roles", Roles.Coordinator));
        Assert.Contains("Vous êtes le seul administrateur", refused.Text);
        Assert.Contains("Rôles actuels : Administrateur, Professionnel", refused.Text);
        var selfLock = await PostAsync(remaining, refused, $"/gestion/comptes/{remainingUser.Id}/suspendre");
        Assert.Contains("Vous ne pouvez pas suspendre votre propre compte.", selfLock.Text);
    }

    [Fact]
    public async Task A_suspended_account_cannot_sign_in_its_open_session_ends_and_it_comes_back_when_reactivated()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var (person, personUser) = await portal.SignedInAsync(Roles.Professional);
        var details = await admin.GetAsync($"/gestion/comptes/{personUser.Id}");
        Assert.Contains("Compte suspendu.", (await PostAsync(admin, details, $"/gestion/comptes/{personUser.Id}/suspendre")).Text);

        Assert.False((await person.GetAsync("/espace")).IsSignedIn);
        Assert.False((await portal.NewBrowser().LogInAsync(personUser.Email!, PortalFactory.Password)).IsSignedIn);

        Assert.Contains("Compte réactivé.", (await PostAsync(admin, await admin.GetAsync($"/gestion/comptes/{personUser.Id}"), $"/gestion/comptes/{personUser.Id}/reactiver")).Text);
        Assert.True((await portal.NewBrowser().LogInAsync(personUser.Email!, PortalFactory.Password)).IsSignedIn);
    }

    [Fact]
    public async Task A_forced_reset_stops_the_old_password_and_mails_a_link_that_sets_a_new_one()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var (_, personUser) = await portal.SignedInAsync(Roles.Professional);
        var details = await admin.GetAsync($"/gestion/comptes/{personUser.Id}");
        Assert.Contains("L'ancien mot de passe ne fonctionne plus", (await PostAsync(admin, details, $"/gestion/comptes/{personUser.Id}/mot-de-passe")).Text);
        Assert.False((await portal.NewBrowser().LogInAsync(personUser.Email!, PortalFactory.Password)).IsSignedIn);

        var mail = await portal.Smtp.MessagesToAsync(personUser.Email!, where: m => m.Subject == "Choisir un nouveau mot de passe");
        var link = MailLinks.PathOf(Assert.Single(mail), "/compte/reinitialisation");
        var visitor = portal.NewBrowser();
        var reset = await visitor.SubmitAsync(await visitor.GetAsync(link), "/compte/reinitialisation",
            new Dictionary<string, string> { ["Password"] = "une toute nouvelle phrase de passe", ["ConfirmPassword"] = "une toute nouvelle phrase de passe" });
        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.True((await portal.NewBrowser().LogInAsync(personUser.Email!, "une toute nouvelle phrase de passe")).IsSignedIn);
    }

    [Fact]
    public async Task An_invited_coordinator_sets_a_password_through_a_single_use_link_and_arrives_with_the_role()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var email = PortalFactory.NewEmail("invitee");
        var form = await admin.GetAsync("/gestion/comptes/inviter");
        var bad = await admin.FillAsync("/gestion/comptes/inviter", new Dictionary<string, string> { ["Email"] = "pas-une-adresse", ["FirstName"] = "Inès", ["LastName"] = "" });
        Assert.Equal("Cette adresse e-mail n'est pas valide.", bad.ErrorFor("Email"));
        Assert.Equal("Indiquez le nom.", bad.ErrorFor("LastName"));
        Assert.Equal("Inès", bad.ValueOf("FirstName"));

        var sent = await PostAsync(admin, form, "/gestion/comptes/inviter", ("Email", email), ("FirstName", "Inès"), ("LastName", "Coordinatrice"), ("Roles", Roles.Coordinator));
        Assert.Contains($"Invitation envoyée à {email}.", sent.Text);
        var again = await PostAsync(admin, await admin.GetAsync("/gestion/comptes/inviter"), "/gestion/comptes/inviter", ("Email", email), ("FirstName", "Inès"), ("LastName", "Coordinatrice"));
        Assert.Contains("Une invitation est déjà en cours", again.ErrorFor("Email"));

        // Resent: the first link dies, the second one works once.
        var invitationId = await portal.WithDbAsync(db => db.Invitations.Where(i => i.Email == email).Select(i => i.Id).SingleAsync());
        var firstLink = MailLinks.PathOf(Assert.Single(await portal.Smtp.MessagesToAsync(email)), "/compte/invitation/");
        await PostAsync(admin, await admin.GetAsync("/gestion/comptes"), $"/gestion/comptes/invitations/{invitationId}/renvoyer");
        var secondLink = MailLinks.PathOf((await portal.Smtp.MessagesToAsync(email, atLeast: 2))[^1], "/compte/invitation/");
        Assert.NotEqual(firstLink, secondLink);
        Assert.Contains("n'est plus valable", (await portal.NewBrowser().GetAsync(firstLink)).Text);

        var invited = portal.NewBrowser();
        var accept = await invited.GetAsync(secondLink);
        Assert.Contains(email, accept.Text);
        var weak = await invited.SubmitAsync(accept, secondLink, new Dictionary<string, string> { ["Password"] = "motdepasse12", ["ConfirmPassword"] = "motdepasse12" });
        Assert.NotNull(weak.ErrorFor("Password"));
        var created = await invited.SubmitAsync(weak, secondLink, new Dictionary<string, string>
        {
            ["FirstName"] = "Inès", ["LastName"] = "Coordinatrice", ["Password"] = "une phrase de passe pour coordonner", ["ConfirmPassword"] = "une phrase de passe pour coordonner",
        });
        Assert.True(created.IsSignedIn);
        Assert.Equal("/espace", created.Url);
        Assert.False((await invited.GetAsync("/gestion/indemnisation")).IsRefused);
        Assert.Contains("n'est plus valable", (await portal.NewBrowser().GetAsync(secondLink)).Text);
    }

    [Fact]
    public async Task The_coordination_reads_the_list_and_its_csv_but_manages_nothing_and_a_member_sees_neither()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var (target, targetUser) = await portal.SignedInAsync(Roles.Professional, Roles.Regulator);
        var list = await coordinator.GetAsync($"/gestion/comptes?role={Roles.Regulator}");
        Assert.Contains(targetUser.Email!, list.Text);
        Assert.Null(list.Find("a[href='/gestion/comptes/inviter']"));
        var csv = await coordinator.Http.GetStringAsync($"/gestion/comptes.csv?role={Roles.Regulator}");
        Assert.Contains(targetUser.Email!, csv);
        Assert.Contains("Régulateur", csv);
        Assert.True((await coordinator.GetAsync($"/gestion/comptes/{targetUser.Id}")).IsRefused);
        Assert.True((await target.GetAsync("/gestion/comptes")).IsRefused);
    }

    [Fact]
    public async Task A_visitor_who_signs_in_from_a_training_page_comes_back_to_it_and_can_register()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var fields = TrainingSteps.Training(portal, "Retour après connexion", capacity: 5);
        fields["Input.Audience"] = nameof(TrainingAudience.AllProfessionals);
        var id = await TrainingSteps.CreateAsync(portal, coordinator, fields);
        var (_, member, _) = await TrainingSteps.MemberAsync(portal, "Revenant");

        var visitor = portal.NewBrowser();
        var page = await visitor.GetAsync($"/formations/{id}");
        var signIn = page.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Se connecter pour s'inscrire").GetAttribute("href")!;
        Assert.DoesNotContain("@", signIn);
        var login = await visitor.GetAsync(signIn);
        var landed = await visitor.SubmitAsync(login, "/compte/connexion", new Dictionary<string, string> { ["Email"] = member.Email!, ["Password"] = PortalFactory.Password });
        Assert.Equal($"/formations/{id}", landed.Url);
        Assert.Equal(HttpStatusCode.OK, landed.Status);
        var registered = await TrainingSteps.RegisterAsync(visitor, id);
        Assert.Contains("Inscription confirmée", registered.Text);
    }

    [Fact]
    public async Task Signing_in_without_a_page_to_return_to_lands_on_the_member_home_with_what_needs_the_person()
    {
        var (_, user, _) = await Steps.ApplicantAsync(portal, "Accueilli");
        var browser = portal.NewBrowser();
        var home = await browser.LogInAsync(user.Email!, PortalFactory.Password);
        Assert.Equal("/espace", home.Url);
        Assert.Contains("À faire en premier", home.Text);
        Assert.Contains("Mes prochaines formations", home.Text);
        Assert.DoesNotContain("En attente d'une décision", home.Text);

        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member, Roles.Board);
        var boardHome = await board.GetAsync("/espace");
        Assert.Contains("demande(s) d'adhésion attendent une décision", boardHome.Text);
        Assert.NotNull(boardHome.Find("a[href='/gestion/adhesions']"));
    }

    [Fact]
    public async Task The_same_invitation_link_used_twice_at_the_same_instant_creates_one_account()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var email = PortalFactory.NewEmail("double");
        var sent = await admin.PostFromAsync(await admin.GetAsync("/gestion/comptes/inviter"), "/gestion/comptes/inviter",
            ("Email", email), ("FirstName", "Double"), ("LastName", "Clic"), ("Roles", Roles.Board));
        Assert.Contains($"Invitation envoyée à {email}.", sent.Text);
        var link = MailLinks.PathOf(Assert.Single(await portal.Smtp.MessagesToAsync(email)), "/compte/invitation/");

        // Two tabs (or a double click) hold the form, then post together.
        var tabs = new[] { portal.NewBrowser(), portal.NewBrowser(), portal.NewBrowser(), portal.NewBrowser() };
        var forms = await Task.WhenAll(tabs.Select(t => t.GetAsync(link)));
        var results = await Task.WhenAll(tabs.Select((t, i) => t.SubmitAsync(forms[i], link, new Dictionary<string, string>
        {
            ["Password"] = $"une phrase de passe numéro {i} pour le bureau", ["ConfirmPassword"] = $"une phrase de passe numéro {i} pour le bureau",
        })));

        Assert.Single(results, r => r.IsSignedIn);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
        var roles = await portal.WithDbAsync(db => db.UserRoles.Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.Email == email))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal(1, roles.Count(r => r == Roles.Board));
        Assert.All(results.Where(r => !r.IsSignedIn), r => Assert.NotEqual(System.Net.HttpStatusCode.InternalServerError, r.Status));
    }

    [Fact]
    public async Task An_administrator_cannot_impose_a_new_password_on_their_own_account_nor_suspend_it()
    {
        var (admin, me) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var page = await admin.GetAsync(AccountsLinks.Details(me.Id));
        var reset = await admin.SubmitAsync(page, AccountsLinks.ForceReset(me.Id), new Dictionary<string, string>());
        Assert.Contains("changez votre mot de passe depuis « Sécurité du compte »", reset.Text);
        var locked = await admin.SubmitAsync(await admin.GetAsync(AccountsLinks.Details(me.Id)), AccountsLinks.Lock(me.Id), new Dictionary<string, string>());
        Assert.Contains("Vous ne pouvez pas suspendre votre propre compte.", locked.Text);
        Assert.True((await admin.GetAsync(AccountsLinks.List)).IsSignedIn);
        Assert.True(await portal.WithDbAsync(db => db.Users.Where(u => u.Id == me.Id).Select(u => u.PasswordHash != null).SingleAsync()));
    }
}

/// <summary>The back office with the rule on: a staff role without a second factor is sent to set one up.</summary>
public sealed class StaffTwoFactorPortal : PortalFactory
{
    public StaffTwoFactorPortal() => With("Security:RequireTwoFactorForStaff", "true");
}

public sealed class StaffTwoFactorTests(StaffTwoFactorPortal portal) : IClassFixture<StaffTwoFactorPortal>
{
    [Fact]
    public async Task A_coordinator_without_a_second_factor_is_sent_to_set_one_up_before_any_back_office_page_and_a_member_is_not()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var page = await coordinator.GetAsync("/gestion/adhesions");
        Assert.Equal("/compte/securite/double-authentification", page.Url);
        Assert.Contains("activez la double authentification pour continuer", page.Text);
        Assert.Equal("/espace", (await coordinator.GetAsync("/espace")).Url);

        var (member, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        Assert.Equal("/espace/annuaire", (await member.GetAsync("/espace/annuaire")).Url);
    }
}
