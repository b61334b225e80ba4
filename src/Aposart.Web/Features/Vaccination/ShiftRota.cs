using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Background;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Vaccination;

/// <summary>The centre's rota: signing up takes the shift's row lock before counting, so a shift never takes more people than it needs.</summary>
public sealed class ShiftRota(AposartDbContext db, TimeProvider clock)
{
    /// <summary>Signs the professional up; returns null when done, or why not, in French.</summary>
    public async Task<string?> SignUpAsync(Guid shiftId, Guid professionalId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The lock: a second sign-up to the same shift waits here until the first has counted and committed.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM centre_shifts WHERE id = {shiftId} FOR UPDATE", cancellationToken);
        var shift = await db.CentreShifts.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shiftId, cancellationToken);
        if (shift is null)
        {
            return "Ce créneau n'existe pas.";
        }
        var now = clock.GetUtcNow();
        if (ParisTime.FromParis(shift.Date, shift.Starts) <= now)
        {
            return "Ce créneau a déjà commencé.";
        }
        var taken = await db.ShiftSignups.Where(s => s.ShiftId == shiftId && s.CancelledAt == null).Select(s => s.ProfessionalId).ToListAsync(cancellationToken);
        if (taken.Contains(professionalId))
        {
            return "Vous êtes déjà inscrit sur ce créneau.";
        }
        if (taken.Count >= shift.Needed)
        {
            return "Ce créneau est complet.";
        }
        db.ShiftSignups.Add(new ShiftSignup { ShiftId = shiftId, ProfessionalId = professionalId, SignedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task<bool> CancelAsync(Guid shiftId, Guid professionalId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.ShiftSignups.Where(s => s.ShiftId == shiftId && s.ProfessionalId == professionalId && s.CancelledAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.CancelledAt, now), cancellationToken) > 0;
    }
}

/// <summary>The day before a shift, each person signed up gets a reminder, claimed in the database before it is sent.</summary>
public sealed class ShiftReminders(AposartDbContext db, PortalMailer mailer, TimeProvider clock) : IPeriodicJob
{
    public string Name => "Rappels du planning des centres";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tomorrow = DateOnly.FromDateTime(now.ToParis().DateTime).AddDays(1);
        var due = await db.ShiftSignups.AsNoTracking().Include(s => s.Shift).ThenInclude(s => s!.Centre).Include(s => s.Professional)
            .Where(s => s.CancelledAt == null && s.ReminderSentAt == null && s.Shift!.Date == tomorrow).ToListAsync(cancellationToken);
        var addresses = await db.MailAddressesAsync([.. due.Select(s => s.Professional!)], cancellationToken);
        var sent = 0;
        foreach (var signup in due)
        {
            var shift = signup.Shift!;
            if (!addresses.TryGetValue(signup.ProfessionalId, out var address))
            {
                // Nobody to mail: claimed all the same, so the next run does not look at it again.
                await ClaimAsync(signup.Id, now, cancellationToken);
                continue;
            }
            if (await mailer.ClaimThenQueueAsync(token => ClaimAsync(signup.Id, now, token), m => m.Queue(address, signup.Professional!.DisplayName,
                    $"Demain : {shift.Role.Label()} au {shift.Centre!.Name}",
                    [
                        $"Vous êtes inscrit demain, {shift.Date.ToString("dddd d MMMM", ActionSheetText.French)}, de {shift.Starts:HH\\hmm} à {shift.Ends:HH\\hmm}, comme {shift.Role.Label().ToLowerInvariant()} au {shift.Centre.Name} ({shift.Centre.Address}).",
                        "Si vous ne pouvez plus venir, désinscrivez-vous au plus tôt pour que la coordination trouve un remplaçant.",
                    ], ("Mon planning", VaccinationLinks.Mine)), cancellationToken))
            {
                sent++;
            }
        }
        return $"{sent} rappel(s) envoyé(s)";
    }

    private Task<int> ClaimAsync(Guid signupId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ShiftSignups.Where(s => s.Id == signupId && s.ReminderSentAt == null).ExecuteUpdateAsync(set => set.SetProperty(s => s.ReminderSentAt, now), cancellationToken);
}
