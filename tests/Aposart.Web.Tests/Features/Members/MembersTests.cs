using System.Text;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Members;

public sealed class MembersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Csv_export_follows_the_filters_and_neutralises_spreadsheet_formulas()
    {
        var (applicant, user, membershipId) = await Steps.ApplicantAsync(portal, "Formule");
        var fields = Steps.Profile(user.Email!, "=HYPERLINK(\"http://pirate.example\";\"clic\")");
        fields["Input.FirstName"] = "+33;\"Jean\"";
        await applicant.FillAsync("/espace/profil", fields);
        await Steps.ApplicantAsync(portal, "Autre-profession");

        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var response = await coordinator.Http.GetAsync("/gestion/membres.csv?status=PendingValidation&q=HYPERLINK");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Nom;Prénom;Profession", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://pirate.example\"\";\"\"clic\"\")\";\"'+33;\"\"Jean\"\"\";Médecin généraliste", lines[1], StringComparison.Ordinal);
        Assert.Contains(";En attente de validation;", lines[1]);
    }

    [Fact]
    public async Task List_filters_by_status_profession_commune_and_college_and_shows_the_history()
    {
        var (_, _, pending) = await Steps.ApplicantAsync(portal, "Filtre-attente");
        var (_, _, approved) = await Steps.ApplicantAsync(portal, "Filtre-validé");
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        await Steps.DecideAsync(board, approved, "valider");

        var due = await board.GetAsync("/gestion/membres?status=ApprovedFeeDue&q=Filtre");
        Assert.Contains("Filtre-validé", due.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Filtre-attente", due.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("FILTRE-ATTENTE", (await board.GetAsync("/gestion/membres?q=Filtre&profession=GeneralPractitioner&commune=78517")).Text);
        Assert.DoesNotContain("FILTRE", (await board.GetAsync("/gestion/membres?q=Filtre&commune=78003")).Text);
        var college = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == pending).Select(m => m.CollegeId).SingleAsync());
        Assert.Contains("FILTRE-ATTENTE", (await board.GetAsync($"/gestion/membres?q=Filtre&college={college}")).Text);
        Assert.DoesNotContain("FILTRE", (await board.GetAsync($"/gestion/membres?q=Filtre&college={college + 1}")).Text);

        var professionalId = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == approved).Select(m => m.ProfessionalId).SingleAsync());
        var details = await board.GetAsync($"/gestion/membres/{professionalId}");
        Assert.Contains("Adhésion validée par le bureau", details.Text);
        Assert.Contains("Claire Testeuse", details.Text);
    }

    [Fact]
    public async Task Coordinator_edits_a_record_and_bad_input_is_explained_without_loss()
    {
        var (browser, user) = await portal.SignedInAsync(Roles.Professional);
        await Steps.FillProfileAsync(browser, Steps.Profile(user.Email!, "Corrigé"));
        var id = await portal.WithDbAsync(db => db.Professionals.Where(p => p.UserId == user.Id).Select(p => p.Id).SingleAsync());

        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var bad = await coordinator.FillAsync($"/gestion/membres/{id}/modifier", new Dictionary<string, string>
        {
            ["Input.Sites[0].Phone"] = "pas un numéro",
            ["Input.Languages"] = "breton",
        });
        Assert.Contains("10 chiffres", bad.ErrorFor("Input.Sites[0].Phone"));
        Assert.Equal("breton", bad.ValueOf("Input.Languages"));

        var saved = await coordinator.FillAsync($"/gestion/membres/{id}/modifier", new Dictionary<string, string> { ["Input.Languages"] = "breton" });
        Assert.Contains("La fiche a été enregistrée", saved.Text);
        Assert.Equal(["breton"], await portal.WithDbAsync(db => db.Professionals.Where(p => p.Id == id).Select(p => p.Languages).SingleAsync()));
    }

    [Theory]
    [InlineData("/gestion/membres?year=abc&status=zzz&college=x&page=-5&profession=%00")]
    [InlineData("/gestion/membres?year=-2147483648&page=2147483647")]
    [InlineData("/gestion/membres.csv?year=99999&q=%27%22%3C")]
    [InlineData("/gestion/membres/00000000-0000-0000-0000-000000000000")]
    [InlineData("/gestion/adhesions/00000000-0000-0000-0000-000000000000")]
    [InlineData("/gestion/paiements/00000000-0000-0000-0000-000000000000")]
    [InlineData("/gestion/paiements/nouveau?adhesion=00000000-0000-0000-0000-000000000000")]
    [InlineData("/gestion/structures/00000000-0000-0000-0000-000000000000")]
    public async Task Odd_back_office_addresses_never_answer_500(string url)
    {
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var page = await board.GetAsync(url);
        Assert.True(page.Status is System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.NotFound, $"{url}: {page.Status}");
    }

    [Fact]
    public async Task Garbage_posted_to_the_payment_and_decision_forms_gets_messages_not_errors()
    {
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var form = await board.GetAsync("/gestion/paiements/nouveau");
        var page = await board.SubmitAsync(form, "/gestion/paiements/nouveau", new Dictionary<string, string>
        {
            ["Input.PaidOn"] = "31/02/2026", ["Input.Amount"] = "vingt euros", ["Input.Method"] = "Bitcoin", ["Input.MembershipIds"] = "pas-un-id",
            ["Input.FormId"] = "nope",
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.Contains("n'est pas un montant", page.ErrorFor("Input.Amount"));
        Assert.Equal("vingt euros", page.ValueOf("Input.Amount"));
        Assert.NotNull(page.ErrorFor("Input.PaidOn"));
        Assert.NotNull(page.ErrorFor("Input.Method"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Payments.CountAsync()));
    }
}
