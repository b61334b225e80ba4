using Aposart.Web.Data;
using Aposart.Web.Domain;
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
public sealed class MeetingVotes(AposartDbContext db, TimeProvider clock)
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

    /// <summary>
    /// Casts one vote: for a resolution, <paramref name="choice"/>; for an election, the candidates ticked (at most the
    /// seats; none is a blank vote).
    /// </summary>
    /// <returns>null when counted, else why not.</returns>
    public async Task<string?> CastAsync(Guid resolutionId, Guid userId, Guid forInviteeId, BallotChoice? choice, IReadOnlyCollection<Guid> candidateIds,
        CancellationToken cancellationToken)
    {
        var resolution = await db.Resolutions.AsNoTracking().Include(r => r.Candidates).SingleOrDefaultAsync(r => r.Id == resolutionId, cancellationToken);
        if (resolution is not { VoteStatus: VoteStatus.Open })
        {
            return "Le vote sur cette résolution n'est pas ouvert.";
        }
        var ballots = Ballots(resolution, choice, candidateIds, out var invalid);
        if (invalid is not null)
        {
            return invalid;
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
        if (resolution.PerCollege)
        {
            // Counted apart per collège: the ballot carries the collège of whom the vote is for, and nothing else of them.
            var college = await db.MeetingInvitees.AsNoTracking().Where(i => i.Id == forInviteeId).Select(i => i.CollegeId).SingleAsync(cancellationToken);
            ballots.ForEach(b => b.CollegeId = college);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.BallotCasts.Add(new BallotCast { ResolutionId = resolutionId, ForInviteeId = forInviteeId, ByInviteeId = voter.Id });
        db.Ballots.AddRange(ballots);
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

    /// <summary>The ballots one vote puts in the box, each with a random id and nothing else than its choice.</summary>
    private static List<Ballot> Ballots(Resolution resolution, BallotChoice? choice, IReadOnlyCollection<Guid> candidateIds, out string? invalid)
    {
        invalid = null;
        if (resolution.Kind != ResolutionKind.Election)
        {
            if (choice is not { } c || !Enum.IsDefined(c))
            {
                invalid = "Choisissez pour, contre ou abstention.";
                return [];
            }
            return [new Ballot { Id = Guid.NewGuid(), ResolutionId = resolution.Id, Choice = c }];
        }
        var ticked = candidateIds.Distinct().ToList();
        if (ticked.Any(id => resolution.Candidates.All(candidate => candidate.Id != id)))
        {
            invalid = "Cochez des noms parmi les candidats de cette élection.";
            return [];
        }
        if (ticked.Count > (resolution.Seats ?? 0))
        {
            invalid = $"Cochez au plus {resolution.Seats} nom(s) : c'est le nombre de sièges à pourvoir.";
            return [];
        }
        return ticked.Count == 0
            ? [new Ballot { Id = Guid.NewGuid(), ResolutionId = resolution.Id, Choice = BallotChoice.Abstain }]
            : [.. ticked.Select(id => new Ballot { Id = Guid.NewGuid(), ResolutionId = resolution.Id, Choice = BallotChoice.For, CandidateId = id })];
    }

    public async Task<bool> OpenAsync(Guid meetingId, Guid resolutionId, CancellationToken cancellationToken) =>
        await db.Resolutions.Where(r => r.Id == resolutionId && r.MeetingId == meetingId && r.VoteStatus == VoteStatus.NotOpened
                && r.Meeting!.Status == MeetingStatus.Convened)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.VoteStatus, VoteStatus.Open).SetProperty(r => r.VoteOpenedAt, clock.GetUtcNow()), cancellationToken) == 1;

    /// <summary>
    /// Closes the vote and stores its result: the online ballots plus the counts of the room, judged by the resolution's
    /// rule against the members present and represented at this moment, with those who voted online. A resolution decided
    /// per collège is judged in each collège of the convened, on its own ballots and room counts, and adopted only when
    /// every collège adopts it — a collège none of whose members took part (absent, unrepresented, no online vote) cannot
    /// block it. The row is locked while counting, so that a vote arriving meanwhile either is counted or is
    /// told it came too late.
    /// </summary>
    public async Task<string?> CloseAsync(Guid meetingId, Guid resolutionId, RoomCountInput room, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM resolutions WHERE id = {resolutionId} FOR UPDATE", cancellationToken);
        var resolution = await db.Resolutions.Include(r => r.Candidates).SingleOrDefaultAsync(r => r.Id == resolutionId && r.MeetingId == meetingId, cancellationToken);
        if (resolution is not { VoteStatus: VoteStatus.Open })
        {
            return "Ce vote n'est pas ouvert.";
        }
        var invitees = await db.MeetingInvitees.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync(cancellationToken);
        // Those who voted online from elsewhere took part too: the « of members » rules count them with the present and represented.
        var represented = QuorumState.Represented(invitees);
        var participants = invitees.Where(i => i.Present || represented(i)).Select(i => i.Id)
            .Concat(await db.BallotCasts.Where(c => c.ResolutionId == resolutionId).Select(c => c.ForInviteeId).ToListAsync(cancellationToken))
            .ToHashSet();
        var online = await db.Ballots.Where(b => b.ResolutionId == resolutionId && b.CandidateId == null).GroupBy(b => new { b.CollegeId, b.Choice })
            .Select(g => new OnlineCount(g.Key.CollegeId, g.Key.Choice, g.Count())).ToListAsync(cancellationToken);
        if (resolution.PerCollege)
        {
            var colleges = invitees.Select(CollegeGroups.KeyOf).ToHashSet();
            if (room.CollegeFor.Keys.Concat(room.CollegeAgainst.Keys).Concat(room.CollegeAbstain.Keys).Any(key => !colleges.Contains(key)))
            {
                return "Les décomptes de la salle doivent porter sur les collèges des convoqués.";
            }
            resolution.CollegeVotes = CountPerCollege(resolution.Majority, invitees, participants, online, room);
            room = new RoomCountInput
            {
                RoomFor = room.CollegeFor.Values.Sum(), RoomAgainst = room.CollegeAgainst.Values.Sum(), RoomAbstain = room.CollegeAbstain.Values.Sum(),
            };
        }
        resolution.RoomFor = room.RoomFor;
        resolution.RoomAgainst = room.RoomAgainst;
        resolution.RoomAbstain = room.RoomAbstain;
        resolution.ResultFor = online.Where(o => o.Choice == BallotChoice.For).Sum(o => o.Count) + room.RoomFor;
        resolution.ResultAgainst = online.Where(o => o.Choice == BallotChoice.Against).Sum(o => o.Count) + room.RoomAgainst;
        resolution.ResultAbstain = online.Where(o => o.Choice == BallotChoice.Abstain).Sum(o => o.Count) + room.RoomAbstain;
        resolution.ResultRepresented = participants.Count;
        if (resolution.Kind != ResolutionKind.Election && Miscounted(resolution) is { } miscount)
        {
            db.ChangeTracker.Clear();
            return miscount;
        }
        resolution.Adopted = resolution.PerCollege
            ? resolution.CollegeVotes.Any(c => c.Counts) && resolution.CollegeVotes.Where(c => c.Counts).All(c => c.Adopted)
            : Adopted(resolution.Majority, resolution.ResultFor.Value, resolution.ResultAgainst.Value, resolution.ResultRepresented.Value);
        if (resolution.Kind == ResolutionKind.Election)
        {
            await CountElectionAsync(resolution, room.CandidateVotes, cancellationToken);
        }
        resolution.VoteStatus = VoteStatus.Closed;
        resolution.VoteClosedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Each member who took part has one voice: more voices than members, overall or in a collège, is a slip in the room's
    /// count that would change the result unseen, so the close is refused and the vote stays open.
    /// </summary>
    private static string? Miscounted(Resolution r)
    {
        static string Refused(int voices, int members) =>
            $"{voices} voix pour {members} membre(s) présent(s), représenté(s) ou ayant voté en ligne : vérifiez les décomptes de la salle ; le vote reste ouvert.";
        if (r.ResultFor + r.ResultAgainst + r.ResultAbstain is { } voices && r.ResultRepresented is { } members && voices > members)
        {
            return Refused(voices, members);
        }
        return r.CollegeVotes.FirstOrDefault(c => c.ResultFor + c.ResultAgainst + c.ResultAbstain > c.Represented) is { } college
            ? $"Collège {college.CollegeName} : {Refused(college.ResultFor + college.ResultAgainst + college.ResultAbstain, college.Represented)}"
            : null;
    }

    private sealed record OnlineCount(int? CollegeId, BallotChoice Choice, int Count);

    /// <summary>Each collège of the convened judged apart: its online ballots, its room counts, its members who took part.</summary>
    private static List<CollegeVote> CountPerCollege(MajorityRule rule, IReadOnlyList<MeetingInvitee> invitees, IReadOnlySet<Guid> participants,
        IReadOnlyList<OnlineCount> online, RoomCountInput room) =>
        [.. invitees.GroupBy(i => i.CollegeId).Select(college =>
        {
            var key = CollegeGroups.KeyOf(college.First());
            int Online(BallotChoice choice) => online.Where(o => o.CollegeId == college.Key && o.Choice == choice).Sum(o => o.Count);
            var vote = new CollegeVote
            {
                CollegeId = college.Key, CollegeName = CollegeGroups.NameOf(college.First()),
                RoomFor = room.CollegeFor.GetValueOrDefault(key), RoomAgainst = room.CollegeAgainst.GetValueOrDefault(key), RoomAbstain = room.CollegeAbstain.GetValueOrDefault(key),
                Represented = college.Count(i => participants.Contains(i.Id)),
            };
            vote.ResultFor = Online(BallotChoice.For) + vote.RoomFor;
            vote.ResultAgainst = Online(BallotChoice.Against) + vote.RoomAgainst;
            vote.ResultAbstain = Online(BallotChoice.Abstain) + vote.RoomAbstain;
            vote.Adopted = Adopted(rule, vote.ResultFor, vote.ResultAgainst, vote.Represented);
            return vote;
        }).OrderBy(c => c.CollegeName, ParisTime.FrenchOrder)];

    /// <summary>An election's count: each candidate's online and room votes, the most voted elected up to the seats.</summary>
    private async Task CountElectionAsync(Resolution resolution, IReadOnlyDictionary<Guid, int> roomVotesByCandidate, CancellationToken cancellationToken)
    {
        var online = await db.Ballots.Where(b => b.ResolutionId == resolution.Id && b.CandidateId != null).GroupBy(b => b.CandidateId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        foreach (var candidate in resolution.Candidates)
        {
            candidate.RoomVotes = roomVotesByCandidate.GetValueOrDefault(candidate.Id);
            candidate.Votes = online.GetValueOrDefault(candidate.Id) + candidate.RoomVotes;
        }
        var elected = Elected(resolution.Candidates.Select(c => (c.Id, c.Votes!.Value)).ToList(), resolution.Seats ?? 0);
        resolution.Candidates.ForEach(c => c.Elected = elected.Contains(c.Id));
        // For an election « pour » is the voices given to candidates and « abstention » the blank votes.
        resolution.ResultFor = resolution.Candidates.Sum(c => c.Votes!.Value);
        resolution.ResultAgainst = 0;
        resolution.Adopted = elected.Count > 0;
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

    /// <summary>
    /// Who is elected: the candidates with the most votes, up to the seats, with at least one vote. Candidates tied for the
    /// last seat are none of them elected — the seat stays open for another round, as the portal cannot draw lots.
    /// </summary>
    public static HashSet<Guid> Elected(IReadOnlyList<(Guid Id, int Votes)> candidates, int seats)
    {
        var ranked = candidates.OrderByDescending(c => c.Votes).ToList();
        var firstLoser = ranked.Count > seats ? ranked[seats].Votes : 0;
        return [.. ranked.Take(seats).Where(c => c.Votes > firstLoser).Select(c => c.Id)];
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
