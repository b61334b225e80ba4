using System.Globalization;
using Aposart.Web.Domain;
using Aposart.Web.Features.Vaccination;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Features.Trainings;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Vaccination;

public sealed class VaccinationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToParis().DateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Dictionary<string, string> Centre(string name) => new()
    {
        ["Input.Name"] = name, ["Input.Address"] = "10 rue de la Fontaine", ["Input.CommuneInsee"] = "78517", ["Input.Status"] = nameof(CentreStatus.Open),
        ["Input.BookingUrl"] = "https://rdv.exemple.fr/centre", ["Input.BookingPhone"] = "01 34 00 00 00",
        ["Input.WhoMayCome"] = "Toute personne de plus de 12 ans.", ["Input.DocumentsToBring"] = "Carte Vitale", ["Input.Published"] = "true",
        ["Input.Hours[0].Opens"] = "09:00", ["Input.Hours[0].Closes"] = "18:00",
        ["Input.Closures[0].From"] = Iso(Today.AddDays(3)), ["Input.Closures[0].To"] = Iso(Today.AddDays(3)), ["Input.Closures[0].Reason"] = "Inventaire des vaccins",
    };

    private async Task<Guid> CentreAsync(Browser coordinator, string name)
    {
        var saved = await coordinator.FillAsync("/gestion/vaccination/nouveau", Centre(name));
        Assert.True(saved.Text.Contains("Centre enregistré.", StringComparison.Ordinal), saved.FormErrors);
        return await portal.WithDbAsync(db => db.VaccinationCentres.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
    }

    private Task<Guid> ShiftAsync(Guid centreId, int needed, int inDays = 2) => portal.WithDbAsync(async db =>
    {
        var shift = new CentreShift { CentreId = centreId, Date = Today.AddDays(inDays), Starts = new TimeOnly(9, 0), Ends = new TimeOnly(13, 0), Role = ShiftRole.VaccinatingNurse, Needed = needed };
        db.CentreShifts.Add(shift);
        await db.SaveChangesAsync();
        return shift.Id;
    });

    [Fact]
    public async Task The_crisis_banner_shows_on_every_page_until_the_coordinator_ends_it()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var visitor = portal.NewBrowser();
        Assert.DoesNotContain("Alerte sanitaire", (await visitor.GetAsync("/")).Text);
        var admin = await coordinator.GetAsync("/gestion/vaccination");
        var declared = await coordinator.SubmitAsync(admin, "/gestion/vaccination/crise", new Dictionary<string, string>
        {
            ["CrisisInput.Message"] = "Épidémie de grippe : les centres ouvrent le samedi.", ["CrisisInput.LinkUrl"] = "/vaccination", ["CrisisInput.LinkLabel"] = "Où se faire vacciner",
        });
        Assert.Contains("Le bandeau de crise est affiché", declared.Text);
        foreach (var path in new[] { "/", "/annuaire", "/vaccination", "/formations", "/compte/connexion" })
        {
            var page = await visitor.GetAsync(path);
            Assert.Contains("Alerte sanitaire : Épidémie de grippe : les centres ouvrent le samedi.", page.Text);
            Assert.NotNull(page.Find("a.alert-link[href='/vaccination']"));
        }
        var ended = await coordinator.SubmitAsync(await coordinator.GetAsync("/gestion/vaccination"), "/gestion/vaccination/crise/fin", new Dictionary<string, string>());
        Assert.Contains("Le bandeau de crise est retiré.", ended.Text);
        Assert.DoesNotContain("Alerte sanitaire", (await visitor.GetAsync("/")).Text);

        var bad = await coordinator.SubmitAsync(admin, "/gestion/vaccination/crise", new Dictionary<string, string>
        {
            ["CrisisInput.Message"] = "", ["CrisisInput.LinkUrl"] = "javascript:alert(1)",
        });
        Assert.NotNull(bad.ErrorFor("CrisisInput.Message"));
        Assert.Contains("https://", bad.ErrorFor("CrisisInput.LinkUrl"));
        Assert.DoesNotContain("Alerte sanitaire", (await visitor.GetAsync("/")).Text);

        var (member, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        Assert.True((await member.GetAsync("/gestion/vaccination")).IsRefused);
        Assert.True((await member.PostFromAsync(await member.GetAsync("/"), "/gestion/vaccination/crise", ("CrisisInput.Message", "Piraté"))).IsRefused);
        Assert.DoesNotContain("Piraté", (await visitor.GetAsync("/")).Text);
    }

    [Fact]
    public async Task A_centre_shows_its_hours_closures_and_booking_to_the_public_and_bad_input_is_explained()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        await CentreAsync(coordinator, "Centre de la Fontaine");
        var page = await portal.NewBrowser().GetAsync("/vaccination");
        Assert.Contains("Centre de la Fontaine", page.Text);
        Assert.Contains("lundi09h00 – 18h00", page.Text);
        Assert.Contains("mardifermé", page.Text);
        Assert.Contains("Inventaire des vaccins", page.Text);
        Assert.NotNull(page.Find("a[href='https://rdv.exemple.fr/centre']"));
        Assert.NotNull(page.Find("a[href='tel:0134000000']"));

        var hidden = Centre("Centre caché");
        hidden["Input.Published"] = "false";
        Assert.Contains("Centre enregistré.", (await coordinator.FillAsync("/gestion/vaccination/nouveau", hidden)).Text);
        Assert.DoesNotContain("Centre caché", (await portal.NewBrowser().GetAsync("/vaccination")).Text);

        var bad = Centre("Centre mal saisi");
        bad["Input.BookingUrl"] = "ftp://exemple.fr";
        bad["Input.BookingPhone"] = "appelez-nous";
        bad["Input.Hours[1].Opens"] = "18:00";
        bad["Input.Hours[1].Closes"] = "09:00";
        bad["Input.Closures[0].Reason"] = "";
        bad["Input.CommuneInsee"] = "99999";
        var refused = await coordinator.FillAsync("/gestion/vaccination/nouveau", bad);
        Assert.Equal(System.Net.HttpStatusCode.OK, refused.Status);
        Assert.Contains("https://", refused.ErrorFor("Input.BookingUrl"));
        Assert.NotNull(refused.ErrorFor("Input.BookingPhone"));
        Assert.Contains("fermeture après l'ouverture", refused.ErrorFor("Input.Hours[1].Closes"));
        Assert.Contains("un motif", refused.ErrorFor("Input.Closures[0].Reason"));
        Assert.NotNull(refused.ErrorFor("Input.CommuneInsee"));
        Assert.Equal("appelez-nous", refused.ValueOf("Input.BookingPhone"));
        Assert.False(await portal.WithDbAsync(db => db.VaccinationCentres.AnyAsync(c => c.Name == "Centre mal saisi")));
    }

    [Fact]
    public async Task A_professional_signs_up_for_a_shift_the_rota_shows_it_and_the_day_before_a_reminder_goes_once()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var centreId = await CentreAsync(coordinator, "Centre du planning");
        var rota = await coordinator.GetAsync($"/gestion/vaccination/{centreId}/planning");
        var opened = await coordinator.SubmitAsync(rota, $"/gestion/vaccination/{centreId}/planning", new Dictionary<string, string>
        {
            ["Input.Date"] = Iso(Today.AddDays(1)), ["Input.Starts"] = "09:00", ["Input.Ends"] = "13:00", ["Input.Role"] = nameof(ShiftRole.VaccinatingNurse), ["Input.Needed"] = "2",
        });
        Assert.Contains("Créneau ouvert", opened.Text);
        var shiftId = await portal.WithDbAsync(db => db.CentreShifts.Where(s => s.CentreId == centreId).Select(s => s.Id).SingleAsync());

        var (nurse, nurseUser, _) = await TrainingSteps.MemberAsync(portal, "Vaccinatrice");
        var planning = await nurse.GetAsync("/espace/planning");
        Assert.Contains("2 libre(s) sur 2", planning.Text);
        var signed = await nurse.SubmitAsync(planning, $"/espace/planning/{shiftId}/inscription", new Dictionary<string, string>());
        Assert.Contains("Vous êtes inscrit", signed.Text);
        Assert.Contains("Me désinscrire", signed.Text);
        var twice = await nurse.PostFromAsync(signed, $"/espace/planning/{shiftId}/inscription");
        Assert.Contains("Vous êtes déjà inscrit sur ce créneau.", twice.Text);
        var rotaAfter = await coordinator.GetAsync($"/gestion/vaccination/{centreId}/planning");
        Assert.Contains("1 / 2 (il manque 1)", rotaAfter.Text);
        Assert.Contains("Vaccinatrice", rotaAfter.Text);
        Assert.Contains("Vaccinatrice", (await coordinator.GetAsync($"/gestion/vaccination/{centreId}/planning.csv")).Html);

        using (var scope = portal.Services.CreateScope())
        {
            var reminders = scope.ServiceProvider.GetRequiredService<ShiftReminders>();
            Assert.Equal("1 rappel(s) envoyé(s)", await reminders.RunAsync(CancellationToken.None));
            Assert.Equal("0 rappel(s) envoyé(s)", await reminders.RunAsync(CancellationToken.None));
        }
        var mail = Assert.Single(await portal.Smtp.MessagesToAsync(nurseUser.Email!), m => (m.Subject ?? "").StartsWith("Demain", StringComparison.Ordinal));
        Assert.Contains("Centre du planning", mail.TextBody);

        var cancelled = await nurse.PostFromAsync(signed, $"/espace/planning/{shiftId}/desinscription");
        Assert.Contains("Inscription annulée.", cancelled.Text);
        Assert.Contains("0 / 2 (il manque 2)", (await coordinator.GetAsync($"/gestion/vaccination/{centreId}/planning")).Text);

        Assert.True((await nurse.GetAsync($"/gestion/vaccination/{centreId}/planning")).IsRefused);
        Assert.True((await nurse.PostFromAsync(planning, $"/gestion/vaccination/{centreId}/planning", ("Input.Date", Iso(Today.AddDays(2))), ("Input.Starts", "09:00"),
            ("Input.Ends", "10:00"), ("Input.Role", "Doctor"), ("Input.Needed", "9"))).IsRefused);
    }

    [Fact]
    public async Task A_shift_never_takes_more_people_than_it_needs_even_when_they_sign_up_at_once()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var centreId = await CentreAsync(coordinator, "Centre très demandé");
        var people = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            people.Add((await TrainingSteps.MemberAsync(portal, $"Volontaire{i}")).ProfessionalId);
        }
        for (var round = 0; round < 5; round++)
        {
            var shiftId = await ShiftAsync(centreId, needed: 2, inDays: 2 + round);
            var scopes = people.Select(_ => portal.Services.CreateScope()).ToList();
            try
            {
                var results = await Task.WhenAll(people.Select((p, i) => Task.Run(() => scopes[i].ServiceProvider.GetRequiredService<ShiftRota>().SignUpAsync(shiftId, p, CancellationToken.None))));
                Assert.Equal(2, results.Count(r => r is null));
                Assert.Equal("Ce créneau est complet.", Assert.Single(results, r => r is not null));
            }
            finally
            {
                scopes.ForEach(s => s.Dispose());
            }
            Assert.Equal(2, await portal.WithDbAsync(db => db.ShiftSignups.CountAsync(s => s.ShiftId == shiftId && s.CancelledAt == null)));
        }
    }
}
