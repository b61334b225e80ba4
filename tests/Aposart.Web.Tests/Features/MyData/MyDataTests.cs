using System.Net;
using System.Text.Json;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Features.Trainings;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.MyData;

public sealed class MyDataTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_person_downloads_all_their_data_and_nobody_elses()
    {
        var (browser, user, _) = await Steps.ApplicantAsync(portal, "Exporté");
        await Steps.ApplicantAsync(portal, "Voisin");

        var response = await browser.Http.GetAsync("/espace/mes-donnees/export.json");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(user.Email, root.GetProperty("account").GetProperty("email").GetString());
        var professional = root.GetProperty("professional");
        Assert.Equal("Exporté", professional.GetProperty("LastName").GetString());
        Assert.Contains("dhérents", professional.GetProperty("emailVisibility").GetString());
        Assert.Equal(1, professional.GetProperty("practiceSites").GetArrayLength());
        var membership = professional.GetProperty("memberships")[0];
        Assert.Equal("En attente de validation", membership.GetProperty("status").GetString());
        Assert.True(membership.GetProperty("history").GetArrayLength() >= 1);
        Assert.DoesNotContain("Voisin", json.RootElement.GetRawText());
    }

    [Fact]
    public async Task Erasure_anonymises_the_person_keeps_the_amounts_and_is_logged_for_the_coordinator()
    {
        var (browser, user, membershipId) = await Steps.ApplicantAsync(portal, "Oubliée");
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        await Steps.DecideAsync(coordinator, membershipId, "valider");
        await Steps.RecordPaymentAsync(coordinator, "20", membershipId);

        var refused = await browser.SubmitAsync(await browser.GetAsync("/espace/mes-donnees"), "/espace/mes-donnees/effacement",
            new Dictionary<string, string> { ["Password"] = "pas le bon mot de passe", ["Confirm"] = "true", ["Reason"] = "Je pars à la retraite." });
        Assert.Equal("Mot de passe incorrect.", refused.ErrorFor("Password"));
        Assert.Equal("Je pars à la retraite.", refused.ValueOf("Reason"));

        var erased = await browser.SubmitAsync(await browser.GetAsync("/espace/mes-donnees"), "/espace/mes-donnees/effacement",
            new Dictionary<string, string> { ["Password"] = PortalFactory.Password, ["Confirm"] = "true", ["Reason"] = "Je pars à la retraite." });
        Assert.Contains("Vos données ont été effacées", erased.Text);
        Assert.False(erased.IsSignedIn);
        Assert.False((await portal.NewBrowser().LogInAsync(user.Email!, PortalFactory.Password)).IsSignedIn);

        var professional = await portal.WithDbAsync(db => db.Professionals.Include(p => p.PracticeSites).Include(p => p.Memberships).ThenInclude(m => m.Allocations)
            .SingleAsync(p => p.Memberships.Any(m => m.Id == membershipId)));
        Assert.NotNull(professional.AnonymisedAt);
        Assert.Null(professional.UserId);
        Assert.Null(professional.Email);
        Assert.Null(professional.Rpps);
        Assert.Empty(professional.PracticeSites);
        Assert.DoesNotContain("Oubliée", professional.FullName);
        Assert.Equal(20m, professional.Memberships.Single().Allocations.Sum(a => a.Amount));
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == user.Id)));
        Assert.DoesNotContain("Oubliée", (await portal.NewBrowser().GetAsync("/annuaire?q=Oubli")).Text);

        var log = await coordinator.GetAsync("/gestion/rgpd");
        Assert.Contains("Je pars à la retraite.", log.Text);
        Assert.NotNull(log.Find($"a[href='/gestion/membres/{professional.Id}']"));
        var receipt = await coordinator.Http.GetAsync($"/gestion/paiements/{professional.Memberships.Single().Allocations.Single().PaymentId}/recu.pdf");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
    }

    [Fact]
    public async Task Trainings_are_in_the_export_and_erasure_frees_the_seat_for_the_waitlist()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var id = await TrainingSteps.CreateAsync(portal, coordinator, TrainingSteps.Training(portal, "Dénutrition du sujet âgé", capacity: 1));
        var (leaving, _, _) = await TrainingSteps.MemberAsync(portal, "Partante");
        var (waiting, waitingUser, _) = await TrainingSteps.MemberAsync(portal, "Attendante");
        await TrainingSteps.RegisterAsync(leaving, id);
        await TrainingSteps.RegisterAsync(waiting, id);
        var topics = await leaving.SubmitAsync(await leaving.GetAsync("/espace/formations"), "/espace/formations/sujets",
            new Dictionary<string, string> { ["title"] = "Prévention des chutes" });
        Assert.Contains("Sujet proposé", topics.Text);

        using (var json = JsonDocument.Parse(await leaving.Http.GetStringAsync("/espace/mes-donnees/export.json")))
        {
            var professional = json.RootElement.GetProperty("professional");
            var training = professional.GetProperty("trainings")[0];
            Assert.Equal("Dénutrition du sujet âgé", training.GetProperty("Title").GetString());
            Assert.Equal("Inscrit", training.GetProperty("status").GetString());
            Assert.Equal("Prévention des chutes", professional.GetProperty("trainingTopicsProposed")[0].GetProperty("Title").GetString());
        }

        var erased = await leaving.SubmitAsync(await leaving.GetAsync("/espace/mes-donnees"), "/espace/mes-donnees/effacement",
            new Dictionary<string, string> { ["Password"] = PortalFactory.Password, ["Confirm"] = "true" });
        Assert.Contains("Vos données ont été effacées", erased.Text);
        Assert.Contains(await portal.Smtp.MessagesToAsync(waitingUser.Email!, 2), m => (m.Subject ?? "").Contains("Une place s'est libérée", StringComparison.Ordinal));
        var statuses = await portal.WithDbAsync(db => db.TrainingRegistrations.Where(r => r.TrainingId == id).OrderBy(r => r.Status).Select(r => r.Status).ToListAsync());
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Cancelled], statuses);
    }

    [Fact]
    public async Task Erasure_without_the_confirmation_box_explains_what_is_missing()
    {
        var (browser, _) = await portal.SignedInAsync(Roles.Professional);
        var page = await browser.SubmitAsync(await browser.GetAsync("/espace/mes-donnees"), "/espace/mes-donnees/effacement",
            new Dictionary<string, string> { ["Password"] = PortalFactory.Password });
        Assert.Contains("Cochez la case", page.ErrorFor("Confirm"));
        Assert.True(page.IsSignedIn);
    }
}
