using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Letters;

/// <summary>
/// The campaigns' side of the outbox: a campaign whose time has come becomes one outbox row per recipient; a campaign with
/// nothing left to send is closed; a refusal by the mail server is shown on the campaign and mailed to the coordination.
/// </summary>
public sealed class CampaignDispatch(AposartDbContext db, CampaignAudience audience, PortalMailer mailer, TimeProvider clock) : IOutboxCampaigns
{
    /// <summary>Starts the campaigns whose time has come: claims each, expands its audience into rows, in one transaction.</summary>
    public async Task<int> StartDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Campaigns.Where(c => c.Status == CampaignStatus.Scheduled && c.ScheduledAt <= now).Select(c => c.Id).ToListAsync(cancellationToken);
        var started = 0;
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Campaigns.Where(c => c.Id == id && c.Status == CampaignStatus.Scheduled)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, CampaignStatus.Sending), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            var recipients = await audience.ResolveAsync(campaign, cancellationToken);
            await audience.EnsureSubscribersAsync(recipients.Select(r => r.Address), cancellationToken);
            await WriteRowsAsync(id, recipients, now, cancellationToken);
            db.CampaignEvents.Add(new CampaignEvent
            {
                CampaignId = id, At = now, ByName = "Envoi automatique", From = CampaignStatus.Scheduled, To = CampaignStatus.Sending,
                Note = $"{recipients.Count} destinataire(s)",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            started++;
        }
        return started;
    }

    /// <summary>A campaign's rows in one COPY: ten thousand rows take a fraction of a second, not seconds of INSERTs.</summary>
    private async Task WriteRowsAsync(Guid campaignId, List<Recipient> recipients, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY outbox_messages (campaign_id, to_address, to_name, first_name, status, attempts, created_at, next_attempt_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var r in recipients)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(campaignId, NpgsqlTypes.NpgsqlDbType.Uuid, cancellationToken);
            await import.WriteAsync(r.Address, NpgsqlTypes.NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(r.Name.Length > 200 ? r.Name[..200] : r.Name, NpgsqlTypes.NpgsqlDbType.Varchar, cancellationToken);
            if (r.FirstName is null)
            {
                await import.WriteNullAsync(cancellationToken);
            }
            else
            {
                await import.WriteAsync(r.FirstName, NpgsqlTypes.NpgsqlDbType.Varchar, cancellationToken);
            }
            await import.WriteAsync((int)OutboxStatus.Pending, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(0, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz, cancellationToken);
            await import.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz, cancellationToken);
        }
        await import.CompleteAsync(cancellationToken);
    }

    /// <summary>Campaigns with nothing left to send are sent.</summary>
    public async Task<int> FinishAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var done = await db.Campaigns.Where(c => c.Status == CampaignStatus.Sending
                && !db.OutboxMessages.Any(m => m.CampaignId == c.Id && m.Status == OutboxStatus.Pending))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in done)
        {
            if (await db.Campaigns.Where(c => c.Id == id && c.Status == CampaignStatus.Sending)
                    .ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, CampaignStatus.Sent).SetProperty(c => c.SentAt, now), cancellationToken) == 1)
            {
                var sent = await db.OutboxMessages.CountAsync(m => m.CampaignId == id && m.Status == OutboxStatus.Sent, cancellationToken);
                var failed = await db.OutboxMessages.CountAsync(m => m.CampaignId == id && m.Status == OutboxStatus.Failed, cancellationToken);
                db.CampaignEvents.Add(new CampaignEvent { CampaignId = id, At = now, ByName = "Envoi automatique", From = CampaignStatus.Sending, To = CampaignStatus.Sent, Note = $"{sent} envoyé(s), {failed} en échec" });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        return done.Count;
    }

    public async Task ReportRefusalAsync(Campaign campaign, string problem, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var text = problem.Length > 1000 ? problem[..1000] : problem;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The first report of a problem alerts; the next ones only update the server's words.
        var first = await db.Campaigns.Where(c => c.Id == campaign.Id && c.SendingProblem == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.SendingProblem, text).SetProperty(c => c.SendingProblemAt, now), cancellationToken) == 1;
        if (!first)
        {
            await db.Campaigns.Where(c => c.Id == campaign.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.SendingProblem, text), cancellationToken);
        }
        else
        {
            db.CampaignEvents.Add(new CampaignEvent { CampaignId = campaign.Id, At = now, ByName = "Envoi automatique", From = CampaignStatus.Sending,
                To = CampaignStatus.Sending, Note = text.Length > 500 ? text[..500] : text });
            var coordinators = await (from user in db.Users
                                      join userRole in db.UserRoles on user.Id equals userRole.UserId
                                      join role in db.Roles on userRole.RoleId equals role.Id
                                      where role.Name == Roles.Coordinator && user.Email != null && user.EmailConfirmed
                                      select new { user.Email, user.FirstName, user.LastName }).ToListAsync(cancellationToken);
            foreach (var coordinator in coordinators.DistinctBy(c => c.Email))
            {
                // A notice: it goes before the campaign's rows as soon as the server takes mail again.
                mailer.Queue(coordinator.Email!, $"{coordinator.FirstName} {coordinator.LastName}".Trim(), $"Envoi interrompu : {campaign.Subject}",
                    [$"Le serveur de messagerie a refusé l'envoi de « {campaign.Subject} ».", text,
                        "L'envoi est suspendu et reprendra de lui-même une fois la cause corrigée ; aucun destinataire n'a été écarté."],
                    ("Voir l'envoi", LetterLinks.Campaign(campaign.Id)));
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public Task ClearRefusalAsync(Guid campaignId, CancellationToken cancellationToken) =>
        db.Campaigns.Where(c => c.Id == campaignId && c.SendingProblem != null).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.SendingProblem, (string?)null).SetProperty(c => c.SendingProblemAt, (DateTimeOffset?)null), cancellationToken);
}
