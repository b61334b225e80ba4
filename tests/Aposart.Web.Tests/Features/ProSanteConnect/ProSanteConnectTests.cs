using System.Collections.Concurrent;
using System.Net;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using OpenIddict.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.ProSanteConnect;

/// <summary>The portal registered at a provider shaped as Pro Santé Connect, started on a real port beside it.</summary>
public sealed class PscPortal : PortalFactory
{
    public PscPortal()
    {
        With("ProSanteConnect:ClientId", TestIdentityProvider.ClientId);
        With("ProSanteConnect:ClientSecret", TestIdentityProvider.ClientSecret);
        With("ProSanteConnect:MetadataAddress", Provider.MetadataAddress);
        With("ProSanteConnect:RequireHttpsMetadata", "false");
        // The rule Pro Santé Connect's sessions are exempted from is on here, as in production.
        With("Security:RequireTwoFactorForStaff", "true");
    }

    public TestIdentityProvider Provider { get; } = new("http://localhost");

    public override async Task InitializeAsync()
    {
        await Provider.StartAsync();
        await base.InitializeAsync();
    }

    protected override async Task StopCompanionsAsync() => await Provider.DisposeAsync();

    /// <summary>
    /// A browser whose requests to the provider leave the test server for the real port: cookies kept per host, redirects
    /// followed across both, every address it asked recorded.
    /// </summary>
    public (Browser Browser, ConcurrentQueue<Uri> Visited) NewRoamingBrowser()
    {
        var visited = new ConcurrentQueue<Uri>();
        var router = new HostRouter(Server.CreateHandler(), visited);
        var client = new HttpClient(new RedirectHandler { InnerHandler = new CookieContainerHandler { InnerHandler = router } })
        {
            BaseAddress = new Uri("http://localhost"),
        };
        return (new Browser(client), visited);
    }

    private sealed class HostRouter(HttpMessageHandler portal, ConcurrentQueue<Uri> visited) : DelegatingHandler
    {
        private readonly HttpMessageInvoker toPortal = new(portal);
        private readonly HttpMessageInvoker toProvider = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            visited.Enqueue(request.RequestUri!);
            return request.RequestUri!.Host == "localhost"
                ? toPortal.SendAsync(request, cancellationToken)
                : toProvider.SendAsync(request, cancellationToken);
        }
    }
}

public sealed class ProSanteConnectTests(PscPortal portal) : IClassFixture<PscPortal>
{
    /// <summary>The button of the sign-in page, pressed; the provider authenticates <see cref="TestIdentityProvider.Person"/>.</summary>
    private static async Task<Page> SignInWithPscAsync(Browser browser, string? returnUrl = null)
    {
        var login = await browser.GetAsync(returnUrl is null ? "/compte/connexion" : $"/compte/connexion?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        return await browser.GetAsync(Link(login, "Se connecter avec Pro Santé Connect"));
    }

    /// <summary>The provider, behaving, will authenticate this person next.</summary>
    private PscPerson Next(PscPerson person)
    {
        portal.Provider.Person = person;
        portal.Provider.Misbehaviour = PscMisbehaviour.None;
        return person;
    }

    private static string Link(Page page, string text) =>
        page.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == text).GetAttribute("href")!;

    private async Task<AppUser> AccountWithRecordAsync(string lastName, string? rpps, string? role = null)
    {
        var user = await portal.CreateUserAsync(PortalFactory.NewEmail(), role is null ? [Roles.Professional] : [Roles.Professional, role]);
        await portal.WithDbAsync(async db =>
        {
            db.Professionals.Add(new Professional
            {
                UserId = user.Id, FirstName = "Hélène", LastName = lastName, Profession = Profession.GeneralPractitioner, Rpps = rpps,
                Email = user.Email!.ToLowerInvariant(),
            });
            return await db.SaveChangesAsync();
        });
        return user;
    }

