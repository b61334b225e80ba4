using System.Net;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Letters;

/// <summary>The mailer against the real SMTP sink and PostgreSQL. This class's database holds only the people written here.</summary>
public sealed class OutboxTests(QuietOutboxPortal portal) : IClassFixture<QuietOutboxPortal>
{
    [Fact]
    public async Task A_flashmail_to_all_nurses_reaches_exactly_the_nurses_once_personalised_with_one_click_unsubscribe()
    {
        var nurses = await LetterSteps.ProfessionalsAsync(portal, Profession.Nurse, 3, "idel");
        var pharmacists = await LetterSteps.ProfessionalsAsync(portal, Profession.Pharmacist, 2, "pharma");
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var created = await coordinator.SubmitAsync(await coordinator.GetAsync("/gestion/lettres/nouvelle?kind=Flashmail"), "/gestion/lettres/nouvelle", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(CampaignKind.Flashmail), ["Input.Subject"] = "Pénurie d'amoxicilline",
            ["Input.Body"] = "Les pharmacies du territoire signalent une **pénurie**.\n\n<script>alert(1)</script>",
            ["Input.Audience"] = nameof(AudienceKind.Professions), ["Input.Professions"] = nameof(Profession.Nurse),
        });
        Assert.Equal("Flashmail enregistrée en brouillon.", created.Document.QuerySelector(".alert-success[role=status]")?.TextContent.Trim());
        var id = await portal.WithDbAsync(db => db.Campaigns.Where(c => c.Subject == "Pénurie d'amoxicilline").Select(c => c.Id).SingleAsync());
        var page = await coordinator.GetAsync($"/gestion/lettres/{id}");
        Assert.Contains("3 adresse(s)", page.Text);
        var sent = await coordinator.SubmitAsync(page, $"/gestion/lettres/{id}/planifier", new Dictionary<string, string> { ["now"] = "true" });
        Assert.Contains("planifiée", sent.Text);

