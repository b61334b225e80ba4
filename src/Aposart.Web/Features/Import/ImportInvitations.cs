using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Import;

public sealed record InvitationProgress(int Invited, int Sent, int Pending, int Failed, int Claimed)
{
    public bool Done => Pending == 0;
}

/// <summary>
/// The invitations to claim the records an import created: one per record with an address and no account, sent once per
/// import (a conditional update claims the sending, so a double click sends nothing twice), through the outbox.
/// </summary>
public sealed class ImportInvitations(AposartDbContext db, Invitations invitations, TimeProvider clock)
{
    public IQueryable<Professional> Eligible(int importId) =>
        db.Professionals.Where(p => p.AwaitingConsent && p.UserId == null && p.Email != null && p.AnonymisedAt == null
            && db.SpreadsheetImportLines.Any(l => l.ImportId == importId && l.ProfessionalId == p.Id));

    /// <summary>The number of invitations queued; null when this import's invitations had already been sent.</summary>
    public async Task<int?> SendAsync(int importId, AppUser by, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (await db.SpreadsheetImports.Where(i => i.Id == importId && i.Status == SpreadsheetImportStatus.Committed && i.InvitationsSentAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.InvitationsSentAt, now), cancellationToken) == 0)
        {
            return null;
        }
        var queued = new List<(Invitation Invitation, OutboxMessage Mail)>();
        foreach (var professional in await Eligible(importId).OrderBy(p => p.LastName).ToListAsync(cancellationToken))
        {
            if (await invitations.PrepareClaimAsync(professional, importId, by, cancellationToken) is { } prepared)
            {
                queued.Add(prepared);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        // The outbox rows have their ids now: each invitation names its mail, for the progress below.
        foreach (var (invitation, mail) in queued)
        {
            invitation.OutboxMessageId = mail.Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return queued.Count;
    }

    public async Task<InvitationProgress> ProgressAsync(int importId, CancellationToken cancellationToken)
    {
        var rows = await db.Invitations.Where(i => i.SpreadsheetImportId == importId)
            .Select(i => new { Claimed = i.AcceptedAt != null, Status = db.OutboxMessages.Where(o => o.Id == i.OutboxMessageId).Select(o => (OutboxStatus?)o.Status).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return new InvitationProgress(rows.Count, rows.Count(r => r.Status == OutboxStatus.Sent), rows.Count(r => r.Status is null or OutboxStatus.Pending),
            rows.Count(r => r.Status is OutboxStatus.Failed or OutboxStatus.Cancelled), rows.Count(r => r.Claimed));
    }
}
