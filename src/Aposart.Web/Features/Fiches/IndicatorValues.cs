using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Background;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Fiches;

/// <summary>One period of an indicator: its target and its actual value, computed now or as entered.</summary>
public sealed record IndicatorPoint(int Year, decimal? Target, decimal? Actual, Measurement? Entry, bool IsLive);

/// <summary>A year of the training calendar: offered (published, full or held), held, distinct attendees, distinct trainers.</summary>
public sealed record TrainingFigures(int Offered, int Held, int Attendees, int Trainers);

/// <summary>A year of same-day slots: offered, given, honoured, and the share (%) of the territory's general practitioners taking part.</summary>
public sealed record SnpFigures(int Offered, int Given, int Honoured, decimal GpShare);

public sealed record IndicatorSeries(Indicator Indicator, IReadOnlyList<IndicatorPoint> Points)
{
    public IndicatorPoint? Latest => Points.LastOrDefault(p => p.Actual is not null);
}

/// <summary>
/// The values of indicators over the years. Hand-entered indicators show their measurements; computed ones read the portal's
/// own data, live for the current year and, where the data keeps its history (memberships), for past years too.
/// </summary>
public sealed class IndicatorValues(AposartDbContext db, TimeProvider clock)
{
    private readonly Dictionary<(IndicatorSource, int), decimal?> computed = [];

    public int CurrentYear => clock.GetUtcNow().ToParis().Year;

    /// <summary>The value the portal computes for a source and year, or null when it cannot (yet).</summary>
    public async Task<decimal?> ComputeAsync(IndicatorSource source, int year, CancellationToken cancellationToken)
    {
        if (computed.TryGetValue((source, year), out var cached))
        {
            return cached;
        }
        decimal? value = source switch
        {
            // The directory has no memory of past addresses: the share is today's, and past years keep their yearly snapshot.
            IndicatorSource.SecureMailShare when year == CurrentYear => await SecureMailShareAsync(cancellationToken),
            IndicatorSource.AdherentCount when year <= CurrentYear => await AdherentsAsync(year, cancellationToken),
            IndicatorSource.TrainingsHeld when year <= CurrentYear => await TrainingFiguresAsync(year, cancellationToken) is { } t ? t.Held : null,
            IndicatorSource.TrainingAttendees when year <= CurrentYear => await TrainingFiguresAsync(year, cancellationToken) is { } t ? t.Attendees : null,
            IndicatorSource.SnpSlotsOffered when year <= CurrentYear => (await SnpFiguresAsync(year, cancellationToken))?.Offered,
            IndicatorSource.SnpSlotsGiven when year <= CurrentYear => (await SnpFiguresAsync(year, cancellationToken))?.Given,
            IndicatorSource.SnpSlotsHonoured when year <= CurrentYear => (await SnpFiguresAsync(year, cancellationToken))?.Honoured,
            IndicatorSource.SnpGpShare when year <= CurrentYear => (await SnpFiguresAsync(year, cancellationToken))?.GpShare,
            IndicatorSource.PublicMeetingParticipants when year <= CurrentYear => await PublicParticipantsAsync(year, cancellationToken),
            _ => null,
        };
        computed[(source, year)] = value;
        return value;
    }

