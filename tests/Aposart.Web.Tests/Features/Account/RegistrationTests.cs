using System.Net;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Account;

public sealed class RegistrationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Form(string email, string password = PortalFactory.Password) => new()
    {
        ["FirstName"] = "Élodie",
        ["LastName"] = "Marchand-Leroy",
        ["Email"] = email,
        ["Password"] = password,
        ["ConfirmPassword"] = password,
        ["AcceptPrivacy"] = "true",
    };

    [Fact]
    public async Task New_professional_registers_confirms_by_the_mail_received_and_logs_in()
    {
        var email = PortalFactory.NewEmail();
        var browser = portal.NewBrowser();

        var done = await browser.FillAsync("/compte/inscription", Form(email));
        Assert.Equal("/compte/inscription/verifiez-vos-courriels", done.Url);

        var beforeConfirmation = await browser.LogInAsync(email, PortalFactory.Password);
        Assert.False(beforeConfirmation.IsSignedIn);
        Assert.Contains("pas encore confirmée", beforeConfirmation.Text);

        var mail = await portal.Smtp.SingleMessageToAsync(email);
        Assert.Equal("Confirmez votre adresse e-mail", mail.Subject);
        Assert.Contains("Élodie", mail.TextBody);
        var confirmed = await browser.GetAsync(MailLinks.PathOf(mail, "/compte/confirmation"));
        Assert.Contains("Adresse confirmée", confirmed.Text);

        var home = await browser.LogInAsync(email, PortalFactory.Password);
        Assert.True(home.IsSignedIn);
        Assert.Equal("/espace", home.Url);
        Assert.Contains("Votre fiche professionnelle n'est pas encore remplie", home.Text);
        var roles = await portal.WithDbAsync(db =>
            db.UserRoles.Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.Email == email))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([Roles.Professional], roles);
    }

    public static TheoryData<string, string, string, string> MalformedInputs => new()
    {
        // field, value, the field whose message is expected, a word of the French message
        { "Email", "pas-une-adresse", "Email", "adresse e-mail valide" },
        { "Email", "a@b", "Email", "adresse e-mail valide" },
        { "Email", "x@exemple.fr\r\nBcc: victime@exemple.fr", "Email", "adresse e-mail valide" },
        { "Email", "", "Email", "Indiquez votre adresse" },
        { "FirstName", "", "FirstName", "Indiquez votre prénom" },
        { "LastName", new string('x', 300), "LastName", "100 caractères" },
        { "Password", "court", "Password", "entre 12 et 128" },
        { "Password", new string('a', 129) + "b", "Password", "entre 12 et 128" },
        { "ConfirmPassword", "autre chose complètement", "ConfirmPassword", "pas identiques" },
        { "AcceptPrivacy", "false", "AcceptPrivacy", "politique de confidentialité" },
        { "AcceptPrivacy", "peut-être", "AcceptPrivacy", "n'est pas valide" },
    };

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public async Task Malformed_registration_shows_a_french_message_next_to_the_field_and_keeps_what_was_typed(
        string field, string value, string errorField, string expected)
    {
        var browser = portal.NewBrowser();
        var email = PortalFactory.NewEmail();
        var form = Form(email);
        form[field] = value;

        var page = await browser.FillAsync("/compte/inscription", form);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/compte/inscription", page.Url);
        Assert.Contains(expected, page.ErrorFor(errorField));
        Assert.Contains("à corriger", page.FormErrors);
        foreach (var kept in new[] { "FirstName", "LastName", "Email" }.Where(f => f != field))
        {
            Assert.Equal(form[kept], page.ValueOf(kept));
        }
        Assert.Equal("", page.ValueOf("Password"));
        Assert.Empty(await portal.Smtp.MessagesToAsync(email, timeout: TimeSpan.Zero));
    }

    [Theory]
    [InlineData("motdepasse123456")]
    [InlineData("Azertyuiop2024!")]
    [InlineData("123456789012")]
    [InlineData("aaaaaaaaaaaaaaa")]
    public async Task Common_password_is_refused_with_a_french_explanation(string password)
    {
        var page = await portal.NewBrowser().FillAsync("/compte/inscription", Form(PortalFactory.NewEmail(), password));

        Assert.Contains("trop courant", page.ErrorFor("Password"));
    }

    [Fact]
    public async Task A_128_character_passphrase_is_accepted()
    {
        var password = string.Concat(Enumerable.Repeat("le chêne et le roseau ", 6))[..128];
        var page = await portal.NewBrowser().FillAsync("/compte/inscription", Form(PortalFactory.NewEmail(), password));

        Assert.Equal("/compte/inscription/verifiez-vos-courriels", page.Url);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_as_for_a_new_one_and_warns_the_owner()
    {
        var owner = await portal.CreateUserAsync(PortalFactory.NewEmail());

        var page = await portal.NewBrowser().FillAsync("/compte/inscription", Form(owner.Email!));

        Assert.Equal("/compte/inscription/verifiez-vos-courriels", page.Url);
        var mail = await portal.Smtp.SingleMessageToAsync(owner.Email!);
        Assert.Equal("Vous avez déjà un compte", mail.Subject);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Users.CountAsync(u => u.Email == owner.Email)));
    }

    [Theory]
    [InlineData("/compte/confirmation")]
    [InlineData("/compte/confirmation?utilisateur=pas-un-guid&code=%%%")]
    [InlineData("/compte/confirmation?utilisateur=00000000-0000-0000-0000-000000000000&code=Zm9v")]
    public async Task A_forged_or_incomplete_confirmation_link_is_refused_without_error(string url)
    {
        var page = await portal.NewBrowser().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Lien non valable", page.Text);
    }

    [Fact]
    public async Task A_confirmation_link_for_another_account_does_not_confirm_it()
    {
        var victim = PortalFactory.NewEmail("victime");
        var attacker = PortalFactory.NewEmail("attaquant");
        var browser = portal.NewBrowser();
        await browser.FillAsync("/compte/inscription", Form(victim));
        await browser.FillAsync("/compte/inscription", Form(attacker));
        var attackerLink = MailLinks.PathOf(await portal.Smtp.SingleMessageToAsync(attacker), "/compte/confirmation");
        var victimId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == victim).Select(u => u.Id).SingleAsync());

        var forged = System.Text.RegularExpressions.Regex.Replace(attackerLink, "utilisateur=[^&]+", $"utilisateur={victimId}");
        var page = await browser.GetAsync(forged);

        Assert.Contains("Lien non valable", page.Text);
        Assert.False(await portal.WithDbAsync(db => db.Users.Where(u => u.Email == victim).Select(u => u.EmailConfirmed).SingleAsync()));
    }
}
