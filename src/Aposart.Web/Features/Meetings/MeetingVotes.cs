using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Settings;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Meetings;

/// <summary>Whose votes one adherent casts on a resolution: their own (unless they gave their proxy) and each proxy they hold.</summary>
public sealed record VoterRight(Guid ForInviteeId, string ForName, bool Own, bool AlreadyCast);

/// <summary>
/// Online votes with a secret ballot. Casting writes two rows in one transaction: who voted (for whom) in
/// <c>ballot_casts</c>, whose key is the resolution and the represented adherent, and the choice alone in <c>ballots</c>,
/// with a random id and no date. A second vote for the same adherent, even sent at the same instant, fails on the key and
/// its ballot is rolled back with it.
/// </summary>
public sealed class MeetingVotes(AposartDbContext db, PortalSettings settings, TimeProvider clock)
{
    public async Task<List<VoterRight>> RightsAsync(Guid resolutionId, MeetingInvitee voter, CancellationToken cancellationToken)
    {
        var cast = await db.BallotCasts.AsNoTracking().Where(c => c.ResolutionId == resolutionId).Select(c => c.ForInviteeId).ToListAsync(cancellationToken);
        var givers = await db.MeetingInvitees.AsNoTracking()
            .Where(i => i.MeetingId == voter.MeetingId && i.ProxyHolderId == voter.Id && i.Answer == MeetingAnswer.Proxy && !i.Present)
            .OrderBy(i => i.Name).Select(i => new { i.Id, i.Name }).ToListAsync(cancellationToken);
        var rights = new List<VoterRight>();
        if (voter.Answer != MeetingAnswer.Proxy || voter.Present)
        {
            rights.Add(new VoterRight(voter.Id, voter.Name, true, cast.Contains(voter.Id)));
        }
        rights.AddRange(givers.Select(g => new VoterRight(g.Id, g.Name, false, cast.Contains(g.Id))));
        return rights;
    }

