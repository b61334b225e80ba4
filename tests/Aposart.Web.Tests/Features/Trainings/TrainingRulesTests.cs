using System.Globalization;
using System.Net;
using Aposart.Web.Domain;
using Aposart.Web.Features.Trainings;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Trainings;

public sealed class TrainingRulesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<Browser> CoordinatorAsync() => (await portal.SignedInAsync(Roles.Professional, Roles.Coordinator)).Browser;

    private static async Task<Page> PostWithTokenAsync(Browser browser, string pageUrl, string action) =>
        await browser.PostFromAsync(await browser.GetAsync(pageUrl), action);

    [Fact]
    public async Task Two_people_taking_the_last_seat_at_the_same_moment_get_one_seat_and_one_waitlist_place()
    {
        var coordinator = await CoordinatorAsync();
        var people = await portal.WithDbAsync(async db =>
        {
            var list = Enumerable.Range(0, 2).Select(i => new Professional
            {
                FirstName = "Même", LastName = $"Instant{i}", Profession = Profession.Nurse, Email = PortalFactory.NewEmail("seat"),
            }).ToList();
            db.Professionals.AddRange(list);
            await db.SaveChangesAsync();
            return list;
        });
        for (var round = 0; round < 5; round++)
        {
            var fields = TrainingSteps.Training(portal, $"Dernière place {round}", capacity: 1);
            fields["Input.Audience"] = nameof(TrainingAudience.AllProfessionals);
            var id = await TrainingSteps.CreateAsync(portal, coordinator, fields);
            var start = new TaskCompletionSource();
            var attempts = people.Select(person => Task.Run(async () =>
            {
                using var scope = portal.Services.CreateScope();
                var registrar = scope.ServiceProvider.GetRequiredService<TrainingRegistrar>();
                await start.Task;
                return await registrar.RegisterAsync(id, person, isMember: false, CancellationToken.None);
            })).ToList();
            start.SetResult();
            var outcomes = await Task.WhenAll(attempts);

            Assert.All(outcomes, o => Assert.True(o.Done, o.Message));
            var statuses = await portal.WithDbAsync(db => db.TrainingRegistrations.Where(r => r.TrainingId == id).Select(r => r.Status).OrderBy(s => s).ToListAsync());
            Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted], statuses);
        }
    }

    [Fact]
    public async Task Registering_twice_after_closing_on_a_cancelled_or_members_only_training_gets_a_clear_message()
    {
        var coordinator = await CoordinatorAsync();
        var open = await TrainingSteps.CreateAsync(portal, coordinator, TrainingSteps.Training(portal, "Antibiorésistance", capacity: 5));
        var closedFields = TrainingSteps.Training(portal, "Inscriptions closes", capacity: 5);
        closedFields["Input.RegistrationClosesAt"] = TrainingSteps.InDays(portal, -1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T12:00";
        var closed = await TrainingSteps.CreateAsync(portal, coordinator, closedFields);
        var cancelledFields = TrainingSteps.Training(portal, "Formation annulée", capacity: 5);
        cancelledFields["Input.Status"] = nameof(TrainingStatus.Cancelled);
        var cancelled = await TrainingSteps.CreateAsync(portal, coordinator, cancelledFields);

        var (member, _, _) = await TrainingSteps.MemberAsync(portal, "Durand");
        await TrainingSteps.RegisterAsync(member, open);
        Assert.Contains("déjà inscrit", (await PostWithTokenAsync(member, $"/formations/{open}", $"/formations/{open}/inscription")).Text);
        Assert.Contains("closes", (await PostWithTokenAsync(member, $"/formations/{closed}", $"/formations/{closed}/inscription")).Text);
        var late = await TrainingSteps.CreateAsync(portal, coordinator, TrainingSteps.Training(portal, "Désinscription tardive", capacity: 5));
        await TrainingSteps.RegisterAsync(member, late);
        await coordinator.FillAsync($"/gestion/formations/{late}/modifier", new Dictionary<string, string>
        {
            ["Input.RegistrationClosesAt"] = TrainingSteps.InDays(portal, -1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T12:00",
        });
        Assert.Contains("Les désinscriptions en ligne sont closes", (await PostWithTokenAsync(member, $"/formations/{late}", $"/formations/{late}/desinscription")).Text);
        Assert.Contains("annulée", (await PostWithTokenAsync(member, $"/formations/{cancelled}", $"/formations/{cancelled}/inscription")).Text);

        var (outsider, _, _) = await TrainingSteps.MemberAsync(portal, "Extérieur", Roles.Professional);
        Assert.Contains("réservée aux adhérents", (await PostWithTokenAsync(outsider, $"/formations/{open}", $"/formations/{open}/inscription")).Text);
        var (noProfile, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        var redirected = await PostWithTokenAsync(noProfile, $"/formations/{open}", $"/formations/{open}/inscription");
        Assert.StartsWith("/espace/profil", redirected.Url, StringComparison.Ordinal);
        var anonymous = portal.NewBrowser();
        var login = await anonymous.PostAsync($"/formations/{open}/inscription", []);
        Assert.StartsWith("/compte/connexion", login.Url, StringComparison.Ordinal);
        Assert.Equal(1, await portal.WithDbAsync(db => db.TrainingRegistrations.CountAsync(r => r.TrainingId == open)));
    }

    [Fact]
    public async Task Bad_training_input_is_explained_next_to_the_field_and_kept_and_odd_addresses_never_fail()
    {
        var coordinator = await CoordinatorAsync();
        var fields = TrainingSteps.Training(portal, "");
        fields["Input.Capacity"] = "deux";
        fields["Input.Sessions[0].End"] = "18:00";
        fields["Input.Sessions[1].Date"] = "31/02/2026";
        fields["Input.Sessions[1].RemoteUrl"] = "ftp://visio";
        fields["Input.Trainers[1].Role"] = "Pharmacien";
        var page = await coordinator.FillAsync("/gestion/formations/nouvelle", fields);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.ErrorFor("Input.Title"));
        Assert.NotNull(page.ErrorFor("Input.Capacity"));
        Assert.Contains("finir après son début", page.ErrorFor("Input.Sessions[0].End"));
        Assert.NotNull(page.ErrorFor("Input.Sessions[1].Date"));
        Assert.Contains("https://", page.ErrorFor("Input.Sessions[1].RemoteUrl"));
        Assert.Contains("nom de l'intervenant", page.ErrorFor("Input.Trainers[1].Name"));
        Assert.Equal("deux", page.ValueOf("Input.Capacity"));
        Assert.Equal("Salle du conseil", page.ValueOf("Input.Sessions[0].Room"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Trainings.CountAsync(t => t.Title == "")));

        var visitor = portal.NewBrowser();
        foreach (var url in new[] { "/formations?mois=abcd&profession=Zebre&theme=%27%22%3C", "/formations?mois=99999-99&page=-4", "/formations/questionnaire/%27%3B--",
                     $"/formations/{Guid.NewGuid()}", $"/formations/{Guid.NewGuid()}.ics" })
        {
            var response = await visitor.Http.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Registrants_get_one_reminder_two_days_before_and_only_staff_run_trainings()
    {
        var coordinator = await CoordinatorAsync();
        var id = await TrainingSteps.CreateAsync(portal, coordinator, TrainingSteps.Training(portal, "Messagerie sécurisée", capacity: 5, inDays: 1));
        var (member, user, _) = await TrainingSteps.MemberAsync(portal, "Rappel");
        await TrainingSteps.RegisterAsync(member, id);

        string Run()
        {
            using var scope = portal.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<TrainingReminders>().RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        Assert.Equal("1 rappel(s) envoyé(s), 0 questionnaire(s) de satisfaction", Run());
        Assert.Equal("0 rappel(s) envoyé(s), 0 questionnaire(s) de satisfaction", Run());
        var reminder = (await portal.Smtp.MessagesToAsync(user.Email!, 2)).Single(m => (m.Subject ?? "").Contains("Rappel", StringComparison.Ordinal));
        Assert.Contains("Messagerie sécurisée", reminder.Subject);

        // The day after, attendance is marked and the daily run sends the questionnaire, once.
        var sessionId = await portal.WithDbAsync(db => db.TrainingSessions.Where(s => s.TrainingId == id).Select(s => s.Id).SingleAsync());
        var professionalId = await portal.WithDbAsync(db => db.TrainingRegistrations.Where(r => r.TrainingId == id).Select(r => r.ProfessionalId).SingleAsync());
        await coordinator.SubmitAsync(await coordinator.GetAsync($"/gestion/formations/{id}"), $"/gestion/formations/{id}/seances/{sessionId}/presences",
            new Dictionary<string, string> { ["present"] = professionalId.ToString() });
        var later = TrainingSteps.InDays(portal, 3);
        portal.Clock.SetParis(later.Year, later.Month, later.Day);
        try
        {
            Assert.Equal("0 rappel(s) envoyé(s), 1 questionnaire(s) de satisfaction", Run());
            Assert.Equal("0 rappel(s) envoyé(s), 0 questionnaire(s) de satisfaction", Run());
            // Queued at the moved clock, the mail is due at that time: the outbox delivers it before the clock goes back.
            Assert.Contains(await portal.Smtp.MessagesToAsync(user.Email!, 3), m => (m.Subject ?? "").Contains("Votre avis", StringComparison.Ordinal));
        }
        finally
        {
            portal.Clock.Reset();
        }

        Assert.True((await member.GetAsync("/gestion/formations")).IsRefused);
        Assert.True((await member.GetAsync($"/gestion/formations/{id}")).IsRefused);
        var registrantId = await portal.WithDbAsync(db => db.TrainingRegistrations.Where(r => r.TrainingId == id).Select(r => r.ProfessionalId).SingleAsync());
        Assert.True((await PostWithTokenAsync(member, $"/formations/{id}", $"/gestion/formations/{id}/inscrits/{registrantId}/annuler")).IsRefused);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/gestion/formations/{id}")).Status);
        Assert.Equal(RegistrationStatus.Confirmed, await portal.WithDbAsync(db => db.TrainingRegistrations.Where(r => r.TrainingId == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Members_propose_topics_and_vote_once_each()
    {
        var (alice, _, _) = await TrainingSteps.MemberAsync(portal, "Sujet");
        var (bob, _, _) = await TrainingSteps.MemberAsync(portal, "Votant");
        var proposed = await alice.SubmitAsync(await alice.GetAsync("/espace/formations"), "/espace/formations/sujets", new Dictionary<string, string> { ["title"] = "Douleur chronique et opioïdes" });
        Assert.Contains("Sujet proposé", proposed.Text);
        var topicId = await portal.WithDbAsync(db => db.TopicSuggestions.Where(t => t.Title == "Douleur chronique et opioïdes").Select(t => t.Id).SingleAsync());

        var page = await bob.GetAsync("/espace/formations");
        await bob.SubmitAsync(page, $"/espace/formations/sujets/{topicId}/vote", new Dictionary<string, string>());
        Assert.Equal(2, await portal.WithDbAsync(db => db.TopicVotes.CountAsync(v => v.TopicSuggestionId == topicId)));
        var again = await bob.SubmitAsync(page, $"/espace/formations/sujets/{topicId}/vote", new Dictionary<string, string>());
        Assert.Contains("Vote retiré", again.Text);
        Assert.Equal(1, await portal.WithDbAsync(db => db.TopicVotes.CountAsync(v => v.TopicSuggestionId == topicId)));

        var empty = await alice.SubmitAsync(await alice.GetAsync("/espace/formations"), "/espace/formations/sujets", new Dictionary<string, string> { ["title"] = " ", ["details"] = "Des précisions gardées" });
        Assert.Contains("intitulé", empty.Text);
        Assert.Equal("Des précisions gardées", empty.Find("#details")!.TextContent);
    }
}
