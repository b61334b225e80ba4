using Aposart.EndToEnd.Support;
using Aposart.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Aposart.EndToEnd.Journeys;

/// <summary>The live portal registered at a provider shaped as Pro Santé Connect, on another port of the machine.</summary>
public sealed class PscLivePortal : LivePortal
{
    public PscLivePortal()
    {
        Provider = new TestIdentityProvider(Address);
        With("ProSanteConnect:ClientId", TestIdentityProvider.ClientId);
        With("ProSanteConnect:ClientSecret", TestIdentityProvider.ClientSecret);
        With("ProSanteConnect:MetadataAddress", Provider.MetadataAddress);
        With("ProSanteConnect:RequireHttpsMetadata", "false");
    }

    public TestIdentityProvider Provider { get; }

    public override async Task InitializeAsync()
    {
        await Provider.StartAsync();
        await base.InitializeAsync();
        // The first round trip compiles the provider's pipeline and has the portal read its metadata; on a machine busy
        // with the other suite it once took longer than a click may wait. Done here, before any clock runs.
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        (await http.GetAsync(Provider.MetadataAddress)).EnsureSuccessStatusCode();
        var challenge = await http.GetAsync($"{Address}/compte/pro-sante-connect");
        Assert.StartsWith(Provider.Issuer, challenge.Headers.Location?.ToString());
    }

    protected override async Task StopCompanionsAsync() => await Provider.DisposeAsync();
}

public sealed class ProSanteConnectJourneyTests(PscLivePortal portal) : IClassFixture<PscLivePortal>
{
    [Fact]
    public async Task A_new_professional_creates_an_account_with_Pro_Sante_Connect_confirms_it_then_signs_in_with_the_RPPS_verified_and_signs_out_of_both()
    {
        const string journey = "pro-sante-connect";
        var person = PscPerson.NewDoctor(familyName: "NAVARRO", givenName: "INÈS");
        portal.Provider.Person = person;
        var email = PortalFactory.NewEmail("psc");
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/compte/connexion");
        await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter avec Pro Santé Connect" }).ClickAsync(new() { Timeout = 90_000 });
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/compte/pro-sante-connect/premiere-connexion$"));
        await Expect(page.Locator("main")).ToContainTextAsync($"Inès Navarro, Médecin généraliste (RPPS {person.Rpps})");
        await Axe.AssertAccessibleAsync(page);
        await LivePortal.ScreenshotAsync(page, journey, "1-premiere-connexion");

        await page.Locator("input[name='Create.Email']").FillAsync(email);
        await page.Locator("input[name='Create.AcceptPrivacy'][type=checkbox]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Vérifiez vos courriels");

        var mail = await portal.Smtp.SingleMessageToAsync(email);
        await page.GotoAsync(MailLinks.PathOf(mail, "/compte/confirmation"));
        await Expect(page.Locator("main")).ToContainTextAsync("Adresse confirmée");

        await page.GotoAsync("/compte/connexion");
        await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter avec Pro Santé Connect" }).ClickAsync(new() { Timeout = 90_000 });
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/espace$"));
        await Expect(page.Locator("form[action='/compte/deconnexion']")).ToHaveCountAsync(1);

        await page.GotoAsync("/espace/profil");
        await Expect(page.Locator("#rpps-verifie")).ToContainTextAsync("Numéro vérifié par Pro Santé Connect");
        await Expect(page.Locator("input[name='Input.Rpps']")).ToHaveValueAsync(person.Rpps);
        await page.GotoAsync("/compte/securite");
        await Expect(page.Locator("main")).ToContainTextAsync("Votre compte est associé à Pro Santé Connect");
        await Axe.AssertAccessibleAsync(page);

        var endSessions = portal.Provider.EndSessionRequests.Count;
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        // The page in between says « déconnecté du portail » too: wait for home, reached after the provider's end-session.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"^https?://[^/]+/$"));
        await Expect(page.Locator("main")).ToContainTextAsync("Vous êtes déconnecté.");
        Assert.Equal(endSessions + 1, portal.Provider.EndSessionRequests.Count);
        await Expect(page.Locator("form[action='/compte/deconnexion']")).ToHaveCountAsync(0);
    }
}
