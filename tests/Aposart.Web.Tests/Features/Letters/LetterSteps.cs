using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Letters;

public static class LetterSteps
{
    /// <summary>Directory records with a contact address each (no account), returning the addresses.</summary>
    public static Task<List<string>> ProfessionalsAsync(PortalFactory portal, Profession profession, int count, string hint = "ps") =>
        portal.WithDbAsync(async db =>
        {
            var people = Enumerable.Range(0, count).Select(i => new Professional
            {
                FirstName = $"Prénom{i}", LastName = $"{hint}{i}", Profession = profession, Email = PortalFactory.NewEmail(hint),
            }).ToList();
            db.Professionals.AddRange(people);
            await db.SaveChangesAsync();
            return people.Select(p => p.Email!).ToList();
        });

    /// <summary>A campaign already approved and due now, straight in the database, for the mailer tests.</summary>
    public static Task<Guid> DueCampaignAsync(PortalFactory portal, AudienceKind audience, params Profession[] professions) =>
        portal.WithDbAsync(async db =>
        {
            var campaign = new Campaign
            {
                Kind = CampaignKind.Flashmail, Subject = "Essai de l'envoi", Body = "Un **texte** de flashmail.", Audience = audience,
                AudienceProfessions = [.. professions], Status = CampaignStatus.Scheduled, ScheduledAt = portal.Clock.GetUtcNow().AddMinutes(-1), AuthorName = "Tests",
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });

    /// <summary>Expands the campaigns that are due into outbox rows, as a worker does before sending.</summary>
    public static async Task StartDueCampaignsAsync(PortalFactory portal)
    {
        using var scope = portal.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Outbox>().StartDueCampaignsAsync(CancellationToken.None);
    }

    /// <summary>One worker's turn: start due campaigns, send batches until none is due, close finished campaigns.</summary>
    public static async Task<int> DrainAsync(PortalFactory portal, string worker = "test-worker")
    {
        using var scope = portal.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        await outbox.StartDueCampaignsAsync(CancellationToken.None);
        await using var connection = await scope.ServiceProvider.GetRequiredService<MailConnections>().OpenAsync(CancellationToken.None);
        var total = 0;
        int handled;
        while ((handled = await outbox.ProcessBatchAsync(worker, connection, CancellationToken.None)) > 0)
        {
            total += handled;
        }
        await outbox.FinishCampaignsAsync(CancellationToken.None);
        return total;
    }

    public static Task<int> MessagesAsync(PortalFactory portal, string address) =>
        portal.Smtp.MessagesToAsync(address, 1, TimeSpan.FromMilliseconds(1)).ContinueWith(t => t.Result.Count, TaskScheduler.Default);

    public static Task<CampaignStatus> StatusAsync(PortalFactory portal, Guid id) =>
        portal.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
}
