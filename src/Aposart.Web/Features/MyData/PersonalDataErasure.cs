using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Trainings;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.MyData;

/// <summary>
/// The right to be forgotten, followed top to bottom: seats given back, the directory record anonymised, the person's name
/// taken out of every journal, their mail (outbox rows, subscription, contact messages) erased, the request logged, the
/// account deleted; all in one transaction. Amounts and statuses stay, tied to the anonymised record, for the accounts
/// and the indicators.
/// </summary>
public sealed class PersonalDataErasure(AposartDbContext db, UserManager<AppUser> users, TrainingRegistrar registrar, TimeProvider clock)
{
    public const string Anonymous = "Personne anonymisée";

    /// <summary>Columns that keep a person's name as written at the time (who decided, who recorded, who marked), by table.</summary>
    private static readonly (string Table, string Column)[] NameJournals =
    [
        ("membership_events", "by_name"), ("action_changes", "by_name"), ("action_comments", "author_name"), ("measurements", "entered_by_name"),
        ("campaigns", "author_name"), ("campaign_events", "by_name"), ("campaign_approvals", "name"), ("compensation_entries", "recorded_by_name"),
        ("compensation_entries", "decided_by_name"), ("snp_slots", "given_by_name"), ("session_attendance", "marked_by_name"),
        ("training_checklist_items", "done_by_name"), ("document_versions", "uploaded_by_name"), ("training_trainers", "name"),
        ("account_audits", "by_name"), ("invitations", "invited_by_name"), ("meeting_tasks", "done_by_name"), ("working_group_members", "accepted_by_name"),
    ];

