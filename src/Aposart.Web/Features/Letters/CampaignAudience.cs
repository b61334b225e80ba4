using System.Security.Cryptography;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Letters;

public sealed record Recipient(string Address, string Name, string? FirstName);

/// <summary>
/// Who a campaign reaches: the audience's professionals, by their account address (or directory address without an
/// account), each address once, without the unsubscribed, the bounced and those who turned this kind of mail off.
/// </summary>
public sealed class CampaignAudience(AposartDbContext db, TimeProvider clock)
{
    public async Task<List<Recipient>> ResolveAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var year = clock.GetUtcNow().ToParis().Year;
        // An imported record gets no mail until its person claims it.
        var people = db.Professionals.AsNoTracking().Where(p => p.AnonymisedAt == null && !p.AwaitingConsent);
        people = campaign.Audience switch
        {
            AudienceKind.UpToDateMembers => people.Where(p => p.Memberships.Any(m => m.Year == year
                && (m.Status == MembershipStatus.UpToDate || m.Status == MembershipStatus.Exempt))),
            AudienceKind.Professions => people.Where(p => campaign.AudienceProfessions.Contains(p.Profession)),
            AudienceKind.Communes => people.Where(p => p.PracticeSites.Any(s => s.CommuneInsee != null && campaign.AudienceCommunes.Contains(s.CommuneInsee))),
            AudienceKind.Colleges => people.Where(p => p.Memberships.Any(m => m.Year == year && MembershipText.ActiveStatuses.Contains(m.Status)
                && campaign.AudienceColleges.Contains(m.CollegeId))),
            AudienceKind.TrainingRegistrants => people.Where(p => db.TrainingRegistrations.Any(r => r.TrainingId == campaign.AudienceTrainingId
                && r.ProfessionalId == p.Id && r.Status == RegistrationStatus.Confirmed)),
            // The representatives of the CPTS's components: the professionals tied to a structure of the directory.
            AudienceKind.Partners => people.Where(p => p.Organisations.Any()),
            AudienceKind.WorkingGroupMembers => people.Where(p => db.WorkingGroupMembers.Any(m => m.GroupId == campaign.AudienceWorkingGroupId
                && m.UserId == p.UserId && m.Status == GroupMembershipStatus.Member)),
            _ => people,
        };
        var rows = await people.Select(p => new
        {
            p.FirstName, p.LastName,
            Account = db.Users.Where(u => u.Id == p.UserId).Select(u => u.Email).FirstOrDefault(),
            p.Email,
        }).ToListAsync(cancellationToken);
        var blocked = (await Blocked(campaign.Kind).ToListAsync(cancellationToken)).ToHashSet();
        return [.. rows
            .Select(r => (Address: Normalise(r.Account ?? r.Email), r.FirstName, r.LastName))
            .Where(r => r.Address is not null && !blocked.Contains(r.Address))
            .DistinctBy(r => r.Address)
            .OrderBy(r => r.Address, StringComparer.Ordinal)
            .Select(r => new Recipient(r.Address!, $"{r.FirstName} {r.LastName}".Trim(), r.FirstName))];
    }

    public async Task<int> CountAsync(Campaign campaign, CancellationToken cancellationToken) => (await ResolveAsync(campaign, cancellationToken)).Count;

    /// <summary>Every address the outbox writes to has a subscriber row, and so an unsubscribe token (new ones copied in bulk).</summary>
    public async Task EnsureSubscribersAsync(IEnumerable<string> addresses, CancellationToken cancellationToken)
    {
        var wanted = addresses.Distinct().ToList();
        var known = (await db.MailSubscribers.Where(s => wanted.Contains(s.Address)).Select(s => s.Address).ToListAsync(cancellationToken)).ToHashSet();
        var missing = wanted.Where(a => !known.Contains(a)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
            await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE IF NOT EXISTS new_subscribers (address varchar(320), token varchar(64)); TRUNCATE new_subscribers", cancellationToken);
            await using (var import = await connection.BeginBinaryImportAsync("COPY new_subscribers (address, token) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var address in missing)
                {
                    await import.StartRowAsync(cancellationToken);
                    await import.WriteAsync(address, NpgsqlTypes.NpgsqlDbType.Varchar, cancellationToken);
                    await import.WriteAsync(NewToken(), NpgsqlTypes.NpgsqlDbType.Varchar, cancellationToken);
                }
                await import.CompleteAsync(cancellationToken);
            }
            // Two campaigns starting at once may both add an address: the first one's token stays.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO mail_subscribers (address, token, quarterly_letter, flashmails, training_announcements) "
                + "SELECT address, token, true, true, true FROM new_subscribers ON CONFLICT (address) DO NOTHING; DROP TABLE new_subscribers",
                cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<MailSubscriber> SubscriberAsync(string address, CancellationToken cancellationToken)
    {
        var normalised = Normalise(address) ?? throw new ArgumentException("Not an address", nameof(address));
        await EnsureSubscribersAsync([normalised], cancellationToken);
        return await db.MailSubscribers.SingleAsync(s => s.Address == normalised, cancellationToken);
    }

    public static string? Normalise(string? address)
    {
        var trimmed = address?.Trim().ToLowerInvariant();
        return trimmed is { Length: > 3 and <= 320 } && MimeKit.MailboxAddress.TryParse(trimmed, out _) && trimmed.Contains('@', StringComparison.Ordinal) ? trimmed : null;
    }

    private IQueryable<string> Blocked(CampaignKind kind) => db.MailSubscribers.Where(s => s.UnsubscribedAt != null || s.BouncedAt != null
        || (kind == CampaignKind.QuarterlyLetter ? !s.QuarterlyLetter : kind == CampaignKind.TrainingAnnouncement ? !s.TrainingAnnouncements : !s.Flashmails))
        .Select(s => s.Address);

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
