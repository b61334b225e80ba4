using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Compensation;

/// <summary>Hours of a working group's meeting the person was marked present at, ready to be declared on the group's fiche.</summary>
public sealed record MeetingHoursClaim(Guid MeetingId, string MeetingTitle, string Group, DateOnly Date, decimal Hours, decimal Amount, string Fiche);

/// <summary>
/// Prefilled declarations: after a working group's meeting, each member marked present finds its hours (the meeting's
/// duration, by half-hours) on the group's fiche, to confirm. Confirming goes through the ledger like any declaration (the
/// yearly cap applies), and once per person and meeting: the entry carries the meeting, unique with the person.
/// </summary>
public sealed class MeetingHours(AposartDbContext db, CompensationLedger ledger, IOptions<CompensationOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<MeetingHoursClaim>> ToConfirmAsync(Guid professionalId, CancellationToken cancellationToken)
    {
        var userId = await db.Professionals.Where(p => p.Id == professionalId).Select(p => p.UserId).SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Kind == MeetingKind.WorkingGroup && m.WorkingGroup!.ActionSheetId != null && m.StartsAt <= now && m.Status != MeetingStatus.Cancelled
                && m.Invitees.Any(i => i.UserId == userId && i.Present)
                && !db.CompensationEntries.Any(e => e.ProfessionalId == professionalId && e.MeetingId == m.Id))
            .OrderByDescending(m => m.StartsAt)
            .Select(m => new { m.Id, m.Title, m.StartsAt, m.EndsAt, Group = m.WorkingGroup!.Name, Fiche = m.WorkingGroup.ActionSheet!.Number + " – " + m.WorkingGroup.ActionSheet.Title })
            .Take(20).ToListAsync(cancellationToken);
        return [.. meetings.Select(m =>
        {
            var date = DateOnly.FromDateTime(m.StartsAt.ToParis().DateTime);
            var hours = Hours(m.StartsAt, m.EndsAt);
            return new MeetingHoursClaim(m.Id, m.Title, m.Group, date, hours, Math.Round(hours * options.Value.For(date.Year).WorkingGroupHour, 2), $"n° {m.Fiche}");
        })];
    }

    /// <returns>null when declared, else why not, in French.</returns>
    public async Task<string?> ConfirmAsync(Guid professionalId, Guid meetingId, string byName, CancellationToken cancellationToken)
    {
        var claim = (await ToConfirmAsync(professionalId, cancellationToken)).FirstOrDefault(c => c.MeetingId == meetingId);
        var fiche = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.WorkingGroup!.ActionSheetId).SingleOrDefaultAsync(cancellationToken);
        if (claim is null || fiche is null)
        {
            return "Ces heures sont déjà déclarées, ou vous n'êtes pas noté·e présent·e à cette réunion.";
        }
        var rate = options.Value.For(claim.Date.Year).WorkingGroupHour;
        var entry = new CompensationEntry
        {
            ProfessionalId = professionalId, ActionSheetId = fiche.Value, MeetingId = meetingId, Date = claim.Date, Kind = CompensationKind.WorkingGroupHours,
            Quantity = claim.Hours, Rate = rate, Amount = claim.Amount, Description = $"Réunion « {claim.MeetingTitle} » ({claim.Group})",
            Status = CompensationStatus.Submitted, RecordedByName = byName,
        };
        try
        {
            return await ledger.AddAsync(entry, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return "Ces heures sont déjà déclarées.";
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The meeting's duration by half-hours, rounded to the nearest: declarations are made by steps of 0.5.</summary>
    public static decimal Hours(DateTimeOffset start, DateTimeOffset end) => Math.Round((decimal)(end - start).TotalHours * 2, MidpointRounding.AwayFromZero) / 2;
}
