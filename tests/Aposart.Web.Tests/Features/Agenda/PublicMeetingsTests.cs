using System.Globalization;
using Aposart.Web.Domain;
using Aposart.Web.Features.Fiches;
using Aposart.Web.Tests.Features.Meetings;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Agenda;

/// <summary>Public meetings on a portal of their own: the test moves its clock past the evening to count its participants.</summary>
public sealed class PublicMeetingsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Evening(DateOnly day, string capacity) => new()
    {
        ["Input.Kind"] = nameof(MeetingKind.Public), ["Input.Title"] = "Soirée d'échanges : la douleur chronique", ["Input.WorkingGroupId"] = "", ["Input.Capacity"] = capacity,
        ["Input.Date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Start"] = "19:30", ["Input.End"] = "21:30",
        ["Input.Place"] = "Salle des fêtes, Rambouillet", ["Input.Agenda"] = "Médecins, pharmaciens, kinés et patients : comment mieux se coordonner.",
    };

    private static Dictionary<string, string> Registration(string name, string email, string attendee) => new()
    {
        ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Attendee"] = attendee, ["Input.Consent"] = "true",
    };

    private static async Task<Page> RegisterAsync(Browser browser, Guid meeting, Dictionary<string, string> form) =>
        await browser.FillAsync($"/agenda/reunions/{meeting}", form);

    [Fact]
    public async Task Anyone_registers_from_the_agenda_the_last_seats_go_to_the_waiting_list_a_cancellation_promotes_the_first_waiting_and_participants_are_counted()
    {
        portal.Clock.Reset();
        var day = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(1)).Date).AddDays(10);
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var refused = await coordinator.FillAsync("/gestion/reunions/nouvelle", Evening(day, "0"));
        Assert.Contains("Entre 1 et 10 000 places", refused.ErrorFor("Input.Capacity"));
        var (manage, meeting) = await MeetingsTests.CreateMeetingAsync(coordinator, Evening(day, "2"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await portal.NewBrowser().GetAsync($"/agenda/reunions/{meeting}")).Status);
        manage = await coordinator.SubmitAsync(manage, $"/gestion/reunions/{meeting}/convoquer", new Dictionary<string, string>());
        Assert.Contains("La réunion est publiée sur l'agenda", manage.Text);

        var visitor = portal.NewBrowser();
        var agenda = await visitor.GetAsync("/agenda");
        Assert.Contains("Soirée d'échanges : la douleur chronique", agenda.Text);
        Assert.Contains("2 place(s) disponible(s)", agenda.Text);
        var bad = await RegisterAsync(visitor, meeting, new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Email"] = "pas-une-adresse", ["Input.Attendee"] = "Pirate", ["Input.Consent"] = "false",
        });
        Assert.Contains("Indiquez votre nom", bad.ErrorFor("Input.Name"));
        Assert.Contains("n'est pas valide", bad.ErrorFor("Input.Email"));
        Assert.Contains("Choisissez dans la liste", bad.ErrorFor("Input.Attendee"));
        Assert.Contains("Cochez la case", bad.ErrorFor("Input.Consent"));
        Assert.Equal("pas-une-adresse", bad.ValueOf("Input.Email"));

        var alice = await RegisterAsync(portal.NewBrowser(), meeting, Registration("Alice Patiente", "alice@exemple.fr", "Usager"));
        Assert.Contains("Votre place est réservée", alice.Text);
        var mail = await portal.Smtp.SingleMessageToAsync("alice@exemple.fr");
        Assert.Equal("Inscription confirmée : Soirée d'échanges : la douleur chronique", mail.Subject);
        Assert.Contains(mail.Attachments, a => a.ContentType.MimeType == "text/calendar");
        Assert.Contains("Cette adresse est déjà inscrite", (await RegisterAsync(portal.NewBrowser(), meeting, Registration("Alice P.", "ALICE@exemple.fr", "Usager"))).ErrorFor("Input.Email"));
        Assert.Contains("Votre place est réservée", (await RegisterAsync(portal.NewBrowser(), meeting, Registration("Bruno Infirmier", "bruno@exemple.fr", nameof(Profession.Nurse)))).Text);
        var chloe = await RegisterAsync(portal.NewBrowser(), meeting, Registration("Chloé Kiné", "chloe@exemple.fr", nameof(Profession.Physiotherapist)));
        Assert.Contains("liste d'attente (rang 1)", chloe.Text);
        Assert.Equal("Liste d'attente : Soirée d'échanges : la douleur chronique", (await portal.Smtp.SingleMessageToAsync("chloe@exemple.fr")).Subject);
        Assert.Contains("complet (liste d'attente)", (await visitor.GetAsync("/agenda")).Text);

        // Alice cancels from her link: Chloé gets the seat and is told.
        var aliceLink = MailLinks.PathOf(mail, "/agenda/inscriptions/");
        var aliceBrowser = portal.NewBrowser();
        var cancelled = await aliceBrowser.SubmitAsync(await aliceBrowser.GetAsync(aliceLink), aliceLink + "/annuler", new Dictionary<string, string>());
        Assert.Contains("Votre inscription est annulée", cancelled.Text);
        var promoted = await portal.Smtp.MessagesToAsync("chloe@exemple.fr", atLeast: 2);
        Assert.Contains(promoted, m => m.Subject == "Inscription confirmée : Soirée d'échanges : la douleur chronique");
        Assert.Contains("Votre place est réservée", (await portal.NewBrowser().GetAsync(chloe.Url)).Text);

        // The coordination sees who comes, and exports it.
        manage = await coordinator.GetAsync($"/gestion/reunions/{meeting}");
        Assert.Contains("2 inscrit·e(s) sur 2 places, 0 en attente", manage.Text);
        var csv = await coordinator.Http.GetStringAsync($"/gestion/reunions/{meeting}/inscriptions.csv");
        Assert.Contains("Chloé Kiné;chloe@exemple.fr;Masseur-kinésithérapeute;Inscrit·e", csv);
        Assert.Contains("Alice Patiente;alice@exemple.fr;Usager;Annulée", csv);

        // Once the evening is held, its participants count in the fiche indicators of the year, and a seat no longer cancels
        // (Bruno's page was opened before, with its cancel button).
        var brunoLink = MailLinks.PathOf(await portal.Smtp.SingleMessageToAsync("bruno@exemple.fr"), "/agenda/inscriptions/");
        var late = portal.NewBrowser();
        var brunoPage = await late.GetAsync(brunoLink);
        portal.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Contains("l'inscription ne s'annule plus", (await late.SubmitAsync(brunoPage, brunoLink + "/annuler", new Dictionary<string, string>())).Text);
        using (var scope = portal.Services.CreateScope())
        {
            var values = scope.ServiceProvider.GetRequiredService<IndicatorValues>();
            Assert.Equal(2m, await values.ComputeAsync(IndicatorSource.PublicMeetingParticipants, day.Year, CancellationToken.None));
        }
        // A month after the evening, names and addresses go; the count stays.
        using (var scope = portal.Services.CreateScope())
        {
            var retention = scope.ServiceProvider.GetRequiredService<Web.Features.Agenda.PublicRegistrationRetention>();
            Assert.Equal("0 inscription(s) anonymisée(s)", await retention.RunAsync(CancellationToken.None));
            portal.Clock.Advance(TimeSpan.FromDays(31));
            Assert.Equal("3 inscription(s) anonymisée(s)", await retention.RunAsync(CancellationToken.None));
            Assert.Equal("0 inscription(s) anonymisée(s)", await retention.RunAsync(CancellationToken.None));
            Assert.Equal(0, await portal.WithDbAsync(db => db.PublicRegistrations.CountAsync(r => r.MeetingId == meeting && (r.Email.EndsWith("@exemple.fr") || r.Name.Contains("Chloé")))));
            Assert.Equal(2m, await scope.ServiceProvider.GetRequiredService<IndicatorValues>().ComputeAsync(IndicatorSource.PublicMeetingParticipants, day.Year, CancellationToken.None));
        }
        portal.Clock.Reset();
    }

    [Fact]
    public async Task Two_people_registering_at_once_for_the_last_seat_get_one_seat_and_one_place_on_the_waiting_list()
    {
        portal.Clock.Reset();
        var day = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(1)).Date).AddDays(12);
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var (manage, meeting) = await MeetingsTests.CreateMeetingAsync(coordinator, Evening(day, "1"));
        await coordinator.SubmitAsync(manage, $"/gestion/reunions/{meeting}/convoquer", new Dictionary<string, string>());
        var browsers = Enumerable.Range(0, 6).Select(_ => portal.NewBrowser()).ToList();
        var pages = await Task.WhenAll(browsers.Select(b => b.GetAsync($"/agenda/reunions/{meeting}")));
        await Task.WhenAll(browsers.Select((b, i) => b.SubmitAsync(pages[i], $"/agenda/reunions/{meeting}", Registration($"Personne {i}", $"course{i}@exemple.fr", "Usager"))));
        var statuses = await portal.WithDbAsync(db => db.PublicRegistrations.Where(r => r.MeetingId == meeting).Select(r => r.Status).ToListAsync());
        Assert.Equal(6, statuses.Count);
        Assert.Equal(1, statuses.Count(s => s == PublicRegistrationStatus.Confirmed));
    }
}
