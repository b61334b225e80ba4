using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Association;
using Aposart.Web.Infrastructure.Settings;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Meetings;

/// <summary>
/// An election of the bureau: its candidates (convened adherents, declared until the vote opens) and, once counted, those
/// elected seated on the bureau when a bureau member confirms — for the term the statutes set.
/// </summary>
public sealed class MeetingElections(AposartDbContext db, PortalSettings settings, IBoardComposition board, TimeProvider clock)
{
    public async Task<string?> AddCandidateAsync(Guid meetingId, Guid resolutionId, Guid inviteeId, CancellationToken cancellationToken)
    {
        var resolution = await db.Resolutions.AsNoTracking().Include(r => r.Meeting)
            .SingleOrDefaultAsync(r => r.Id == resolutionId && r.MeetingId == meetingId && r.Kind == ResolutionKind.Election, cancellationToken);
        if (resolution is not { VoteStatus: VoteStatus.NotOpened, Meeting.Status: MeetingStatus.Convened })
        {
            return "Les candidatures se déclarent une fois la réunion convoquée, avant l'ouverture du vote.";
        }
        var invitee = await db.MeetingInvitees.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inviteeId && i.MeetingId == meetingId, cancellationToken);
        if (invitee is null)
        {
            return "Choisissez un candidat parmi les adhérents convoqués.";
        }
        db.Candidates.Add(new Candidate { Id = Guid.CreateVersion7(), ResolutionId = resolutionId, InviteeId = invitee.Id, Name = invitee.Name });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return $"{invitee.Name} est déjà candidat·e à cette élection.";
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return null;
    }

    public async Task<string?> RemoveCandidateAsync(Guid meetingId, Guid resolutionId, Guid candidateId, CancellationToken cancellationToken) =>
        await db.Candidates.Where(c => c.Id == candidateId && c.ResolutionId == resolutionId
                && db.Resolutions.Any(r => r.Id == resolutionId && r.MeetingId == meetingId && r.VoteStatus == VoteStatus.NotOpened))
            .ExecuteDeleteAsync(cancellationToken) == 1
            ? null
            : "Cette candidature ne peut plus être retirée : le vote est ouvert ou clos.";

    /// <summary>
    /// Seats those elected on the bureau, from the meeting's day for the statutes' term, once: the resolution is marked
    /// applied by a conditional update in the same transaction as the mandates, and a refusal undoes both.
    /// </summary>
    public async Task<string?> ApplyAsync(Guid meetingId, Guid resolutionId, AppUser by, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resolution = await db.Resolutions.AsNoTracking().Include(r => r.Meeting).Include(r => r.Candidates).ThenInclude(c => c.Invitee)
            .SingleOrDefaultAsync(r => r.Id == resolutionId && r.MeetingId == meetingId, cancellationToken);
        if (resolution is not { Kind: ResolutionKind.Election, VoteStatus: VoteStatus.Closed, Adopted: true })
        {
            return "Seule une élection close, avec au moins un élu, s'applique au bureau.";
        }
        if (await db.Resolutions.Where(r => r.Id == resolutionId && r.AppliedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.AppliedAt, clock.GetUtcNow()).SetProperty(r => r.AppliedByName, by.NameOrEmail), cancellationToken) == 0)
        {
            return "Le résultat de cette élection a déjà été appliqué au bureau.";
        }
        var startsOn = DateOnly.FromDateTime(resolution.Meeting!.StartsAt.ToParis().Date);
        var term = (settings.Get(SettingsSections.Statutes) ?? new StatutesRules()).BoardTermYears;
        var elected = resolution.Candidates.Where(c => c.Elected && c.Invitee is not null).Select(c => c.Invitee!.UserId).ToList();
        var refusal = await board.SeatElectedAsync(elected, startsOn, term > 0 ? startsOn.AddYears(term) : null, resolution.RenewsBoard, by, cancellationToken);
        if (refusal is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return refusal;
        }
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