    private Task<Professional?> RecordOfAsync(Guid userId) =>
        portal.WithDbAsync(db => db.Professionals.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId));

    private Task<int> LinksOfAsync(Guid userId) =>
        portal.WithDbAsync(db => db.UserLogins.CountAsync(l => l.UserId == userId && l.LoginProvider == "ProSanteConnect"));

    [Fact]
    public async Task A_professional_whose_record_holds_the_RPPS_signs_in_with_Pro_Sante_Connect_and_lands_on_the_member_home_with_the_RPPS_verified()
    {
        var person = Next(PscPerson.NewDoctor());
        var user = await AccountWithRecordAsync("Martineau", person.Rpps);
        var (browser, _) = portal.NewRoamingBrowser();

        var home = await SignInWithPscAsync(browser);

        Assert.True(home.IsSignedIn, home.Text);
        Assert.Equal("/espace", home.Url);
        // What the portal asked: the code flow with PKCE (S256), the configured scope and level of assurance.
        var asked = portal.Provider.AuthorizationRequests.Last();
        Assert.Equal("code", asked.ResponseType);
        Assert.Equal("S256", asked.CodeChallengeMethod);
        Assert.False(string.IsNullOrEmpty(asked.CodeChallenge));
        Assert.Equal("eidas1", asked.AcrValues);
        Assert.Contains("scope_all", asked.GetScopes());
        Assert.Equal(TestIdentityProvider.ClientId, asked.ClientId);

        var record = await RecordOfAsync(user.Id);
        Assert.NotNull(record!.RppsVerifiedAt);
        Assert.Equal(1, await LinksOfAsync(user.Id));
        var profile = await browser.GetAsync("/espace/profil");
        Assert.Contains("Numéro vérifié par Pro Santé Connect le", profile.Text);
        var notice = await portal.Smtp.SingleMessageToAsync(user.Email!);
        Assert.Equal("Pro Santé Connect est associé à votre compte", notice.Subject);

        // Next time the link is known: straight in, no second notice.
        await browser.LogOutAsync();
        var again = await SignInWithPscAsync(browser, "/espace/profil");
        Assert.True(again.IsSignedIn);
        Assert.Equal("/espace/profil", again.Url);
        Assert.Single(await portal.Smtp.MessagesToAsync(user.Email!));
    }

    [Fact]
    public async Task A_record_holding_the_RPPS_under_another_name_is_not_opened_and_the_person_links_their_own_account_with_its_password()
    {
        var person = Next(PscPerson.NewDoctor(familyName: "MARTINEAU"));
        // Someone typed this doctor's number on their own record.
        var squatter = await AccountWithRecordAsync("Usurpateur", person.Rpps);
        var own = await portal.CreateUserAsync(PortalFactory.NewEmail());
        var (browser, _) = portal.NewRoamingBrowser();

        var firstUse = await SignInWithPscAsync(browser);

        Assert.False(firstUse.IsSignedIn);
        Assert.Equal("/compte/pro-sante-connect/premiere-connexion", firstUse.Url);
        Assert.Contains("Hélène Martineau, Médecin généraliste (RPPS " + person.Rpps + ")", firstUse.Text);
        Assert.Equal(0, await LinksOfAsync(squatter.Id));

        var wrong = await browser.SubmitAsync(firstUse, "/compte/pro-sante-connect/lier",
            new Dictionary<string, string> { ["Link.Email"] = own.Email!, ["Link.Password"] = "pas le bon mot de passe du tout" });
        Assert.False(wrong.IsSignedIn);
        Assert.Contains("Adresse e-mail ou mot de passe incorrect", wrong.ErrorFor("Link.Password"));
        Assert.Equal(own.Email, wrong.ValueOf("Link.Email"));

        var home = await browser.SubmitAsync(wrong, "/compte/pro-sante-connect/lier",
            new Dictionary<string, string> { ["Link.Email"] = own.Email!, ["Link.Password"] = PortalFactory.Password });
        Assert.True(home.IsSignedIn, home.Text);
        Assert.Equal("/espace", home.Url);
        Assert.Equal(1, await LinksOfAsync(own.Id));
        // The number stays on the other record, for the coordination to sort out; this account gets no copy of it.
        Assert.Null(await RecordOfAsync(own.Id));
        Assert.Null((await RecordOfAsync(squatter.Id))!.RppsVerifiedAt);
    }

    [Fact]
    public async Task A_professional_without_an_account_creates_one_from_Pro_Sante_Connect_confirms_the_address_then_signs_in()
    {
        var person = Next(PscPerson.NewDoctor(familyName: "LE BIHAN", givenName: "JEAN-MARIE") with { ProfessionCode = "60", SavoirFaire = "" , Civility = "M" });
        var email = PortalFactory.NewEmail("psc");
        var (browser, _) = portal.NewRoamingBrowser();

        var firstUse = await SignInWithPscAsync(browser);
        Assert.Contains("Jean-Marie Le Bihan, Infirmier / infirmière", firstUse.Text);

        var bad = await browser.SubmitAsync(firstUse, "/compte/pro-sante-connect/creer",
            new Dictionary<string, string> { ["Create.Email"] = "pas-une-adresse", ["Create.AcceptPrivacy"] = "true" });
        Assert.Contains("adresse e-mail valide", bad.ErrorFor("Create.Email"));
        Assert.Equal("pas-une-adresse", bad.ValueOf("Create.Email"));
        var unticked = await browser.SubmitAsync(bad, "/compte/pro-sante-connect/creer",
            new Dictionary<string, string> { ["Create.Email"] = email, ["Create.AcceptPrivacy"] = "false" });
        Assert.Contains("politique de confidentialité", unticked.ErrorFor("Create.AcceptPrivacy"));

        var done = await browser.SubmitAsync(unticked, "/compte/pro-sante-connect/creer",
            new Dictionary<string, string> { ["Create.Email"] = email, ["Create.AcceptPrivacy"] = "true" });
        Assert.Equal("/compte/inscription/verifiez-vos-courriels", done.Url);
        Assert.False(done.IsSignedIn);

        // Before the address is confirmed, Pro Santé Connect alone does not open the account.
        var early = await SignInWithPscAsync(browser);
        Assert.False(early.IsSignedIn);
        Assert.Contains("pas encore confirmée", early.Text);

        var mail = await portal.Smtp.SingleMessageToAsync(email);
        await browser.GetAsync(MailLinks.PathOf(mail, "/compte/confirmation"));
        var home = await SignInWithPscAsync(browser);
        Assert.True(home.IsSignedIn, home.Text);
        Assert.Equal("/espace", home.Url);

        var user = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal(("Jean-Marie", "Le Bihan"), (user.FirstName, user.LastName));
        Assert.Null(user.PasswordHash);
        var record = await RecordOfAsync(user.Id);
        Assert.Equal((Profession.Nurse, person.Rpps, "Le Bihan"), (record!.Profession, record.Rpps, record.LastName));
        Assert.NotNull(record.RppsVerifiedAt);
        Assert.Contains("vous vous connectez avec Pro Santé Connect", (await browser.GetAsync("/compte/securite")).Text);
    }

    public static TheoryData<PscMisbehaviour> Misbehaviours => [PscMisbehaviour.WrongAudience, PscMisbehaviour.ExpiredToken, PscMisbehaviour.WeakAcr];

    [Theory]
    [MemberData(nameof(Misbehaviours))]
    public async Task An_identity_token_for_another_service_expired_or_of_a_weaker_level_is_refused(PscMisbehaviour misbehaviour)
    {
        var person = Next(PscPerson.NewDoctor());
        var user = await AccountWithRecordAsync("Martineau", person.Rpps);
        var (browser, _) = portal.NewRoamingBrowser();
        portal.Provider.Misbehaviour = misbehaviour;
        try
        {
            var page = await SignInWithPscAsync(browser);

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.False(page.IsSignedIn);
            Assert.Equal("/compte/connexion", page.Url);
            Assert.Contains("La connexion avec Pro Santé Connect n'a pas abouti", page.Text);
            Assert.Equal(0, await LinksOfAsync(user.Id));
            Assert.Null((await RecordOfAsync(user.Id))!.RppsVerifiedAt);
        }
        finally
        {
            portal.Provider.Misbehaviour = PscMisbehaviour.None;
        }
        // The same person, the provider behaving: accepted, so the refusal above was the token's.
        Assert.True((await SignInWithPscAsync(browser)).IsSignedIn);
    }

    [Fact]
    public async Task The_providers_answer_replayed_later_or_from_another_browser_signs_nobody_in()
    {
        var person = Next(PscPerson.NewDoctor());
        await AccountWithRecordAsync("Martineau", person.Rpps);
        var (browser, visited) = portal.NewRoamingBrowser();
        Assert.True((await SignInWithPscAsync(browser)).IsSignedIn);
        var answer = visited.Single(u => u.AbsolutePath == "/compte/pro-sante-connect/retour");
        Assert.Contains("state=", answer.Query);
        Assert.Contains("code=", answer.Query);

        var (thief, _) = portal.NewRoamingBrowser();
        var stolen = await thief.GetAsync(answer.PathAndQuery);
        Assert.False(stolen.IsSignedIn);
        Assert.Equal("/compte/connexion", stolen.Url);
        Assert.Contains("n'a pas abouti", stolen.Text);

        await browser.LogOutAsync();
        var replayed = await browser.GetAsync(answer.PathAndQuery);
        Assert.False(replayed.IsSignedIn);
        Assert.Contains("n'a pas abouti", replayed.Text);
    }

    [Fact]
    public async Task Signing_out_ends_the_providers_session_too_with_the_identity_token_as_hint()
    {
        var person = Next(PscPerson.NewDoctor());
        await AccountWithRecordAsync("Martineau", person.Rpps);
        var (browser, visited) = portal.NewRoamingBrowser();
        Assert.True((await SignInWithPscAsync(browser)).IsSignedIn);
        var before = portal.Provider.EndSessionRequests.Count;

        var ending = await browser.LogOutAsync();
        // The form's answer stays on the portal (form-action 'self'); its page moves on by itself to the provider.
        Assert.Equal("/compte/deconnexion", ending.Url);
        Assert.Equal("0;url=/compte/pro-sante-connect/fin-de-session", ending.Find("meta[http-equiv=refresh]")?.GetAttribute("content"));
        Assert.False(ending.IsSignedIn);
        var page = await browser.GetAsync("/compte/pro-sante-connect/fin-de-session");

        Assert.False(page.IsSignedIn);
        Assert.Equal("/", page.Url);
        Assert.Contains("Vous êtes déconnecté", page.Text);
        Assert.Equal(before + 1, portal.Provider.EndSessionRequests.Count);
        var request = portal.Provider.EndSessionRequests.Last();
        Assert.False(string.IsNullOrEmpty(request.IdTokenHint));
        Assert.Equal("http://localhost/compte/pro-sante-connect/deconnecte", request.PostLogoutRedirectUri);
        Assert.Contains(visited, u => u.AbsolutePath == "/compte/pro-sante-connect/deconnecte");
        Assert.False((await browser.GetAsync("/espace")).IsSignedIn);

        // A password session's sign-out does not go to the provider.
        var passwordUser = await portal.CreateUserAsync(PortalFactory.NewEmail());
        var other = portal.NewBrowser();
        await other.LogInAsync(passwordUser.Email!, PortalFactory.Password);
        await other.LogOutAsync();
        Assert.Equal(before + 1, portal.Provider.EndSessionRequests.Count);
    }

    [Fact]
    public async Task A_coordinator_signed_in_with_Pro_Sante_Connect_reaches_the_back_office_without_the_portals_second_factor()
    {
        var person = Next(PscPerson.NewDoctor());
        var coordinator = await AccountWithRecordAsync("Martineau", person.Rpps, Roles.Coordinator);

        var withPassword = portal.NewBrowser();
        await withPassword.LogInAsync(coordinator.Email!, PortalFactory.Password);
        Assert.StartsWith("/compte/securite/double-authentification", (await withPassword.GetAsync("/gestion/adhesions")).Url);

        var (browser, _) = portal.NewRoamingBrowser();
        Assert.True((await SignInWithPscAsync(browser)).IsSignedIn);
        // Several requests: the session is re-read from the database at each one and must keep how it was opened.
        for (var i = 0; i < 3; i++)
        {
            var page = await browser.GetAsync("/gestion/adhesions");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("/gestion/adhesions", page.Url);
        }
    }

    [Fact]
    public async Task A_signed_in_professional_links_Pro_Sante_Connect_from_the_security_page_and_unlinks_it()
    {
        var person = Next(PscPerson.NewDoctor());
        var user = await portal.CreateUserAsync(PortalFactory.NewEmail());
        var (browser, _) = portal.NewRoamingBrowser();
        await browser.LogInAsync(user.Email!, PortalFactory.Password);

        var security = await browser.GetAsync("/compte/securite");
        var linked = await browser.GetAsync(Link(security, "Associer Pro Santé Connect"));
        Assert.Equal("/compte/securite", linked.Url);
        Assert.Contains("Votre compte est associé à Pro Santé Connect", linked.Text);
        Assert.Equal(1, await LinksOfAsync(user.Id));
        // The provider gave the profession: the account now has its record, with the verified number.
        Assert.Equal(person.Rpps, (await RecordOfAsync(user.Id))!.Rpps);

        // The same card cannot be linked to a second account.
        var second = await portal.CreateUserAsync(PortalFactory.NewEmail());
        var (otherBrowser, _) = portal.NewRoamingBrowser();
        await otherBrowser.LogInAsync(second.Email!, PortalFactory.Password);
        var refused = await otherBrowser.GetAsync(Link(await otherBrowser.GetAsync("/compte/securite"), "Associer Pro Santé Connect"));
        Assert.Contains("déjà associée à un autre compte", refused.Text);
        Assert.Equal(0, await LinksOfAsync(second.Id));

        var unlinked = await browser.SubmitAsync(linked, "/compte/pro-sante-connect/dissocier", new Dictionary<string, string>());
        Assert.Contains("n'est plus associé", unlinked.Text);
        Assert.Equal(0, await LinksOfAsync(user.Id));
    }

    [Fact]
    public async Task The_first_use_pages_without_an_answer_from_the_provider_send_back_to_the_sign_in_page()
    {
        var browser = portal.NewBrowser();
        var page = await browser.GetAsync("/compte/pro-sante-connect/premiere-connexion");
        Assert.Equal("/compte/connexion", page.Url);
        Assert.Contains("a expiré", page.Text);
        var login = await browser.GetAsync("/compte/connexion");
        var posted = await browser.PostFromAsync(login, "/compte/pro-sante-connect/creer", ("Create.Email", PortalFactory.NewEmail()), ("Create.AcceptPrivacy", "true"));
        Assert.Equal("/compte/connexion", posted.Url);
    }
}

public sealed class WithoutProSanteConnectTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Without_a_client_id_the_sign_in_page_offers_no_Pro_Sante_Connect_button_and_its_address_answers_404()
    {
        var browser = portal.NewBrowser();
        var login = await browser.GetAsync("/compte/connexion");
        Assert.DoesNotContain("Pro Santé Connect", login.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/compte/pro-sante-connect")).Status);
    }
}
