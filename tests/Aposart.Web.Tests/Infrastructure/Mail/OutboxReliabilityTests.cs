using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Tests.Features.Letters;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Tests.Infrastructure.Mail;

/// <summary>The outbox's "exactly once" under rate limits, short leases, errors and shutdown, on PostgreSQL and the SMTP sink.</summary>
public sealed class OutboxReliabilityTests(QuietOutboxPortal portal) : IClassFixture<QuietOutboxPortal>
{
    [Fact]
    public async Task A_rate_limited_campaign_whose_batches_outlast_the_lease_reaches_each_recipient_exactly_once_with_two_workers()
    {
        var addresses = await LetterSteps.ProfessionalsAsync(portal, Profession.Orthoptist, 80, "quota");
        var id = await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.Orthoptist);
        // 20 messages a second with a one-second lease, batches of 10 and the next batch claimed ahead: the rows wait in the
        // rate limiter longer than their lease, as they do behind a provider's hourly quota.
        var settings = Options.Create(new OutboxOptions { BatchSize = 10, Lease = TimeSpan.FromSeconds(1), MaxPerSecond = 20, Workers = 2 });
        var limiter = new OutboxRateLimiter(settings, portal.Clock);
        await LetterSteps.StartDueCampaignsAsync(portal);

        var counts = await Task.WhenAll(Task.Run(() => DrainWithAsync("quota-1")), Task.Run(() => DrainWithAsync("quota-2")));

