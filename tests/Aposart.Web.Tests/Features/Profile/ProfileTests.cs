using System.Net;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Profile;

public sealed class ProfileTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Professional_fills_the_record_with_consents_and_finds_it_as_saved()
    {
        var (browser, user) = await portal.SignedInAsync(Roles.Professional);
        var fields = Steps.Profile(user.Email!, "Enregistré");
        fields["Input.Sites[1].AddressLine"] = "3 place de la Mairie";
        fields["Input.Sites[1].Postcode"] = "28130";
        fields["Input.Sites[1].City"] = "Maintenon";
        var saved = await Steps.FillProfileAsync(browser, fields);
        Assert.Contains("Votre fiche a été enregistrée", saved.Text);
        Assert.Equal("Enregistré", saved.ValueOf("Input.LastName"));

        var professional = await portal.WithDbAsync(db => db.Professionals.Include(p => p.PracticeSites).SingleAsync(p => p.UserId == user.Id));
        Assert.Equal(Visibility.Members, professional.EmailVisibility);
        Assert.Equal(Visibility.Hidden, professional.SecureMailVisibility);
        Assert.Equal(["anglais", "espagnol"], professional.Languages);
        Assert.True(professional.AcceptsNewPatients);
        Assert.Equal(2, professional.PracticeSites.Count);
        Assert.Equal("01 34 83 00 00", professional.PracticeSites.Single(s => s.CommuneInsee == "78517").Phone);
        Assert.Equal("Maintenon", professional.PracticeSites.Single(s => s.CommuneInsee is null).City);
    }

    public static TheoryData<string, string, string> MalformedFields => new()
    {
        { "Input.Rpps", "1234", "11 chiffres" },
        { "Input.Rpps", "1000000000a", "11 chiffres" },
        { "Input.Adeli", "12345", "9 chiffres" },
        { "Input.Email", "pas-une-adresse", "adresse e-mail valide" },
        { "Input.SecureMailAddress", "x@@mssante", "adresse e-mail valide" },
        { "Input.WebsiteUrl", "javascript:alert(1)", "https://" },
        { "Input.Sites[0].Phone", "12 34", "10 chiffres" },
        { "Input.Sites[0].Postcode", "7812", "5 chiffres" },
        { "Input.Sites[0].CommuneInsee", "99999", "commune de la liste" },
        { "Input.LastName", "", "nom" },
        { "Input.Profession", "Astrologue", "valeur" },
        { "Input.Civility", "<script>", "valeur" },
        { "Input.Version", "-1", "valeur" },
        { "Input.OrganisationIds", "pas-un-guid", "valeur" },
    };

    [Theory]
    [MemberData(nameof(MalformedFields))]
    public async Task Malformed_input_gets_a_french_message_next_to_the_field_and_keeps_what_was_typed(string field, string value, string expected)
    {
        var (browser, user) = await portal.SignedInAsync(Roles.Professional);
        var fields = Steps.Profile(user.Email!, "Saisie");
        fields[field] = value;
        var page = await browser.FillAsync("/espace/profil", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var message = page.ErrorFor(field) ?? page.FormErrors;
        Assert.Contains(expected, message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(field == "Input.LastName" ? "" : "Saisie", page.ValueOf("Input.LastName"));
        Assert.Equal("12 rue du Général de Gaulle", page.ValueOf("Input.Sites[0].AddressLine"));
        Assert.False(await portal.WithDbAsync(db => db.Professionals.AnyAsync(p => p.UserId == user.Id)));
    }

    [Fact]
    public async Task An_rpps_failing_its_key_check_is_saved_with_a_warning()
    {
        var (browser, user) = await portal.SignedInAsync(Roles.Professional);
        var fields = Steps.Profile(user.Email!, "Clé");
        var good = fields["Input.Rpps"];
        fields["Input.Rpps"] = good[..10] + (char)('0' + ((good[10] - '0' + 1) % 10));
        var page = await browser.FillAsync("/espace/profil", fields);
        Assert.Contains("ne passe pas le contrôle de clé", page.Text);
        Assert.Equal(fields["Input.Rpps"], await portal.WithDbAsync(db => db.Professionals.Where(p => p.UserId == user.Id).Select(p => p.Rpps).SingleAsync()));
    }

    [Fact]
    public async Task A_duplicate_rpps_or_email_is_refused_with_an_explanation()
    {
        var (first, firstUser) = await portal.SignedInAsync(Roles.Professional);
        var firstFields = Steps.Profile(firstUser.Email!, "Premier");
        await Steps.FillProfileAsync(first, firstFields);

        var (second, secondUser) = await portal.SignedInAsync(Roles.Professional);
        var sameRpps = Steps.Profile(secondUser.Email!, "Second");
        sameRpps["Input.Rpps"] = firstFields["Input.Rpps"];
        var page = await second.FillAsync("/espace/profil", sameRpps);
        Assert.Contains("figure déjà sur une autre fiche", page.ErrorFor("Input.Rpps"));

        var sameEmail = Steps.Profile(firstUser.Email!.ToUpperInvariant(), "Second");
        page = await second.FillAsync("/espace/profil", sameEmail);
        Assert.Contains("figure déjà sur une autre fiche", page.ErrorFor("Input.Email"));
        Assert.False(await portal.WithDbAsync(db => db.Professionals.AnyAsync(p => p.UserId == secondUser.Id)));
    }

    [Fact]
    public async Task Saving_from_a_stale_tab_keeps_the_input_and_explains()
    {
        var (browser, user) = await portal.SignedInAsync(Roles.Professional);
        await Steps.FillProfileAsync(browser, Steps.Profile(user.Email!, "Onglet"));
        var oldTab = await browser.GetAsync("/espace/profil");
        await browser.FillAsync("/espace/profil", new Dictionary<string, string> { ["Input.Languages"] = "italien" });

        var page = await browser.SubmitAsync(oldTab, "/espace/profil", new Dictionary<string, string> { ["Input.Languages"] = "allemand" });
        Assert.Contains("modifiée entre-temps", page.FormErrors);
        Assert.Equal("allemand", page.ValueOf("Input.Languages"));
        Assert.Equal(["italien"], await portal.WithDbAsync(db => db.Professionals.Where(p => p.UserId == user.Id).Select(p => p.Languages).SingleAsync()));
    }
}
