using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Dashboard;

/// <summary>
/// The dashboard's figures against a small data set computed by hand. This class's database holds only what is written here
/// (and the territory's 36 communes, 80 722 inhabitants).
/// </summary>
public sealed class DashboardTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private int year;

    public async Task InitializeAsync()
    {
        year = portal.Clock.GetUtcNow().ToParis().Year;
        if (await portal.WithDbAsync(db => db.ActionSheets.AnyAsync()))
        {
            return;
        }
        await portal.WithDbAsync(async db =>
        {
            var statutes = await db.StatutesVersions.Select(s => s.Id).FirstAsync();
            var colleges = await db.Colleges.OrderBy(c => c.SortOrder).Select(c => c.Id).ToListAsync();
            Professional Person(string last, Profession profession, string? secure, params string[] communes) => new()
            {
                FirstName = "Test", LastName = last, Profession = profession, SecureMailAddress = secure,
                PracticeSites = [.. communes.Select((c, i) => new PracticeSite { AddressLine = "1 rue", Postcode = "78120", City = c, CommuneInsee = c, SortOrder = i })],
            };
            var a = Person("Alpha", Profession.GeneralPractitioner, "alpha@mssante.fr", "78517", "78486");
            var b = Person("Bravo", Profession.GeneralPractitioner, null, "78517");
            var c = Person("Charlie", Profession.Nurse, null, "78486");
            var d = Person("Delta", Profession.Pharmacist, null, "78517");
            var e = Person("Echo", Profession.Physiotherapist, null);
            db.Professionals.AddRange(a, b, c, d, e);
            Membership Member(Professional p, int y, MembershipStatus status, int college, int month) => new()
            {
                Professional = p, Year = y, CollegeId = colleges[college], FeeCategory = FeeCategory.Individual, FeeAmount = 20, StatutesVersionId = statutes,
                StatutesAcceptedAt = DateTimeOffset.UtcNow, Status = status, DecidedAt = ParisTime.FromParis(new DateOnly(y, month, 15), new TimeOnly(12, 0)),
            };
            var paid = Member(a, year, MembershipStatus.UpToDate, 0, 1);
            db.Memberships.AddRange(paid, Member(b, year, MembershipStatus.ApprovedFeeDue, 0, 3), Member(c, year, MembershipStatus.Late, 1, 3),
                Member(d, year, MembershipStatus.PendingValidation, 2, 4),
                Member(a, year - 1, MembershipStatus.UpToDate, 0, 2), Member(c, year - 1, MembershipStatus.UpToDate, 1, 2), Member(e, year - 1, MembershipStatus.UpToDate, 3, 2));
            db.Payments.Add(new Payment
            {
                PaidOn = new DateOnly(year, 1, 20), Amount = 20, Method = PaymentMethod.Cheque, ReceiptNumber = $"{year}-R-9001",
                Allocations = [new PaymentAllocation { Membership = paid, Amount = 20 }],
            });
            var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToParis().DateTime);
            db.ActionSheets.AddRange(
                new ActionSheet
                {
                    Number = 1, Title = "Agenda de soins non programmés", Mission = AciMission.AccessToCare, Status = ActionStatus.InProgress,
                    Steps = [new ActionStep { Title = "En retard", DueOn = today.AddDays(-1) }, new ActionStep { Title = "Fait", DueOn = today.AddDays(-3), Status = StepStatus.Done }],
                    Indicators =
                    [
                        new Indicator { Name = "Créneaux proposés", Targets = [new IndicatorTarget { Year = year, Value = 10 }], Measurements = [new Measurement { Year = year, Value = 5, EnteredByName = "t" }] },
                        new Indicator { Name = "Cabinets participants", Targets = [new IndicatorTarget { Year = year, Value = 4 }], Measurements = [new Measurement { Year = year, Value = 6, EnteredByName = "t" }] },
                    ],
                },
                new ActionSheet
                {
                    Number = 2, Title = "Ateliers au lycée", Mission = AciMission.Prevention, Status = ActionStatus.Validated,
                    Indicators = [new Indicator { Name = "Élèves sensibilisés", Targets = [new IndicatorTarget { Year = year, Value = 100 }] }],
                });
            var campaign = new Campaign
            {
                Kind = CampaignKind.Flashmail, Subject = "Essai", Body = "Texte", Status = CampaignStatus.Sent, SentAt = portal.Clock.GetUtcNow().AddDays(-2), AuthorName = "t",
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            db.OutboxMessages.AddRange(
                new OutboxMessage { CampaignId = campaign.Id, ToAddress = "un@exemple.fr", ToName = "Un", Status = OutboxStatus.Sent },
                new OutboxMessage { CampaignId = campaign.Id, ToAddress = "deux@exemple.fr", ToName = "Deux", Status = OutboxStatus.Sent },
                new OutboxMessage { CampaignId = campaign.Id, ToAddress = "trois@exemple.fr", ToName = "Trois", Status = OutboxStatus.Failed });
            db.MailSubscribers.Add(new MailSubscriber { Address = "un@exemple.fr", Token = Guid.NewGuid().ToString("N"), UnsubscribedAt = portal.Clock.GetUtcNow().AddDays(-1) });
            db.CompensationEntries.AddRange(
                new CompensationEntry { ProfessionalId = a.Id, ActionSheetId = db.ActionSheets.Local.First(f => f.Number == 1).Id, Date = new DateOnly(year, 2, 1),
                    Kind = CompensationKind.WorkingGroupHours, Quantity = 2, Rate = 100, Amount = 200, Status = CompensationStatus.Validated, RecordedByName = "t" },
                new CompensationEntry { ProfessionalId = c.Id, ActionSheetId = db.ActionSheets.Local.First(f => f.Number == 2).Id, Date = new DateOnly(year, 2, 2),
                    Kind = CompensationKind.PreventionHalfDays, Quantity = 1, Rate = 150, Amount = 150, Status = CompensationStatus.Submitted, RecordedByName = "t" });
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> CsvAsync(Browser browser, string key) =>
        (await browser.GetAsync($"/gestion/tableau-de-bord/{key}.csv?annee={year}")).Html;

    [Fact]
    public async Task Member_figures_match_the_hand_count()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var summary = await CsvAsync(coordinator, "adherents");
        Assert.Contains("Adhérents (validés, à jour, en retard ou exonérés);3", summary);
        Assert.Contains("Dont à jour de cotisation;1", summary);
        Assert.Contains("Validés, cotisation due;1", summary);
        Assert.Contains("En retard de paiement;1", summary);
        Assert.Contains("Demandes à examiner;1", summary);
        Assert.Contains($"Adhérents {year - 1} pas encore renouvelés;1", summary);

        var professions = await CsvAsync(coordinator, "adherents-profession");
        Assert.Contains("Médecin généraliste;2", professions);
        Assert.Contains("Infirmier / infirmière;1", professions);
        Assert.DoesNotContain("Pharmacien", professions);
        var colleges = await CsvAsync(coordinator, "adherents-college");
        Assert.Contains("Médecins généralistes;2", colleges);
        Assert.Contains("Infirmiers;1", colleges);
        Assert.Contains("Pharmaciens;0", colleges);
        // Alpha practises in both communes and counts in each.
        var communes = await CsvAsync(coordinator, "adherents-commune");
        Assert.Contains("Rambouillet;2", communes);
        Assert.Contains("Le Perray-en-Yvelines;2", communes);
        var months = await CsvAsync(coordinator, "adherents-mois");
        Assert.Contains("janvier;1;1", months);
        Assert.Contains("mars;2;3", months);

        var page = await coordinator.GetAsync($"/gestion/tableau-de-bord?annee={year}");
        Assert.Contains($"Cotisations encaissées pour {year} : 20,00 €", page.Text);
    }

    [Fact]
    public async Task Territory_coverage_counts_each_professional_once_per_commune_and_flags_the_empty_ones()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var coverage = await CsvAsync(coordinator, "couverture");
        Assert.Contains("Rambouillet;27724;2;0;0;1", coverage);
        Assert.Contains("Le Perray-en-Yvelines;6480;1;1;0;0", coverage);
        Assert.Contains("Gambaiseuil;", coverage);
        var density = await CsvAsync(coordinator, "densite");
        // 2 MG for 80 722 inhabitants = 0,2 per 10 000 (rounded), against 8,5 nationally: 98 % under.
        Assert.True(density.Contains("Médecin généraliste;2;0,2;8,5;-98", StringComparison.Ordinal), density);
        Assert.Contains("Masseur-kinésithérapeute;0;0;11;-100", density);

        var page = await coordinator.GetAsync("/gestion/tableau-de-bord");
        Assert.Contains("36 communes : 34 sans MG, 35 sans IDEL, 36 sans MK, 35 sans pharmacien", page.Text);
        Assert.Contains("cell-alert", page.Html);
    }

    [Fact]
    public async Task The_gp_density_map_hatches_every_commune_without_a_gp_and_the_table_beside_it_gives_the_same_figures()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var page = await coordinator.GetAsync("/gestion/tableau-de-bord");
        var map = page.Find("figure#densite-generalpractitioner")!;
        var communes = map.QuerySelectorAll("path[data-insee]").ToDictionary(p => p.GetAttribute("data-insee")!, p => p.GetAttribute("fill")!);
        Assert.Equal(36, communes.Count);
        // Two GPs: Alpha in Rambouillet and Le Perray, Bravo in Rambouillet; the 34 other communes have none and are hatched.
        Assert.Equal(["78486", "78517"], communes.Where(c => !c.Value.StartsWith("url(#", StringComparison.Ordinal)).Select(c => c.Key).Order());
        Assert.Equal(34, communes.Count(c => c.Value == "url(#densite-generalpractitioner-hachures)"));
        Assert.NotNull(map.QuerySelector("pattern#densite-generalpractitioner-hachures"));
        Assert.Contains("Aucun (médecins généralistes)", map.TextContent);
        Assert.Equal("Gazeran : aucun", map.QuerySelector("path[data-insee='78269'] title")!.TextContent);
        Assert.Equal("Le Perray-en-Yvelines : 1, soit 1,5 pour 10 000 habitants", map.QuerySelector("path[data-insee='78486'] title")!.TextContent);
        // Without links, the map is one image named by its title; its figures are in the table beside it, and in its CSV.
        Assert.Equal("img", map.QuerySelector("svg")!.GetAttribute("role"));
        var table = await CsvAsync(coordinator, "densite-communes");
        Assert.Contains("Rambouillet;27724;0,7;0;0;0,4", table);
        Assert.Contains("Le Perray-en-Yvelines;6480;1,5;1,5;0;0", table);
        Assert.Contains("Gazeran;1492;0;0;0;0", table);
    }

    [Fact]
    public async Task Fiches_indicators_communication_secure_mail_and_compensation_match_the_hand_count()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var fiches = await CsvAsync(coordinator, "fiches");
        Assert.Contains("1. Accès aux soins;0;0;1;0;0;1", fiches);
        Assert.Contains("3. Prévention;0;1;0;0;0;0", fiches);
        var indicators = await CsvAsync(coordinator, "indicateurs");
        Assert.Contains("1. Accès aux soins;2;1;1;0", indicators);
        Assert.Contains("3. Prévention;1;0;0;1", indicators);
        var communication = await CsvAsync(coordinator, "communication");
        Assert.Contains("Flashmail;1;2", communication);
        Assert.Contains("Lettre trimestrielle;0;0", communication);
        var secure = await CsvAsync(coordinator, "mssante");
        Assert.Contains("Médecin généraliste;2;1;50", secure);
        Assert.Contains("Ensemble;5;1;20", secure);
        var compensation = await CsvAsync(coordinator, "indemnisation");
        Assert.Contains("Validé;200", compensation);
        Assert.Contains("À valider;150", compensation);
        Assert.Contains("Reste de l'enveloppe;29800", compensation);
        var trainings = await CsvAsync(coordinator, "formations");
        Assert.Contains("Formations réalisées;", trainings);
        var page = await coordinator.GetAsync("/gestion/tableau-de-bord");
        Assert.Contains("1 désabonnement(s) dans l'année", page.Text);
        Assert.Contains("Pas encore de données : aucune formation cette année.", page.Text);
    }

    [Fact]
    public async Task The_aci_estimate_pays_the_variable_part_in_proportion_to_the_indicators_and_says_how()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        // Access to care: (5/10 + min(6/4, 1)) / 2 = 75 % of 35 000 = 26 250. Prevention: 0 of 100 = 0 %. Others: no targeted indicator.
        var aci = await CsvAsync(coordinator, "aci");
        Assert.Contains("1. Accès aux soins;90000;35000;75;26250;116250", aci);
        Assert.Contains("3. Prévention;17500;17500;0;0;17500", aci);
        Assert.Contains("2. Parcours pluriprofessionnels;45000;45000;;0;45000", aci);
        // 75 000 + 222 500 fixed + 26 250 variable.
        Assert.Contains("Total;297500;190000;;26250;323750", aci);
        var page = await coordinator.GetAsync($"/gestion/aci?annee={year}");
        Assert.Contains("peut attendre 323 750 € sur un maximum de 487 500 €", page.Text.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Contains("Part variable : montant maximal × taux d'atteinte moyen", page.Text);
        Assert.Contains("non estimable", page.Text);
    }

    [Fact]
    public async Task The_activity_report_has_a_section_per_mission_with_its_fiches_and_indicators()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var response = await coordinator.Http.GetAsync($"/gestion/rapport/{year}.pdf");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = PdfText.Squeezed(PdfText.All(pdf));
        // The territory map and the GP density map, drawn as vector shapes: a filled path per commune and map at least.
        var territoryPage = PdfText.Pages(pdf).ToList().FindIndex(p => p.Contains("Les communes du territoire", StringComparison.Ordinal));
        Assert.True(territoryPage > 0, "no page carries the territory map's title");
        Assert.Contains(PdfText.Squeezed("Médecins généralistes pour 10 000 habitants"), text);
        Assert.Contains(PdfText.Squeezed("IGN – Admin Express"), text);
        Assert.True(PdfText.FilledShapes(pdf)[territoryPage] >= 36, $"{PdfText.FilledShapes(pdf)[territoryPage]} filled shapes on the territory page");
        foreach (var mission in Enum.GetValues<AciMission>())
        {
            Assert.Contains(PdfText.Squeezed($"Mission {(int)mission} – {mission.Title()}"), text);
        }
        Assert.Contains(PdfText.Squeezed("Agenda de soins non programmés"), text);
        Assert.Contains(PdfText.Squeezed("Créneaux proposés"), text);
        Assert.Contains(PdfText.Squeezed("323 750 €"), text);
        Assert.Contains(PdfText.Squeezed($"Rapport d'activité {year}"), text);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await coordinator.Http.GetAsync("/gestion/rapport/1999.pdf")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await coordinator.Http.GetAsync("/gestion/rapport/deux-mille.pdf")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Professional)]
    [InlineData(Roles.Member)]
    public async Task Members_and_professionals_cannot_see_the_dashboard_aci_or_report(string role)
    {
        var (browser, _) = await portal.SignedInAsync(role == Roles.Professional ? [role] : [Roles.Professional, role]);
        foreach (var path in new[] { "/gestion/tableau-de-bord", "/gestion/tableau-de-bord/adherents.csv", "/gestion/aci", $"/gestion/rapport/{year}.pdf" })
        {
            Assert.True((await browser.GetAsync(path)).IsRefused, path);
        }
    }

    [Fact]
    public async Task Odd_years_and_unknown_tables_never_fail()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        foreach (var query in new[] { "annee=abc", "annee=-1", "annee=99999999999", "annee=1850", "annee=%00" })
        {
            var page = await coordinator.GetAsync($"/gestion/tableau-de-bord?{query}");
            Assert.Contains($"Tableau de bord {year}", page.Text);
        }
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await coordinator.Http.GetAsync("/gestion/tableau-de-bord/inconnu.csv")).StatusCode);
    }
}
