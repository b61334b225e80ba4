using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Background;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Adhesion;

/// <summary>
/// The yearly renewal: reminders 30 and 7 days before the end of the civil year and 30 days after it, each sent at most once
/// (the reminder row is claimed before the mail leaves), and validated memberships whose fee stays unpaid marked late.
/// </summary>
public sealed class RenewalReminders(AposartDbContext db, PortalMailer mailer, TimeProvider clock, IOptions<MembershipOptions> options,
    ILogger<RenewalReminders> logger) : IPeriodicJob
{
    public const string Before30 = "J-30";
    public const string Before7 = "J-7";
    public const string After30 = "J+30";

    public static DateOnly YearEnd(int year) => new(year, 12, 31);

    /// <summary>From this day members can apply for the next year.</summary>
    public static DateOnly RenewalOpens(int year) => YearEnd(year).AddDays(-30);

    public string Name => "Relances d'adhésion";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime);
        var late = await MarkLateAsync(cancellationToken);
        var sent = 0;
        var year = today.Year;
        var kind = today >= YearEnd(year).AddDays(-7) ? Before7 : today >= YearEnd(year).AddDays(-30) ? Before30 : null;
        if (kind is not null)
        {
            sent += await SendAsync(year, kind, cancellationToken);
        }
        var lastEnd = YearEnd(year - 1);
        // After 90 days a lapsed member is no longer chased: one reminder after the end is enough.
        if (today >= lastEnd.AddDays(30) && today <= lastEnd.AddDays(90))
        {
            sent += await SendAsync(year - 1, After30, cancellationToken);
        }
        return $"{sent} relance(s) envoyée(s), {late} adhésion(s) passée(s) en retard";
    }

    private async Task<int> SendAsync(int year, string kind, CancellationToken cancellationToken)
    {
        var due = await db.Memberships.AsNoTracking().Include(m => m.Professional)
            .Where(m => m.Year == year
                && MembershipText.ActiveStatuses.Contains(m.Status)
                && m.Professional!.Email != null && m.Professional.AnonymisedAt == null && !m.Professional.AwaitingConsent
                && !db.Memberships.Any(n => n.ProfessionalId == m.ProfessionalId && n.Year == year + 1 && n.Status != MembershipStatus.Draft)
                && !db.MembershipReminders.Any(r => r.MembershipId == m.Id && r.Kind == kind))
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var membership in due)
        {
            var professional = membership.Professional!;
            var (subject, text) = kind == After30
                ? ($"Votre adhésion {year} a pris fin : renouvelez-la pour {year + 1}",
                    $"Votre adhésion à la CPTS pour {year} a pris fin le 31 décembre. Pour continuer à participer à la vie de la communauté, renouvelez-la pour {year + 1} depuis votre espace.")
                : ($"Votre adhésion {year} se termine le 31 décembre",
                    $"Votre adhésion à la CPTS pour {year} se termine le 31 décembre. Vous pouvez dès maintenant la renouveler pour {year + 1} depuis votre espace, en quelques clics.");
            // The claim (unique per membership and kind) and the reminder are saved together: another instance that claimed
            // first makes this save fail whole, and no reminder is left without its claim or the other way round.
            db.MembershipReminders.Add(new MembershipReminder { MembershipId = membership.Id, Kind = kind, SentAt = clock.GetUtcNow() });
            mailer.Queue(professional.Email!, professional.FullName, subject, [text], ("Renouveler mon adhésion", AdhesionLinks.Index));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
            catch (DbUpdateException)
            {
                // Another instance claimed it first: it sends, we do not.
            }
            db.ChangeTracker.Clear();
        }
        return sent;
    }

    private async Task<int> MarkLateAsync(CancellationToken cancellationToken)
    {
        var limit = clock.GetUtcNow().AddDays(-options.Value.PaymentDueDays);
        var overdue = await db.Memberships.Include(m => m.Allocations)
            .Where(m => m.Status == MembershipStatus.ApprovedFeeDue && m.DecidedAt < limit)
            .ToListAsync(cancellationToken);
        foreach (var membership in overdue)
        {
            MembershipHistory.Record(db, membership, clock.GetUtcNow(), null, "Cotisation non réglée dans le délai", MembershipStatus.Late,
                $"{options.Value.PaymentDueDays} jours après la validation");
        }
        if (overdue.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Count} memberships marked late", overdue.Count);
        }
        db.ChangeTracker.Clear();
        return overdue.Count;
    }
}
