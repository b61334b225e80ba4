using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Features.Trainings;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Compensation;

public sealed class CompensationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<Guid> FicheAsync(string title) => await portal.WithDbAsync(async db =>
    {
        var fiche = new ActionSheet { Number = 100 + await db.ActionSheets.CountAsync(), Title = title, Mission = AciMission.QualityOfCare };
        db.ActionSheets.Add(fiche);
        await db.SaveChangesAsync();
        return fiche.Id;
    });

    private string Today => DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToParis().DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Dictionary<string, string> Entry(Guid fiche, string kind, string quantity) => new()
    {
        ["Input.ActionSheetId"] = fiche.ToString(), ["Input.Date"] = Today, ["Input.Kind"] = kind, ["Input.Quantity"] = quantity,
        ["Input.Description"] = "Réunion du groupe plaies",
    };

    [Fact]
    public async Task A_declared_entry_is_validated_by_the_coordinator_and_appears_on_the_yearly_statement()
    {
        var fiche = await FicheAsync("Réseau plaies et cicatrisation");
        var (member, _, professionalId) = await TrainingSteps.MemberAsync(portal, "Indemnisé");
        var page = await member.GetAsync("/espace/indemnisation");
        var declared = await member.SubmitAsync(page, "/espace/indemnisation/saisie", Entry(fiche, nameof(CompensationKind.WorkingGroupHours), "2,5"));
        Assert.Contains("Saisie enregistrée (250,00 €)", declared.Text);
        Assert.Contains("À valider", declared.Text);
        var prevention = await member.SubmitAsync(declared, "/espace/indemnisation/saisie", Entry(fiche, nameof(CompensationKind.PreventionHalfDays), "1"));
        Assert.Contains("Saisie enregistrée (150,00 €)", prevention.Text);
        var entries = await portal.WithDbAsync(db => db.CompensationEntries.Where(e => e.ProfessionalId == professionalId).OrderBy(e => e.Amount).ToListAsync());
        Assert.Equal([(150m, 150m), (250m, 100m)], entries.Select(e => (e.Amount, e.Rate)));

        // Nothing validated yet: the statement is empty.
        var year = portal.Clock.GetUtcNow().ToParis().Year;
        var empty = PdfText.All(await (await member.Http.GetAsync($"/espace/indemnisation/{year}.pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains($"Aucune indemnisation validée en {year}", empty);

        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var admin = await coordinator.GetAsync($"/gestion/indemnisation?annee={year}");
        Assert.Contains("Indemnisé", admin.Text);
        var validated = await coordinator.SubmitAsync(admin, $"/gestion/indemnisation/{entries[1].Id}/valider", new Dictionary<string, string>());
        Assert.Contains("Saisie validée.", validated.Text);
        var again = await coordinator.SubmitAsync(admin, $"/gestion/indemnisation/{entries[1].Id}/valider", new Dictionary<string, string>());
        Assert.Contains("Cette saisie a déjà été traitée.", again.Text);
        var rejected = await coordinator.SubmitAsync(validated, $"/gestion/indemnisation/{entries[0].Id}/refuser", new Dictionary<string, string> { ["note"] = "Atelier annulé" });
        Assert.Contains("Saisie refusée.", rejected.Text);

        var mine = await member.GetAsync("/espace/indemnisation");
        Assert.Contains("250,00 € validés et 0,00 € en attente", mine.Text.Replace('\u202f', ' '));
        Assert.Contains("Atelier annulé", mine.Text);
        var statement = PdfText.Squeezed(PdfText.All(await (await member.Http.GetAsync($"/espace/indemnisation/{year}.pdf")).Content.ReadAsByteArrayAsync()));
        Assert.Contains(PdfText.Squeezed($"Total validé pour {year} : 250,00 €"), statement);
        Assert.True(statement.Contains(PdfText.Squeezed("Réseau plaies"), StringComparison.Ordinal), statement);
        Assert.DoesNotContain("150,00", statement);

        using (var json = System.Text.Json.JsonDocument.Parse(await member.Http.GetStringAsync("/espace/mes-donnees/export.json")))
        {
            var exported = json.RootElement.GetProperty("professional").GetProperty("compensation");
            Assert.Equal(2, exported.GetArrayLength());
            Assert.Contains(exported.EnumerateArray(), e => e.GetProperty("Amount").GetDecimal() == 250 && e.GetProperty("status").GetString() == "Validée");
        }

        var csv = (await coordinator.GetAsync($"/gestion/indemnisation.csv?annee={year}")).Html;
        Assert.Contains("Validée", csv);
        Assert.Contains("Refusée", csv);
    }

    [Fact]
    public async Task The_yearly_cap_refuses_an_entry_that_would_exceed_it_and_keeps_what_was_typed()
    {
        var fiche = await FicheAsync("Groupe de travail parcours");
        var (member, _, _) = await TrainingSteps.MemberAsync(portal, "Plafonné");
        var page = await member.GetAsync("/espace/indemnisation");
        var first = await member.SubmitAsync(page, "/espace/indemnisation/saisie", Entry(fiche, nameof(CompensationKind.WorkingGroupHours), "10"));
        Assert.Contains("Saisie enregistrée (1 000,00 €)", first.Text.Replace('\u202f', ' '));
        var over = await member.SubmitAsync(first, "/espace/indemnisation/saisie", Entry(fiche, nameof(CompensationKind.WorkingGroupHours), "6"));
        Assert.Contains("au-delà du plafond annuel de 1 500,00 € par personne (reste 500,00 €)", over.ErrorFor("Input.Quantity")!.Replace('\u202f', ' '));
        Assert.Equal("6", over.ValueOf("Input.Quantity"));
        Assert.Equal("Réunion du groupe plaies", over.ValueOf("Input.Description"));
    }

    [Fact]
    public async Task Bad_input_gets_french_messages_next_to_the_fields_and_nothing_is_saved()
    {
        var fiche = await FicheAsync("Fiche pour saisies invalides");
        var (member, _, professionalId) = await TrainingSteps.MemberAsync(portal, "Maladroit");
        var page = await member.GetAsync("/espace/indemnisation");
        var bad = await member.SubmitAsync(page, "/espace/indemnisation/saisie", new Dictionary<string, string>
        {
            ["Input.ActionSheetId"] = "", ["Input.Date"] = "2026-13-45", ["Input.Kind"] = "Bureau", ["Input.Quantity"] = "deux", ["Input.Description"] = new string('x', 600),
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, bad.Status);
        Assert.NotNull(bad.ErrorFor("Input.ActionSheetId"));
        Assert.NotNull(bad.ErrorFor("Input.Date"));
        Assert.NotNull(bad.ErrorFor("Input.Kind"));
        Assert.NotNull(bad.ErrorFor("Input.Quantity"));
        Assert.Contains("500 caractères au plus", bad.ErrorFor("Input.Description"));
        Assert.Equal("deux", bad.ValueOf("Input.Quantity"));

        var step = await member.SubmitAsync(page, "/espace/indemnisation/saisie", Entry(fiche, nameof(CompensationKind.WorkingGroupHours), "1,3"));
        Assert.Contains("Par pas de 0,5", step.ErrorFor("Input.Quantity"));
        var future = Entry(fiche, nameof(CompensationKind.WorkingGroupHours), "1");
        future["Input.Date"] = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToParis().DateTime).AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotNull((await member.SubmitAsync(page, "/espace/indemnisation/saisie", future)).ErrorFor("Input.Date"));
        var unknown = Entry(Guid.NewGuid(), nameof(CompensationKind.WorkingGroupHours), "1");
        Assert.Contains("n'existe pas", (await member.SubmitAsync(page, "/espace/indemnisation/saisie", unknown)).ErrorFor("Input.ActionSheetId"));
        Assert.False(await portal.WithDbAsync(db => db.CompensationEntries.AnyAsync(e => e.ProfessionalId == professionalId)));
    }

    [Fact]
    public async Task Only_the_coordination_validates_and_a_member_sees_only_their_own_entries()
    {
        var fiche = await FicheAsync("Fiche des droits");
        var (alice, _, aliceId) = await TrainingSteps.MemberAsync(portal, "Alice");
        var (bob, _, _) = await TrainingSteps.MemberAsync(portal, "Robert");
        var declared = await alice.SubmitAsync(await alice.GetAsync("/espace/indemnisation"), "/espace/indemnisation/saisie",
            Entry(fiche, nameof(CompensationKind.WorkingGroupHours), "1"));
        Assert.Contains("Saisie enregistrée", declared.Text);
        var entry = await portal.WithDbAsync(db => db.CompensationEntries.SingleAsync(e => e.ProfessionalId == aliceId));

        var bobPage = await bob.GetAsync("/espace/indemnisation");
        Assert.DoesNotContain("Fiche des droits", bobPage.Text.Split("Déclarer du temps")[0]);
        // Bob's statement holds nothing of Alice's.
        var year = portal.Clock.GetUtcNow().ToParis().Year;
        Assert.Contains($"Aucune indemnisation validée en {year}", PdfText.All(await (await bob.Http.GetAsync($"/espace/indemnisation/{year}.pdf")).Content.ReadAsByteArrayAsync()));

        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        foreach (var browser in new[] { alice, bob, board })
        {
            Assert.True((await browser.GetAsync("/gestion/indemnisation")).IsRefused);
            await browser.PostFromAsync(bobPage, $"/gestion/indemnisation/{entry.Id}/valider");
        }
        Assert.Equal(CompensationStatus.Submitted, await portal.WithDbAsync(db => db.CompensationEntries.Where(e => e.Id == entry.Id).Select(e => e.Status).SingleAsync()));

        var anonymous = portal.NewBrowser();
        Assert.Contains("/compte/connexion", (await anonymous.GetAsync("/espace/indemnisation")).Url);
    }
}
