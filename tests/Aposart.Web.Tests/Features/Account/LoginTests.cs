using System.Net;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Account;

public sealed class LoginTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Unknown_address_and_wrong_password_get_the_same_answer()
    {
        var user = await portal.CreateUserAsync(PortalFactory.NewEmail());

        var unknown = await portal.NewBrowser().LogInAsync(PortalFactory.NewEmail("inconnu"), PortalFactory.Password);
        var wrong = await portal.NewBrowser().LogInAsync(user.Email!, "pas le bon mot de passe");

        Assert.False(unknown.IsSignedIn);
        Assert.False(wrong.IsSignedIn);
        Assert.Equal(unknown.FormErrors, wrong.FormErrors);
        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", wrong.FormErrors);
        Assert.Equal(unknown.Status, wrong.Status);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_sixth_attempt_is_refused_even_with_the_right_one()
    {
        var user = await portal.CreateUserAsync(PortalFactory.NewEmail());
        var browser = portal.NewBrowser();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var page = await browser.LogInAsync(user.Email!, $"mauvais mot de passe {attempt}");
            Assert.Contains("incorrect", page.FormErrors);
            Assert.Equal(attempt, await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync()));
        }
        var fifth = await browser.LogInAsync(user.Email!, "mauvais mot de passe 5");
        Assert.Contains("verrouillé", fifth.FormErrors);

        var sixth = await browser.LogInAsync(user.Email!, PortalFactory.Password);

        Assert.False(sixth.IsSignedIn);
        Assert.Contains("verrouillé", sixth.FormErrors);
        var lockoutEnd = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Logging_out_ends_the_sessions_of_the_same_account_on_other_devices()
    {
        var user = await portal.CreateUserAsync(PortalFactory.NewEmail());
        var laptop = portal.NewBrowser();
        var phone = portal.NewBrowser();
        Assert.True((await laptop.LogInAsync(user.Email!, PortalFactory.Password)).IsSignedIn);
        Assert.True((await phone.LogInAsync(user.Email!, PortalFactory.Password)).IsSignedIn);

        var afterLogout = await laptop.LogOutAsync();

        Assert.False(afterLogout.IsSignedIn);
        Assert.Contains("Vous êtes déconnecté", afterLogout.Text);
        var phonePage = await phone.GetAsync("/compte/securite");
        Assert.StartsWith("/compte/connexion", phonePage.Url);
        Assert.False(phonePage.IsSignedIn);
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_others()
    {
        var user = await portal.CreateUserAsync(PortalFactory.NewEmail());
        var laptop = portal.NewBrowser();
        var phone = portal.NewBrowser();
        await laptop.LogInAsync(user.Email!, PortalFactory.Password);
        await phone.LogInAsync(user.Email!, PortalFactory.Password);
        const string newPassword = "une toute nouvelle phrase de passe";

        var page = await laptop.SubmitAsync(await laptop.GetAsync("/compte/securite"), "/compte/securite/mot-de-passe", new Dictionary<string, string>
        {
            ["ChangePassword.CurrentPassword"] = PortalFactory.Password,
            ["ChangePassword.NewPassword"] = newPassword,
            ["ChangePassword.ConfirmPassword"] = newPassword,
        });

        Assert.Contains("Votre mot de passe a été changé", page.Text);
        Assert.True((await laptop.GetAsync("/compte/securite")).IsSignedIn);
        Assert.StartsWith("/compte/connexion", (await phone.GetAsync("/compte/securite")).Url);
        Assert.True((await portal.NewBrowser().LogInAsync(user.Email!, newPassword)).IsSignedIn);
    }

    [Fact]
    public async Task A_wrong_current_password_is_reported_next_to_that_field()
    {
        var (browser, _) = await portal.SignedInAsync();

        var page = await browser.SubmitAsync(await browser.GetAsync("/compte/securite"), "/compte/securite/mot-de-passe", new Dictionary<string, string>
        {
            ["ChangePassword.CurrentPassword"] = "ce n'est pas le bon",
            ["ChangePassword.NewPassword"] = "une toute nouvelle phrase de passe",
            ["ChangePassword.ConfirmPassword"] = "une toute nouvelle phrase de passe",
        });

        Assert.Equal("Mot de passe incorrect.", page.ErrorFor("ChangePassword.CurrentPassword"));
    }

    [Fact]
    public async Task Forgotten_password_mail_lets_the_professional_choose_a_new_one_once()
    {
        var user = await portal.CreateUserAsync(PortalFactory.NewEmail());
        var browser = portal.NewBrowser();

        var done = await browser.FillAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = user.Email! });
        var unknown = await browser.FillAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = PortalFactory.NewEmail("inconnu") });
        Assert.Equal(done.Text, unknown.Text);

        var link = MailLinks.PathOf(await portal.Smtp.SingleMessageToAsync(user.Email!), "/compte/reinitialisation");
        const string newPassword = "la nouvelle phrase de passe du cabinet";
        var resetPage = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, resetPage.Status);
        var login = await browser.SubmitAsync(resetPage, "/compte/reinitialisation",
            new Dictionary<string, string> { ["Password"] = newPassword, ["ConfirmPassword"] = newPassword });
        Assert.Contains("Votre mot de passe a été changé", login.Text);
        Assert.True((await portal.NewBrowser().LogInAsync(user.Email!, newPassword)).IsSignedIn);

        var again = await browser.SubmitAsync(await browser.GetAsync(link), "/compte/reinitialisation",
            new Dictionary<string, string> { ["Password"] = "encore une autre phrase", ["ConfirmPassword"] = "encore une autre phrase" });
        Assert.Contains("n'est plus valable", again.FormErrors);
    }

    [Theory]
    [InlineData("https://pirate.example/voler")]
    [InlineData("//pirate.example/voler")]
    [InlineData("/\\pirate.example")]
    public async Task Login_never_redirects_outside_the_portal(string returnUrl)
    {
        var user = await portal.CreateUserAsync(PortalFactory.NewEmail());
        var browser = portal.NewBrowser();

        var page = await browser.SubmitAsync(await browser.GetAsync("/compte/connexion"), "/compte/connexion", new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = PortalFactory.Password,
            ["ReturnUrl"] = returnUrl,
        });

        Assert.Equal("localhost", page.Response.RequestMessage!.RequestUri!.Host);
        // A return address outside the portal is ignored: the person lands on their home.
        Assert.Equal("/espace", page.Url);
    }

    [Fact]
    public async Task Login_returns_to_the_page_that_asked_for_it()
    {
        var user = await portal.CreateUserAsync(PortalFactory.NewEmail());
        var browser = portal.NewBrowser();

        var loginPage = await browser.GetAsync("/compte/securite");
        Assert.StartsWith("/compte/connexion", loginPage.Url);
        var page = await browser.SubmitAsync(loginPage, "/compte/connexion",
            new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = PortalFactory.Password });

        Assert.Equal("/compte/securite", page.Url);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("x", "")]
    [InlineData("", "y")]
    public async Task Empty_login_fields_get_french_messages(string email, string password)
    {
        var page = await portal.NewBrowser().LogInAsync(email, password);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.ErrorFor("Email") is { Length: > 0 } || page.ErrorFor("Password") is { Length: > 0 });
        Assert.All(new[] { page.ErrorFor("Email"), page.ErrorFor("Password") }.Where(e => e is { Length: > 0 }),
            message => Assert.StartsWith("Indiquez", message));
    }
}