        foreach (var address in addresses)
        {
            Assert.Equal(1, await LetterSteps.MessagesAsync(portal, address));
        }
        var rows = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.CampaignId == id).ToListAsync());
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));

        // Each worker polls as OutboxWorker does, until the campaign has nothing pending: a worker that found nothing to
        // claim comes back, and takes any row whose lease ran out while it waited in the rate limiter.
        async Task<int> DrainWithAsync(string worker)
        {
            using var scope = portal.Services.CreateScope();
            using var spare = portal.Services.CreateScope();
            var outbox = ActivatorUtilities.CreateInstance<Outbox>(scope.ServiceProvider, settings, limiter);
            var next = ActivatorUtilities.CreateInstance<Outbox>(spare.ServiceProvider, settings, limiter);
            await using var connection = await scope.ServiceProvider.GetRequiredService<MailConnections>().OpenAsync(CancellationToken.None);
            var handled = 0;
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (DateTime.UtcNow < deadline
                && await portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.CampaignId == id && m.Status == OutboxStatus.Pending)))
            {
                handled += await Outbox.DrainAsync(outbox, next, worker, connection, CancellationToken.None);
                await Task.Delay(100);
            }
            return handled;
        }
    }

    [Fact]
    public async Task A_shutdown_in_the_middle_of_a_batch_keeps_what_was_sent_and_puts_the_rest_back_without_spending_attempts()
    {
        var addresses = await LetterSteps.ProfessionalsAsync(portal, Profession.Psychologist, 8, "arret");
        var id = await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.Psychologist);
        await LetterSteps.StartDueCampaignsAsync(portal);
        using var stopping = new CancellationTokenSource();
        using (var scope = portal.Services.CreateScope())
        using (var spare = portal.Services.CreateScope())
        {
            await using var real = await scope.ServiceProvider.GetRequiredService<MailConnections>().OpenAsync(CancellationToken.None);
            var connection = new StopAfter(real, 3, stopping);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Outbox.DrainAsync(scope.ServiceProvider.GetRequiredService<Outbox>(),
                spare.ServiceProvider.GetRequiredService<Outbox>(), "stopping", connection, stopping.Token));
        }
        var rows = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.CampaignId == id).ToListAsync());
        Assert.Equal(3, rows.Count(r => r.Status == OutboxStatus.Sent));
        Assert.All(rows.Where(r => r.Status != OutboxStatus.Sent), r => Assert.Equal((OutboxStatus.Pending, 0, (DateTimeOffset?)null), (r.Status, r.Attempts, r.LeaseUntil)));

        await LetterSteps.DrainAsync(portal);
        foreach (var address in addresses)
        {
            Assert.Equal(1, await LetterSteps.MessagesAsync(portal, address));
        }
        Assert.Equal(CampaignStatus.Sent, await LetterSteps.StatusAsync(portal, id));
    }

    [Fact]
    public async Task A_notice_written_after_a_campaign_started_is_claimed_before_the_campaign_rows()
    {
        await LetterSteps.ProfessionalsAsync(portal, Profession.Pharmacist, 30, "file");
        var id = await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.Pharmacist);
        await LetterSteps.StartDueCampaignsAsync(portal);
        var address = PortalFactory.NewEmail("urgent");
        using var scope = portal.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PortalMailer>().SendAsync(address, "Jeanne Urgent", "Choisir un nouveau mot de passe", ["Lien."], null, CancellationToken.None);
        var notice = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == address).Select(m => m.Id).SingleAsync());

        var outbox = ActivatorUtilities.CreateInstance<Outbox>(scope.ServiceProvider, Options.Create(new OutboxOptions { BatchSize = 5 }));
        var batch = await outbox.PrepareBatchAsync("priority", CancellationToken.None);

        Assert.NotNull(batch);
        Assert.Contains(notice, batch.Rows.Select(r => r.Id));
        Assert.Equal(batch.Rows.OrderBy(r => r.CampaignId is not null).Select(r => r.Id), batch.Rows.Select(r => r.Id));
        Assert.True(await portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.CampaignId == id && m.LeaseUntil == null)), "campaign rows wait for the next batch");
        // Put back, so that the rest of the class finds the rows free.
        await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.LeasedBy == batch.Claim).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null).SetProperty(m => m.Attempts, 0)));
    }

    [Fact]
    public async Task A_row_refused_each_time_is_retried_after_thirty_seconds_then_given_up_after_its_attempts()
    {
        var address = await ProfessionalAtAsync("tempfail", Profession.Optician);
        var id = await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.Optician);
        var twoTries = Options.Create(new OutboxOptions { MaxAttempts = 2 });
        await LetterSteps.StartDueCampaignsAsync(portal);
        try
        {
            await DrainOnceAsync(twoTries);
            var row = await portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.CampaignId == id && m.ToAddress == address));
            Assert.Equal((OutboxStatus.Pending, 1), (row.Status, row.Attempts));
            var wait = row.NextAttemptAt - portal.Clock.GetUtcNow();
            Assert.InRange(wait.TotalSeconds, 25, 40);

            portal.Clock.Advance(TimeSpan.FromMinutes(1));
            await DrainOnceAsync(twoTries);
            row = await portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.CampaignId == id && m.ToAddress == address));
            Assert.Equal((OutboxStatus.Failed, 2), (row.Status, row.Attempts));
            Assert.Contains("temporarily", row.LastError);
        }
        finally
        {
            portal.Clock.Reset();
        }
    }

    [Fact]
    public async Task A_row_whose_worker_died_after_its_last_attempt_is_given_up_instead_of_claimed_forever()
    {
        var addresses = await LetterSteps.ProfessionalsAsync(portal, Profession.HearingAidSpecialist, 2, "poison");
        var id = await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.HearingAidSpecialist);
        await LetterSteps.StartDueCampaignsAsync(portal);
        // Each try of this row killed its worker: eight claims, eight attempts, never a send.
        await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.CampaignId == id && m.ToAddress == addresses[0])
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Attempts, 8)));

        await LetterSteps.DrainAsync(portal);

        var rows = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.CampaignId == id).ToDictionaryAsync(m => m.ToAddress));
        Assert.Equal(OutboxStatus.Failed, rows[addresses[0]].Status);
        Assert.StartsWith("Abandonné après 8 tentatives", rows[addresses[0]].LastError);
        Assert.Equal(0, await LetterSteps.MessagesAsync(portal, addresses[0]));
        Assert.Equal(OutboxStatus.Sent, rows[addresses[1]].Status);
        Assert.Equal(CampaignStatus.Sent, await LetterSteps.StatusAsync(portal, id));
    }

    [Fact]
    public async Task A_notice_that_cannot_be_rendered_is_retried_alone_and_the_rest_of_the_batch_goes_out()
    {
        var broken = PortalFactory.NewEmail("casse");
        var fine = PortalFactory.NewEmail("sain");
        using (var scope = portal.Services.CreateScope())
        {
            var mailer = scope.ServiceProvider.GetRequiredService<PortalMailer>();
            await mailer.SendAsync(broken, "Jeanne Casse", "Avis", ["Texte."], null, CancellationToken.None);
            await mailer.SendAsync(fine, "Jean Sain", "Avis", ["Texte."], null, CancellationToken.None);
        }
        await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == broken).ExecuteUpdateAsync(set => set.SetProperty(m => m.Mime, (byte[]?)null)));

        await LetterSteps.DrainAsync(portal);

        var rows = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == broken || m.ToAddress == fine).ToDictionaryAsync(m => m.ToAddress));
        Assert.Equal(OutboxStatus.Sent, rows[fine].Status);
        Assert.Equal(1, await LetterSteps.MessagesAsync(portal, fine));
        Assert.Equal((OutboxStatus.Pending, 1), (rows[broken].Status, rows[broken].Attempts));
        Assert.StartsWith("Message impossible à préparer", rows[broken].LastError);
    }

    [Fact]
    public async Task Content_refused_at_data_pauses_the_campaign_shows_the_answer_in_french_alerts_the_coordination_and_bars_no_recipient()
    {
        var coordinator = await portal.CreateUserAsync(PortalFactory.NewEmail("coord"), Roles.Professional, Roles.Coordinator);
        var addresses = await LetterSteps.ProfessionalsAsync(portal, Profession.Dentist, 3, "contenu");
        var id = await CampaignAsync("Essai de contenu refusé", "[sink:554] Un texte que le serveur refuse.", Profession.Dentist);
        await LetterSteps.StartDueCampaignsAsync(portal);
        try
        {
            await ContentRefusedAsync(id, coordinator, addresses);
        }
        finally
        {
            // Its first row would be due again in thirty seconds and pause the other tests' drains.
            await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.CampaignId == id).ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Cancelled)));
        }
    }

    private async Task ContentRefusedAsync(Guid id, AppUser coordinator, List<string> addresses)
    {
        await Assert.ThrowsAsync<MailRefusedException>(() => LetterSteps.DrainAsync(portal));

        var campaign = await portal.WithDbAsync(db => db.Campaigns.SingleAsync(c => c.Id == id));
        Assert.StartsWith("Le serveur de messagerie refuse le contenu du message", campaign.SendingProblem);
        Assert.Contains("554", campaign.SendingProblem);
        var rows = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.CampaignId == id).OrderBy(m => m.Id).ToListAsync());
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Pending, r.Status));
        Assert.Equal([1, 0, 0], rows.Select(r => r.Attempts));
        Assert.False(await portal.WithDbAsync(db => db.MailSubscribers.AnyAsync(s => addresses.Contains(s.Address) && s.BouncedAt != null)));
        var alert = await portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == coordinator.Email && m.CampaignId == null));
        Assert.Equal("Envoi interrompu : Essai de contenu refusé", alert.Subject);

        var browser = portal.NewBrowser();
        await browser.LogInAsync(coordinator.Email!, PortalFactory.Password);
        Assert.Contains("Le serveur de messagerie refuse le contenu du message", (await browser.GetAsync($"/gestion/lettres/{id}")).Text);
    }

    [Fact]
    public async Task A_policy_refusal_at_rcpt_to_pauses_the_outbox_and_does_not_bar_the_address()
    {
        var address = await ProfessionalAtAsync("relay-denied", Profession.PsychomotorTherapist);
        var id = await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.PsychomotorTherapist);

        await Assert.ThrowsAsync<MailRefusedException>(() => LetterSteps.DrainAsync(portal));

        var row = await portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.CampaignId == id));
        Assert.Equal((OutboxStatus.Pending, 0), (row.Status, row.Attempts));
        Assert.False(await portal.WithDbAsync(db => db.MailSubscribers.AnyAsync(s => s.Address == address && s.BouncedAt != null)));
        Assert.Contains("5.7.1", await portal.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.SendingProblem).SingleAsync()));
    }

    /// <summary>A directory record whose address starts with a word the SMTP sink answers in its own way (see scripts/smtp-sink.py).</summary>
    private async Task<string> ProfessionalAtAsync(string prefix, Profession profession)
    {
        var address = $"{prefix}-{Guid.NewGuid():N}@exemple.fr";
        await portal.WithDbAsync(db =>
        {
            db.Professionals.Add(new Professional { FirstName = "Prénom", LastName = prefix, Profession = profession, Email = address });
            return db.SaveChangesAsync();
        });
        return address;
    }

    [Fact]
    public async Task A_sent_notice_keeps_its_message_thirty_days_then_only_its_journal_line_remains()
    {
        var address = PortalFactory.NewEmail("purge");
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortalMailer>().SendAsync(address, "Jeanne Purge", "Choisir un nouveau mot de passe",
                ["Le lien secret."], ("Choisir", "/compte/reinitialisation?code=secret"), CancellationToken.None);
        }
        await LetterSteps.DrainAsync(portal);
        await HousekeepAsync();
        var kept = await portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == address));
        Assert.Equal(OutboxStatus.Sent, kept.Status);
        Assert.NotNull(kept.Mime);

        portal.Clock.Advance(TimeSpan.FromDays(31));
        try
        {
            await HousekeepAsync();
        }
        finally
        {
            portal.Clock.Reset();
        }
        var purged = await portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == address));
        Assert.Null(purged.Mime);
        Assert.Equal(("Choisir un nouveau mot de passe", OutboxStatus.Sent), (purged.Subject, purged.Status));
        Assert.NotNull(purged.SentAt);

        async Task HousekeepAsync()
        {
            using var scope = portal.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<OutboxHousekeeping>().RunAsync(CancellationToken.None);
        }
    }

    private Task<Guid> CampaignAsync(string subject, string body, Profession profession) =>
        portal.WithDbAsync(async db =>
        {
            var campaign = new Campaign
            {
                Kind = CampaignKind.Flashmail, Subject = subject, Body = body, Audience = AudienceKind.Professions, AudienceProfessions = [profession],
                Status = CampaignStatus.Scheduled, ScheduledAt = portal.Clock.GetUtcNow().AddMinutes(-1), AuthorName = "Tests",
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });

    private async Task DrainOnceAsync(IOptions<OutboxOptions> settings)
    {
        using var scope = portal.Services.CreateScope();
        var outbox = ActivatorUtilities.CreateInstance<Outbox>(scope.ServiceProvider, settings);
        await using var connection = await scope.ServiceProvider.GetRequiredService<MailConnections>().OpenAsync(CancellationToken.None);
        while (await outbox.ProcessBatchAsync("retries", connection, CancellationToken.None) > 0)
        {
        }
        await outbox.FinishCampaignsAsync(CancellationToken.None);
    }

    /// <summary>A real connection that asks the host to stop once it has sent a given number of messages.</summary>
    private sealed class StopAfter(IMailConnection inner, int count, CancellationTokenSource stopping) : IMailConnection
    {
        private int sent;

        public async Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, cancellationToken);
            if (++sent == count)
            {
                await stopping.CancelAsync();
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>The portal's sender address is one the SMTP server refuses (MAIL FROM answered 553).</summary>
public sealed class RefusedSenderPortal : PortalFactory
{
    public RefusedSenderPortal() => With("Outbox:Enabled", "false").With("Mail:FromAddress", "refuse-sender@exemple.fr");
}

public sealed class RefusedSenderTests(RefusedSenderPortal portal) : IClassFixture<RefusedSenderPortal>
{
    [Fact]
    public async Task A_sender_refused_at_mail_from_pauses_the_outbox_without_spending_attempts_or_barring_anyone()
    {
        var addresses = await LetterSteps.ProfessionalsAsync(portal, Profession.Nurse, 3, "expediteur");
        var id = await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.Nurse);

        var refusal = await Assert.ThrowsAsync<MailRefusedException>(() => LetterSteps.DrainAsync(portal));

        Assert.StartsWith("Le serveur de messagerie refuse l'adresse d'expédition refuse-sender@exemple.fr", refusal.Message);
        var rows = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.CampaignId == id).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Pending, 0, (DateTimeOffset?)null), (r.Status, r.Attempts, r.LeaseUntil)));
        Assert.All(rows, r => Assert.True(r.NextAttemptAt > portal.Clock.GetUtcNow().AddMinutes(10), "the rows wait the refusal pause"));
        Assert.False(await portal.WithDbAsync(db => db.MailSubscribers.AnyAsync(s => addresses.Contains(s.Address) && s.BouncedAt != null)));
        Assert.Equal(refusal.Message, await portal.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.SendingProblem).SingleAsync()));
        foreach (var address in addresses)
        {
            Assert.Equal(0, await LetterSteps.MessagesAsync(portal, address));
        }
    }
}