    public async Task<IReadOnlyList<IndicatorSeries>> SeriesAsync(IEnumerable<Indicator> indicators, CancellationToken cancellationToken)
    {
        var series = new List<IndicatorSeries>();
        foreach (var indicator in indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Name))
        {
            series.Add(await SeriesAsync(indicator, cancellationToken));
        }
        return series;
    }

    public async Task<IndicatorSeries> SeriesAsync(Indicator indicator, CancellationToken cancellationToken)
    {
        var years = indicator.Targets.Select(t => t.Year).Concat(indicator.Measurements.Select(m => m.Year)).ToHashSet();
        if (indicator.IsComputed)
        {
            years.Add(CurrentYear);
        }
        var points = new List<IndicatorPoint>();
        foreach (var year in years.Order())
        {
            var entry = indicator.Measurements.FirstOrDefault(m => m.Year == year);
            var live = indicator.IsComputed ? await ComputeAsync(indicator.Source, year, cancellationToken) : null;
            points.Add(new IndicatorPoint(year, indicator.Targets.FirstOrDefault(t => t.Year == year)?.Value, live ?? entry?.Value, entry, live is not null));
        }
        return new IndicatorSeries(indicator, points);
    }

    /// <summary>The trainings whose first session falls in the year (Paris time).</summary>
    public IQueryable<Training> TrainingsOfYear(int year)
    {
        var (from, to) = ParisTime.YearBounds(year);
        return db.Trainings.Where(t => t.Sessions.Any() && t.Sessions.Min(s => s.StartsAt) >= from && t.Sessions.Min(s => s.StartsAt) < to);
    }

    /// <summary>The training figures of a year, or null for a year the calendar holds no training of (before it was used).</summary>
    public async Task<TrainingFigures?> TrainingFiguresAsync(int year, CancellationToken cancellationToken)
    {
        var (from, to) = ParisTime.YearBounds(year);
        var ofYear = TrainingsOfYear(year);
        if (!await ofYear.AnyAsync(cancellationToken))
        {
            return null;
        }
        return new TrainingFigures(
            Offered: await ofYear.CountAsync(t => t.Status != TrainingStatus.Draft && t.Status != TrainingStatus.Cancelled, cancellationToken),
            Held: await ofYear.CountAsync(t => t.Status == TrainingStatus.Held, cancellationToken),
            Attendees: await ofYear.SelectMany(t => t.Sessions).SelectMany(s => s.Attendance).Where(a => a.Present)
                .Select(a => a.ProfessionalId).Distinct().CountAsync(cancellationToken),
            Trainers: (await ofYear.Where(t => t.Status == TrainingStatus.Held).SelectMany(t => t.Trainers)
                .Select(t => new { t.ProfessionalId, t.Name }).ToListAsync(cancellationToken))
                .Select(t => t.ProfessionalId?.ToString() ?? t.Name.Trim().ToUpperInvariant()).Distinct().Count());
    }

    /// <summary>
    /// The same-day slots of a year: offered (published and not withdrawn), given, honoured, and the share of the territory's
    /// general practitioners who offered at least one; null for a year without any slot (before the agenda was used).
    /// </summary>
    public async Task<SnpFigures?> SnpFiguresAsync(int year, CancellationToken cancellationToken)
    {
        var (from, to) = ParisTime.YearBounds(year);
        var ofYear = db.SnpSlots.Where(s => s.StartsAt >= from && s.StartsAt < to && s.Status != SnpSlotStatus.Withdrawn);
        var counts = await ofYear.GroupBy(_ => 1).Select(g => new
        {
            Offered = g.Count(), Given = g.Count(s => s.Status == SnpSlotStatus.Given), Honoured = g.Count(s => s.Status == SnpSlotStatus.Given && s.Honoured == true),
            Doctors = g.Where(s => s.Professional!.Profession == Profession.GeneralPractitioner).Select(s => s.ProfessionalId).Distinct().Count(),
        }).SingleOrDefaultAsync(cancellationToken);
        if (counts is null)
        {
            return null;
        }
        var territoryGps = await db.Professionals.CountAsync(p => p.Profession == Profession.GeneralPractitioner && p.AnonymisedAt == null
            && db.PracticeSites.Any(s => s.ProfessionalId == p.Id && s.CommuneInsee != null), cancellationToken);
        return new SnpFigures(counts.Offered, counts.Given, counts.Honoured, territoryGps == 0 ? 0 : Math.Round(100m * counts.Doctors / territoryGps, 1));
    }

    /// <summary>Null for a year the portal holds no membership of (before it was used): the value entered then stands.</summary>
    /// <summary>Registrations kept (not cancelled, not left waiting) to the public meetings held in the year; none held: no figure.</summary>
    private async Task<decimal?> PublicParticipantsAsync(int year, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (from, to) = (ParisTime.FromParis(new DateOnly(year, 1, 1), TimeOnly.MinValue), ParisTime.FromParis(new DateOnly(year + 1, 1, 1), TimeOnly.MinValue));
        var held = db.Meetings.Where(m => m.Kind == MeetingKind.Public && m.Status != MeetingStatus.Cancelled && m.Status != MeetingStatus.Draft
            && m.StartsAt >= from && m.StartsAt < to && m.StartsAt <= now);
        if (!await held.AnyAsync(cancellationToken))
        {
            return null;
        }
        return await db.PublicRegistrations.CountAsync(r => held.Any(m => m.Id == r.MeetingId) && r.Status == PublicRegistrationStatus.Confirmed, cancellationToken);
    }

    private async Task<decimal?> AdherentsAsync(int year, CancellationToken cancellationToken)
    {
        if (!await db.Memberships.AnyAsync(m => m.Year == year, cancellationToken))
        {
            return null;
        }
        return await db.Memberships.Where(m => m.Year == year && MembershipText.ActiveStatuses.Contains(m.Status))
            .Select(m => m.ProfessionalId).Distinct().CountAsync(cancellationToken);
    }

    private async Task<decimal> SecureMailShareAsync(CancellationToken cancellationToken)
    {
        var directory = db.Professionals.Where(p => p.AnonymisedAt == null);
        var total = await directory.CountAsync(cancellationToken);
        if (total == 0)
        {
            return 0;
        }
        var withSecureMail = await directory.CountAsync(p => p.SecureMailAddress != null, cancellationToken);
        return Math.Round(100m * withSecureMail / total, 1);
    }
}

/// <summary>
/// Keeps this year's value of every computed indicator as a measurement, so that when the year ends its value stays
/// (the directory itself has no history of who had a secure address when).
/// </summary>
public sealed class IndicatorSnapshots(AposartDbContext db, IndicatorValues values, TimeProvider clock) : IPeriodicJob
{
    public const string EnteredBy = "Calcul automatique du portail";

    public string Name => "Relevé des indicateurs calculés";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var year = values.CurrentYear;
        var indicators = await db.Indicators.Where(i => i.Source != IndicatorSource.Manual)
            .Include(i => i.Measurements.Where(m => m.Year == year)).ToListAsync(cancellationToken);
        var recorded = 0;
        foreach (var indicator in indicators)
        {
            if (await values.ComputeAsync(indicator.Source, year, cancellationToken) is not { } value)
            {
                continue;
            }
            var measurement = indicator.Measurements.SingleOrDefault();
            if (measurement is null)
            {
                measurement = new Measurement { IndicatorId = indicator.Id, Year = year };
                db.Measurements.Add(measurement);
            }
            else if (measurement.Value == value)
            {
                continue;
            }
            measurement.Value = value;
            measurement.EnteredAt = clock.GetUtcNow();
            measurement.EnteredById = null;
            measurement.EnteredByName = EnteredBy;
            recorded++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return $"{recorded} valeur(s) relevée(s) pour {year}";
    }
}