    public async Task EraseAsync(AppUser user, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Seats held for trainings to come go back to the waitlist first (each cancellation takes its own lock).
        var upcoming = await db.TrainingRegistrations.Where(r => r.Professional!.UserId == user.Id && r.Status != RegistrationStatus.Cancelled
                && r.Training!.Sessions.Any(s => s.StartsAt > now))
            .Select(r => new { r.TrainingId, r.ProfessionalId }).ToListAsync(cancellationToken);
        foreach (var registration in upcoming)
        {
            await registrar.CancelAsync(registration.TrainingId, registration.ProfessionalId, byCoordinator: true, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var professional = await db.Professionals.Include(p => p.PracticeSites).Include(p => p.Organisations)
            .SingleOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);
        var names = new[] { user.NameOrEmail, $"{user.FirstName} {user.LastName}".Trim(), professional?.FullName, professional?.DisplayName,
                $"{professional?.FirstName} {professional?.LastName}".Trim() }
            .Where(n => !string.IsNullOrWhiteSpace(n) && n != Anonymous).Select(n => n!).Distinct().ToArray();
        var addresses = PersonAddresses.Of(user, professional);

        if (professional is not null)
        {
            await ForgetProfessionalAsync(professional, user.Id, now, cancellationToken);
        }
        await ForgetNamesAsync(user.Id, names, cancellationToken);
        await ForgetMailAsync(addresses, names, cancellationToken);

        db.ErasureRequests.Add(new ErasureRequest
        {
            UserId = user.Id,
            ProfessionalId = professional?.Id,
            Reason = reason.TrimmedOrNull(),
            RequestedAt = now,
            CompletedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException("The account could not be deleted: " + string.Join(", ", deleted.Errors.Select(e => e.Code)));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The same erasure for a record the coordination imported and no one has claimed: the person has no account to ask
    /// from, so they ask the coordination, who erases it from the record's page. Only such a record: one with an account
    /// is erased by its owner. Returns false when the record is not (or no longer) an unclaimed import.
    /// </summary>
    public async Task<bool> EraseUnclaimedAsync(Guid professionalId, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var professional = await db.Professionals.Include(p => p.PracticeSites).Include(p => p.Organisations)
            .SingleOrDefaultAsync(p => p.Id == professionalId && p.AwaitingConsent && p.UserId == null && p.AnonymisedAt == null, cancellationToken);
        if (professional is null)
        {
            return false;
        }
        var names = new[] { professional.FullName, professional.DisplayName }.Where(n => n.Length > 0).Distinct().ToArray();
        var addresses = professional.Email is { } email ? new[] { email.ToLowerInvariant() } : [];
        await ForgetProfessionalAsync(professional, Guid.Empty, now, cancellationToken);
        await ForgetMailAsync(addresses, names, cancellationToken);
        db.ErasureRequests.Add(new ErasureRequest
        {
            // No account asked: the empty id says so in the register of requests.
            UserId = Guid.Empty, ProfessionalId = professional.Id,
            Reason = (reason.TrimmedOrNull() is { } given ? given[..Math.Min(given.Length, 1000)] : null) ?? "Fiche importée, sans compte : demande transmise à la coordination",
            RequestedAt = now, CompletedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task ForgetProfessionalAsync(Professional professional, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Anonymise(professional, now);
        // What the person wrote in their applications is theirs too; the amounts and statuses stay for the accounts.
        await db.MembershipEvents.Where(e => e.ByUserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ByName, Anonymous).SetProperty(e => e.ByUserId, (Guid?)null).SetProperty(e => e.Details, (string?)null), cancellationToken);
        // The import's report keeps its count, not who the line was.
        await db.SpreadsheetImportLines.Where(l => l.ProfessionalId == professional.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Name, Anonymous).SetProperty(l => l.Details, "Fiche effacée à la demande de la personne").SetProperty(l => l.ProfessionalId, (Guid?)null), cancellationToken);
        await db.TrainingTrainers.Where(t => t.ProfessionalId == professional.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Name, Anonymous).SetProperty(t => t.ProfessionalId, (Guid?)null), cancellationToken);
        // Slots still offered are withdrawn; past ones stay for the indicators, without the practice's address.
        await db.SnpSlots.Where(s => s.ProfessionalId == professional.Id && s.Status == SnpSlotStatus.Open && s.StartsAt > now).ExecuteDeleteAsync(cancellationToken);
        await db.SnpSlots.Where(s => s.ProfessionalId == professional.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.Place, "Lieu effacé"), cancellationToken);
        var today = DateOnly.FromDateTime(now.ToParis().DateTime);
        await db.ShiftSignups.Where(s => s.ProfessionalId == professional.Id && s.CancelledAt == null && s.Shift!.Date >= today)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.CancelledAt, now), cancellationToken);
    }

    /// <summary>The person's name, wherever a journal wrote it down: by their id where the journal kept it, by the name itself elsewhere.</summary>
    private async Task ForgetNamesAsync(Guid userId, string[] names, CancellationToken cancellationToken)
    {
        await db.ActionComments.Where(c => c.AuthorId == userId).ExecuteUpdateAsync(set => set.SetProperty(c => c.AuthorName, Anonymous).SetProperty(c => c.AuthorId, (Guid?)null), cancellationToken);
        await db.SpreadsheetImports.Where(i => i.CreatedById == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.CreatedByName, Anonymous).SetProperty(i => i.CreatedById, (Guid?)null), cancellationToken);
        await db.SpreadsheetImports.Where(i => i.CommittedByName != null && names.Contains(i.CommittedByName))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.CommittedByName, Anonymous), cancellationToken);
        await db.SettingsVersions.Where(v => v.ChangedById == userId).ExecuteUpdateAsync(set => set.SetProperty(v => v.ChangedByName, Anonymous).SetProperty(v => v.ChangedById, (Guid?)null), cancellationToken);
        await db.StatutesVersions.Where(v => names.Contains(v.UploadedByName)).ExecuteUpdateAsync(set => set.SetProperty(v => v.UploadedByName, Anonymous), cancellationToken);
        await db.ActionChanges.Where(c => c.ByUserId == userId).ExecuteUpdateAsync(set => set.SetProperty(c => c.ByName, Anonymous).SetProperty(c => c.ByUserId, (Guid?)null), cancellationToken);
        await db.Measurements.Where(m => m.EnteredById == userId).ExecuteUpdateAsync(set => set.SetProperty(m => m.EnteredByName, Anonymous).SetProperty(m => m.EnteredById, (Guid?)null), cancellationToken);
        await db.Campaigns.Where(c => c.AuthorId == userId).ExecuteUpdateAsync(set => set.SetProperty(c => c.AuthorName, Anonymous).SetProperty(c => c.AuthorId, (Guid?)null), cancellationToken);
        await db.CampaignApprovals.Where(a => a.UserId == userId).ExecuteUpdateAsync(set => set.SetProperty(a => a.Name, Anonymous), cancellationToken);
        await db.MeetingTasks.Where(t => t.AssigneeId == userId).ExecuteUpdateAsync(set => set.SetProperty(t => t.AssigneeName, Anonymous).SetProperty(t => t.AssigneeId, (Guid?)null), cancellationToken);
        if (names.Length == 0)
        {
            return;
        }
        foreach (var (table, column) in NameJournals)
        {
            // Table and column names come from the list above, never from input.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"UPDATE {table} SET {column} = {{0}} WHERE {column} = ANY({{1}})", [Anonymous, names], cancellationToken);
#pragma warning restore EF1002
        }
    }

    /// <summary>The mail the portal sent the person keeps its status for the campaigns' figures, not the address, name or message.</summary>
    private async Task ForgetMailAsync(string[] addresses, string[] names, CancellationToken cancellationToken)
    {
        // Notices about the person sent to someone else (the contact form's mail to the CPTS) name them in their message.
        var needles = addresses.Concat(names).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        foreach (var needle in needles)
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE outbox_messages SET mime = NULL, subject = 'Message effacé'
                WHERE campaign_id IS NULL AND mime IS NOT NULL AND position({needle} in mime) > 0
                """, cancellationToken);
        }
        foreach (var name in names)
        {
            await db.OutboxMessages.Where(m => m.CampaignId == null && m.Subject != null && m.Subject.Contains(name))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.Subject, "Message effacé").SetProperty(m => m.Mime, (byte[]?)null), cancellationToken);
        }
        if (addresses.Length == 0)
        {
            return;
        }
        await db.Database.ExecuteSqlAsync($"""
            UPDATE outbox_messages SET to_address = 'effacee-' || id || '@effacement.invalid', to_name = {Anonymous}, first_name = NULL, mime = NULL,
                last_error = NULL
            WHERE lower(to_address) = ANY({addresses})
            """, cancellationToken);
        await db.MailSubscribers.Where(s => addresses.Contains(s.Address)).ExecuteDeleteAsync(cancellationToken);
        await db.Invitations.Where(i => addresses.Contains(i.Email)).ExecuteDeleteAsync(cancellationToken);
        await db.ContactMessages.Where(m => addresses.Contains(m.Email.ToLower())).ExecuteDeleteAsync(cancellationToken);
        await db.PublicRegistrations.Where(r => addresses.Contains(r.Email)).ExecuteDeleteAsync(cancellationToken);
    }

    public static void Anonymise(Professional professional, DateTimeOffset now)
    {
        professional.FirstName = "Personne";
        professional.LastName = "anonymisée";
        professional.Civility = Civility.None;
        professional.Specialty = null;
        professional.Rpps = null;
        professional.RppsVerifiedAt = null;
        professional.Adeli = null;
        professional.Email = null;
        professional.SecureMailAddress = null;
        professional.WebsiteUrl = null;
        professional.Languages = [];
        professional.ListedInPublicDirectory = false;
        professional.AcceptsNewPatients = false;
        professional.OffersUnscheduledCare = false;
        professional.PracticeSites.Clear();
        professional.Organisations.Clear();
        professional.AnonymisedAt = now;
    }
}