    /// <returns>null when counted, else why not.</returns>
    public async Task<string?> CastAsync(Guid resolutionId, Guid userId, Guid forInviteeId, BallotChoice choice, CancellationToken cancellationToken)
    {
        var resolution = await db.Resolutions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resolutionId, cancellationToken);
        if (resolution is not { VoteStatus: VoteStatus.Open })
        {
            return "Le vote sur cette résolution n'est pas ouvert.";
        }
        var voter = await db.MeetingInvitees.AsNoTracking().SingleOrDefaultAsync(i => i.MeetingId == resolution.MeetingId && i.UserId == userId, cancellationToken);
        if (voter is null)
        {
            return "Vous n'êtes pas convoqué·e à cette réunion.";
        }
        var right = (await RightsAsync(resolutionId, voter, cancellationToken)).FirstOrDefault(r => r.ForInviteeId == forInviteeId);
        if (right is null)
        {
            return "Vous ne pouvez pas voter pour cette personne.";
        }
        if (right.AlreadyCast)
        {
            return AlreadyCast(right);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.BallotCasts.Add(new BallotCast { ResolutionId = resolutionId, ForInviteeId = forInviteeId, ByInviteeId = voter.Id });
        db.Ballots.Add(new Ballot { Id = Guid.NewGuid(), ResolutionId = resolutionId, Choice = choice });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            // Closed meanwhile: the vote arrived after the count and must not change it.
            if (await db.Resolutions.Where(r => r.Id == resolutionId && r.VoteStatus == VoteStatus.Open)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.VoteStatus, VoteStatus.Open), cancellationToken) == 0)
            {
                return "Le vote vient d'être clos : votre voix n'a pas été comptée.";
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return AlreadyCast(right);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return null;
    }

    public async Task<bool> OpenAsync(Guid meetingId, Guid resolutionId, CancellationToken cancellationToken) =>
        await db.Resolutions.Where(r => r.Id == resolutionId && r.MeetingId == meetingId && r.VoteStatus == VoteStatus.NotOpened
                && r.Meeting!.Status == MeetingStatus.Convened)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.VoteStatus, VoteStatus.Open).SetProperty(r => r.VoteOpenedAt, clock.GetUtcNow()), cancellationToken) == 1;

    /// <summary>
    /// Closes the vote and stores its result: the online ballots plus the counts of the room, judged by the resolution's
    /// rule against the members present and represented at this moment, with those who voted online. The row is locked while counting, so that a
    /// vote arriving meanwhile either is counted or is told it came too late.
    /// </summary>
    public async Task<string?> CloseAsync(Guid meetingId, Guid resolutionId, int roomFor, int roomAgainst, int roomAbstain, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM resolutions WHERE id = {resolutionId} FOR UPDATE", cancellationToken);
        var resolution = await db.Resolutions.SingleOrDefaultAsync(r => r.Id == resolutionId && r.MeetingId == meetingId, cancellationToken);
        if (resolution is not { VoteStatus: VoteStatus.Open })
        {
            return "Ce vote n'est pas ouvert.";
        }
        var ballots = await db.Ballots.Where(b => b.ResolutionId == resolutionId).GroupBy(b => b.Choice)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var invitees = await db.MeetingInvitees.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync(cancellationToken);
        var quorum = QuorumState.Of(invitees, settings.Get(SettingsSections.Statutes) ?? new StatutesRules());
        // Those who voted online from elsewhere took part too: the « of members » rules count them with the present and represented.
        var represented = QuorumState.Represented(invitees);
        var participants = invitees.Where(i => i.Present || represented(i)).Select(i => i.Id).Concat(await db.BallotCasts.Where(c => c.ResolutionId == resolutionId).Select(c => c.ForInviteeId).ToListAsync(cancellationToken))
            .Distinct().Count();
        resolution.RoomFor = roomFor;
        resolution.RoomAgainst = roomAgainst;
        resolution.RoomAbstain = roomAbstain;
        resolution.ResultFor = ballots.GetValueOrDefault(BallotChoice.For) + roomFor;
        resolution.ResultAgainst = ballots.GetValueOrDefault(BallotChoice.Against) + roomAgainst;
        resolution.ResultAbstain = ballots.GetValueOrDefault(BallotChoice.Abstain) + roomAbstain;
        resolution.ResultRepresented = Math.Max(quorum.Overall.Counted, participants);
        resolution.Adopted = Adopted(resolution.Majority, resolution.ResultFor.Value, resolution.ResultAgainst.Value, resolution.ResultRepresented.Value);
        resolution.VoteStatus = VoteStatus.Closed;
        resolution.VoteClosedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// An adopted fee resolution, confirmed by a bureau member, sets the fees of the year after the meeting's. Once: the
    /// resolution is marked applied by a conditional update in the same transaction as the fees.
    /// </summary>
    public async Task<string?> ApplyFeesAsync(Guid meetingId, Guid resolutionId, string byName, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resolution = await db.Resolutions.AsNoTracking().Include(r => r.Meeting)
            .SingleOrDefaultAsync(r => r.Id == resolutionId && r.MeetingId == meetingId, cancellationToken);
        if (resolution is not { Kind: ResolutionKind.Fees, Adopted: true, IndividualFee: { } individual, StructureFee: { } structure })
        {
            return "Seule une résolution sur les cotisations, adoptée, s'applique aux cotisations.";
        }
        if (await db.Resolutions.Where(r => r.Id == resolutionId && r.AppliedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.AppliedAt, clock.GetUtcNow()).SetProperty(r => r.AppliedByName, byName), cancellationToken) == 0)
        {
            return "Cette résolution a déjà été appliquée aux cotisations.";
        }
        var year = resolution.Meeting!.StartsAt.ToParis().Year + 1;
        foreach (var (category, amount) in new[] { (FeeCategory.Individual, individual), (FeeCategory.Structure, structure) })
        {
            if (await db.MembershipFees.FindAsync([year, category], cancellationToken) is { } fee)
            {
                fee.Amount = amount;
            }
            else
            {
                db.MembershipFees.Add(new MembershipFee { Year = year, Category = category, Amount = amount });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public static bool Adopted(MajorityRule rule, int votesFor, int votesAgainst, int represented) => rule switch
    {
        MajorityRule.SimpleOfCast => votesFor > votesAgainst,
        MajorityRule.TwoThirdsOfCast => votesFor + votesAgainst > 0 && votesFor * 3 >= (votesFor + votesAgainst) * 2,
        MajorityRule.SimpleOfRepresented => votesFor * 2 > represented,
        MajorityRule.TwoThirdsOfRepresented => represented > 0 && votesFor * 3 >= represented * 2,
        _ => false,
    };

    private static string AlreadyCast(VoterRight right) =>
        right.Own ? "Vous avez déjà voté sur cette résolution." : $"Vous avez déjà voté pour {right.ForName} sur cette résolution.";
}
