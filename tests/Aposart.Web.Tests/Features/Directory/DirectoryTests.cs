using System.Net;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Directory;

public sealed class DirectoryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>A record whose every contact field has a distinct visibility, so each can be looked for on each page.</summary>
    private async Task<(Guid Id, string Email, string SecureMail)> ProfessionalAsync(string lastName, bool listed)
    {
        var (browser, user) = await portal.SignedInAsync(Roles.Professional);
        var fields = Steps.Profile(user.Email!, lastName);
        fields["Input.ListedInPublicDirectory"] = listed ? "true" : "false";
        fields["Input.EmailVisibility"] = nameof(Visibility.Members);
        fields["Input.SecureMailVisibility"] = nameof(Visibility.Hidden);
        fields["Input.PhoneVisibility"] = nameof(Visibility.Public);
        fields["Input.Sites[0].Phone"] = "0134" + Random.Shared.Next(100000, 999999);
        await Steps.FillProfileAsync(browser, fields);
        var id = await portal.WithDbAsync(db => db.Professionals.Where(p => p.UserId == user.Id).Select(p => p.Id).SingleAsync());
        return (id, user.Email!, fields["Input.SecureMailAddress"]);
    }

    [Fact]
    public async Task Public_pages_show_only_fields_with_public_consent()
    {
        var (id, email, secureMail) = await ProfessionalAsync("Consentement", listed: true);
        var anonymous = portal.NewBrowser();

        foreach (var url in new[] { "/annuaire?q=Consentement", $"/annuaire/{id}" })
        {
            var page = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("Hélène Consentement", page.Text);
            Assert.DoesNotContain(email, page.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secureMail, page.Html, StringComparison.OrdinalIgnoreCase);
        }
        var entry = await anonymous.GetAsync($"/annuaire/{id}");
        Assert.Contains("12 rue du Général de Gaulle", entry.Text);
        Assert.Contains("Accepte de nouveaux patients", entry.Text, StringComparison.OrdinalIgnoreCase);

        // Adherents see what is shared with members, never what is hidden.
        var (member, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        var forMembers = await member.GetAsync($"/espace/annuaire/{id}");
        Assert.Contains(email, forMembers.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secureMail, forMembers.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Nobody_appears_in_the_public_directory_without_having_said_yes()
    {
        var (id, _, _) = await ProfessionalAsync("Discret", listed: false);
        var anonymous = portal.NewBrowser();
        Assert.DoesNotContain("Discret", (await anonymous.GetAsync("/annuaire?q=Discret")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/annuaire/{id}")).Status);

        var (member, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        Assert.Contains("Discret", (await member.GetAsync("/espace/annuaire?q=Discret")).Text);
    }

    [Fact]
    public async Task Public_directory_filters_by_profession_commune_and_new_patients_and_pages()
    {
        await ProfessionalAsync("Filtrage", listed: true);
        var anonymous = portal.NewBrowser();
        Assert.Contains("Filtrage", (await anonymous.GetAsync("/annuaire?q=Filtrage&profession=GeneralPractitioner&commune=78517&nouveaux=true")).Text);
        Assert.DoesNotContain("Filtrage", (await anonymous.GetAsync("/annuaire?q=Filtrage&profession=Nurse")).Text);
        Assert.DoesNotContain("Filtrage", (await anonymous.GetAsync("/annuaire?q=Filtrage&commune=78003")).Text);

        await portal.WithDbAsync(async db =>
        {
            for (var i = 0; i < 25; i++)
            {
                db.Professionals.Add(new Professional { FirstName = "Page", LastName = $"Paginé{i:D2}", Profession = Profession.Nurse, ListedInPublicDirectory = true });
            }
            return await db.SaveChangesAsync();
        });
        var first = await anonymous.GetAsync("/annuaire?q=Pagin");
        Assert.Contains("25 professionnels", first.Text);
        Assert.NotNull(first.Find("nav[aria-label='Pagination']"));
        var second = await anonymous.GetAsync("/annuaire?q=Pagin&page=2");
        Assert.Contains("Paginé24", second.Text);
        Assert.DoesNotContain("Paginé00", second.Text);
    }

    [Theory]
    [InlineData("/annuaire?page=-3&profession=Nope&commune=%27%3B--")]
    [InlineData("/annuaire?q=%25%5F%5C&nouveaux=peut-etre")]
    [InlineData("/annuaire?page=99999999999")]
    [InlineData("/annuaire/structures?type=99&page=abc")]
    [InlineData("/annuaire/00000000-0000-0000-0000-000000000000")]
    [InlineData("/annuaire/pas-un-id")]
    public async Task Odd_directory_addresses_never_answer_500(string url)
    {
        var page = await portal.NewBrowser().GetAsync(url);
        Assert.True(page.Status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url} answered {page.Status}");
    }

    [Fact]
    public async Task Structures_have_their_public_page_with_their_listed_professionals()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var created = await coordinator.FillAsync("/gestion/structures/nouvelle", new Dictionary<string, string>
        {
            ["Input.Type"] = nameof(OrganisationType.Msp),
            ["Input.Name"] = "MSP des Trois Forêts",
            ["Input.Finess"] = "780099999",
            ["Input.AddressLine"] = "1 rue de la Forêt",
            ["Input.Postcode"] = "78120",
            ["Input.CommuneInsee"] = "78517",
        });
        Assert.Contains("enregistrée", created.Text);
        var organisationId = await portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "MSP des Trois Forêts").Select(o => o.Id).SingleAsync());

        var (browser, user) = await portal.SignedInAsync(Roles.Professional);
        var fields = Steps.Profile(user.Email!, "Forestier");
        fields["Input.OrganisationIds"] = organisationId.ToString();
        await Steps.FillProfileAsync(browser, fields);

        var page = await portal.NewBrowser().GetAsync($"/annuaire/structures/{organisationId}");
        Assert.Contains("MSP des Trois Forêts", page.Text);
        Assert.Contains("Hélène Forestier", page.Text);

        var duplicate = await coordinator.FillAsync("/gestion/structures/nouvelle", new Dictionary<string, string>
        {
            ["Input.Type"] = nameof(OrganisationType.Msp), ["Input.Name"] = "Autre", ["Input.Finess"] = "780099999",
            ["Input.AddressLine"] = "2 rue", ["Input.Postcode"] = "7812", ["Input.CommuneInsee"] = "78517",
        });
        Assert.Contains("déjà ce numéro FINESS", duplicate.ErrorFor("Input.Finess"));
        Assert.Contains("5 chiffres", duplicate.ErrorFor("Input.Postcode"));
        Assert.Equal("Autre", duplicate.ValueOf("Input.Name"));
    }
}