        Assert.Equal(3, await LetterSteps.DrainAsync(portal));
        Assert.Equal(CampaignStatus.Sent, await LetterSteps.StatusAsync(portal, id));
        foreach (var nurse in nurses)
        {
            var message = Assert.Single(await portal.Smtp.MessagesToAsync(nurse));
            Assert.Equal("Pénurie d'amoxicilline", message.Subject);
            Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
            Assert.StartsWith("<http://localhost/desabonnement/", message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
            Assert.EndsWith($".{id:N}@demo.aposart.fr", message.MessageId, StringComparison.Ordinal);
            Assert.Contains("Bonjour Prénom", message.TextBody);
            Assert.Contains("<strong>pénurie</strong>", message.HtmlBody);
            Assert.DoesNotContain("<script", message.HtmlBody);
        }
        foreach (var pharmacist in pharmacists)
        {
            Assert.Equal(0, await LetterSteps.MessagesAsync(portal, pharmacist));
        }

        // One click from the mail client: a POST with no cookie and no form token.
        var link = (await portal.Smtp.MessagesToAsync(nurses[0]))[0].Headers["List-Unsubscribe"]!.Trim('<', '>');
        using var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.PostAsync(new Uri(link).PathAndQuery, new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await portal.WithDbAsync(db => db.MailSubscribers.Where(s => s.Address == nurses[0]).Select(s => s.UnsubscribedAt).SingleAsync()));
        var again = await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.Nurse);
        Assert.Equal(2, await LetterSteps.DrainAsync(portal));
        Assert.Equal(1, await LetterSteps.MessagesAsync(portal, nurses[0]));
        Assert.Equal(CampaignStatus.Sent, await LetterSteps.StatusAsync(portal, again));
    }

    [Fact]
    public async Task After_a_crash_between_claim_and_send_every_recipient_gets_the_message_exactly_once()
    {
        var addresses = await LetterSteps.ProfessionalsAsync(portal, Profession.Physiotherapist, 30, "crash");
        var id = await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.Physiotherapist);
        using (var scope = portal.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            await outbox.StartDueCampaignsAsync(CancellationToken.None);
            // A worker claims ten rows and dies before sending any.
            Assert.Equal(10, (await outbox.ClaimAsync("dead-worker", 10, CancellationToken.None)).Ids.Count);
        }
        Assert.Equal(20, await LetterSteps.DrainAsync(portal, "survivor"));
        Assert.Equal(CampaignStatus.Sending, await LetterSteps.StatusAsync(portal, id));

        portal.Clock.Advance(TimeSpan.FromMinutes(3));
        try
        {
            Assert.Equal(10, await LetterSteps.DrainAsync(portal, "survivor"));
        }
        finally
        {
            portal.Clock.Reset();
        }
        foreach (var address in addresses)
        {
            Assert.Equal(1, await LetterSteps.MessagesAsync(portal, address));
        }
        Assert.Equal(CampaignStatus.Sent, await LetterSteps.StatusAsync(portal, id));
    }

    [Fact]
    public async Task Two_workers_on_one_outbox_never_send_the_same_row_twice()
    {
        var addresses = await LetterSteps.ProfessionalsAsync(portal, Profession.Midwife, 120, "pair");
        await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.Midwife);
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Outbox>().StartDueCampaignsAsync(CancellationToken.None);
        }
        var counts = await Task.WhenAll(Task.Run(() => LetterSteps.DrainAsync(portal, "worker-1")), Task.Run(() => LetterSteps.DrainAsync(portal, "worker-2")));

        Assert.Equal(120, counts.Sum());
        foreach (var address in addresses)
        {
            Assert.Equal(1, await LetterSteps.MessagesAsync(portal, address));
        }
    }

    [Fact]
    public async Task A_4xx_answer_is_retried_later_and_a_5xx_marks_the_address_failed_and_suppressed()
    {
        var (tempfail, reject) = await portal.WithDbAsync(async db =>
        {
            var t = new Professional { FirstName = "Temp", LastName = "Oraire", Profession = Profession.SpeechTherapist, Email = $"tempfail-{Guid.NewGuid():N}@exemple.fr" };
            var r = new Professional { FirstName = "Re", LastName = "Jet", Profession = Profession.SpeechTherapist, Email = $"reject-{Guid.NewGuid():N}@exemple.fr" };
            db.Professionals.AddRange(t, r);
            await db.SaveChangesAsync();
            return (t.Email!, r.Email!);
        });
        var fine = (await LetterSteps.ProfessionalsAsync(portal, Profession.SpeechTherapist, 1, "ortho"))[0];
        var id = await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.SpeechTherapist);

        await LetterSteps.DrainAsync(portal);
        var rows = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.CampaignId == id).ToDictionaryAsync(m => m.ToAddress));
        Assert.Equal(OutboxStatus.Sent, rows[fine].Status);
        Assert.Equal((OutboxStatus.Pending, 1), (rows[tempfail].Status, rows[tempfail].Attempts));
        Assert.True(rows[tempfail].NextAttemptAt > portal.Clock.GetUtcNow().AddSeconds(20));
        Assert.Contains("temporarily", rows[tempfail].LastError);
        Assert.Equal(OutboxStatus.Failed, rows[reject].Status);
        Assert.NotNull(await portal.WithDbAsync(db => db.MailSubscribers.Where(s => s.Address == reject).Select(s => s.BouncedAt).SingleAsync()));
        Assert.Equal(CampaignStatus.Sending, await LetterSteps.StatusAsync(portal, id));

        var next = await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.SpeechTherapist);
        await LetterSteps.DrainAsync(portal);
        Assert.False(await portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.CampaignId == next && m.ToAddress == reject)));
        // The 4xx row falls due again thirty seconds later: it would be counted by the other tests' drains of this class.
        await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == tempfail).ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Cancelled)));
    }

    [Fact]
    public async Task An_unreachable_smtp_server_pauses_the_batch_and_the_one_prepared_after_it_without_losing_or_spending_attempts()
    {
        var addresses = await LetterSteps.ProfessionalsAsync(portal, Profession.Podiatrist, 3, "panne");
        var id = await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.Podiatrist);
        using (var scope = portal.Services.CreateScope())
        using (var spare = portal.Services.CreateScope())
        {
            // Batches of two: the second batch is claimed and rendered while the first meets the dead server.
            var small = Microsoft.Extensions.Options.Options.Create(new OutboxOptions { BatchSize = 2 });
            var outbox = ActivatorUtilities.CreateInstance<Outbox>(scope.ServiceProvider, small);
            await outbox.StartDueCampaignsAsync(CancellationToken.None);
            await Assert.ThrowsAsync<MailOutageException>(() => Outbox.DrainAsync(outbox, ActivatorUtilities.CreateInstance<Outbox>(spare.ServiceProvider, small),
                "cut", new BrokenConnection(), CancellationToken.None));
        }
        var rows = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.CampaignId == id).ToListAsync());
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Pending, 0, (DateTimeOffset?)null), (r.Status, r.Attempts, r.LeaseUntil)));

        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        try
        {
            // Other tests of this class may have retries falling due in that minute: count this campaign's rows, not the drain.
            await LetterSteps.DrainAsync(portal);
            Assert.Equal(3, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.CampaignId == id && m.Status == OutboxStatus.Sent)));
        }
        finally
        {
            portal.Clock.Reset();
        }
        foreach (var address in addresses)
        {
            Assert.Equal(1, await LetterSteps.MessagesAsync(portal, address));
        }
    }

    [Fact]
    public async Task The_portal_notices_go_through_the_same_outbox_and_keep_their_message_id()
    {
        var address = PortalFactory.NewEmail("avis");
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortalMailer>()
                .SendAsync(address, "Jeanne Avis", "Votre adhésion est validée", ["Bienvenue."], ("Mon adhésion", "/espace/adhesion"), CancellationToken.None);
        }
        var row = await portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == address));
        Assert.Equal((OutboxStatus.Pending, (Guid?)null), (row.Status, row.CampaignId));
        Assert.Equal(0, await LetterSteps.MessagesAsync(portal, address));

        Assert.Equal(1, await LetterSteps.DrainAsync(portal));
        var message = Assert.Single(await portal.Smtp.MessagesToAsync(address));
        Assert.Equal("Votre adhésion est validée", message.Subject);
        var stored = await MimeKit.MimeMessage.LoadAsync(new MemoryStream(row.Mime!));
        Assert.Equal(stored.MessageId, message.MessageId);
    }

    [Fact]
    public async Task A_training_announcement_reaches_its_profession_except_who_turned_training_announcements_off()
    {
        var dietitians = await LetterSteps.ProfessionalsAsync(portal, Profession.Dietitian, 3, "dieteticien");
        var opticians = await LetterSteps.ProfessionalsAsync(portal, Profession.Optician, 1, "opticien");
        await portal.WithDbAsync(db =>
        {
            db.MailSubscribers.Add(new MailSubscriber { Address = dietitians[0], Token = Guid.NewGuid().ToString("N"), TrainingAnnouncements = false });
            return db.SaveChangesAsync();
        });
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var fields = Trainings.TrainingSteps.Training(portal, "Dénutrition de la personne âgée", capacity: 12);
        fields["Input.Audience"] = nameof(TrainingAudience.AllProfessionals);
        fields["Input.TargetProfessions"] = nameof(Profession.Dietitian);
        var trainingId = await Trainings.TrainingSteps.CreateAsync(portal, coordinator, fields);

        var manage = await coordinator.GetAsync($"/gestion/formations/{trainingId}");
        var draft = await coordinator.SubmitAsync(manage, $"/gestion/lettres/annonce-formation/{trainingId}", new Dictionary<string, string>());
        Assert.True(draft.Text.Contains("Annonce préparée en brouillon", StringComparison.Ordinal), draft.Text[..Math.Min(3000, draft.Text.Length)]);
        Assert.Contains("Annonce de formation", draft.Text);
        Assert.Contains("2 adresse(s)", draft.Text);
        var id = await portal.WithDbAsync(db => db.Campaigns.Where(c => c.Subject == "Formation : Dénutrition de la personne âgée").Select(c => c.Id).SingleAsync());
        var sent = await coordinator.SubmitAsync(draft, $"/gestion/lettres/{id}/planifier", new Dictionary<string, string> { ["now"] = "true" });
        Assert.Contains("planifiée", sent.Text);

        Assert.Equal(2, await LetterSteps.DrainAsync(portal));
        foreach (var address in dietitians.Skip(1))
        {
            var message = Assert.Single(await portal.Smtp.MessagesToAsync(address));
            Assert.Equal("Formation : Dénutrition de la personne âgée", message.Subject);
            Assert.Contains($"/formations/{trainingId}", message.TextBody);
            Assert.Contains("Salle du conseil", message.TextBody);
        }
        Assert.Equal(0, await LetterSteps.MessagesAsync(portal, dietitians[0]));
        Assert.Equal(0, await LetterSteps.MessagesAsync(portal, opticians[0]));

        // The same person still gets flashmails: the preference is per kind.
        await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.Dietitian);
        Assert.Equal(3, await LetterSteps.DrainAsync(portal));
        Assert.Equal(1, await LetterSteps.MessagesAsync(portal, dietitians[0]));
    }

    private sealed class BrokenConnection : IMailConnection
    {
        public Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken) => throw new IOException("Connection reset by peer");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
