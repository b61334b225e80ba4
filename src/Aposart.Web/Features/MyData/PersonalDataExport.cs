using System.Text.Json;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.MyData;

/// <summary>
/// Everything the portal holds on one person, as JSON: account, directory record, memberships and payments, trainings,
/// compensation, same-day slots, vaccination shifts, comments on fiches, and the mail the portal sent them (with their
/// preferences) and the contact messages they sent. <c>PersonalDataTests</c> checks it against the list of tables.
/// </summary>
public sealed class PersonalDataExport(AposartDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public async Task<byte[]> ExportAsync(AppUser user, CancellationToken cancellationToken)
    {
        var professional = await db.Professionals.AsNoTracking()
            .Include(p => p.PracticeSites).Include(p => p.Organisations)
            .Include(p => p.Memberships).ThenInclude(m => m.College)
            .Include(p => p.Memberships).ThenInclude(m => m.StatutesVersion)
            .Include(p => p.Memberships).ThenInclude(m => m.Events)
            .Include(p => p.Memberships).ThenInclude(m => m.Allocations).ThenInclude(a => a.Payment)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);
        // Guid.Empty matches nobody: without a directory record these lists are empty.
        var professionalId = professional?.Id ?? Guid.Empty;
        var trainings = await db.TrainingRegistrations.AsNoTracking().Where(r => r.ProfessionalId == professionalId)
            .OrderBy(r => r.RegisteredAt).Select(r => new
            {
                r.Training!.Title,
                firstSession = r.Training.Sessions.Min(s => (DateTimeOffset?)s.StartsAt),
                status = r.Status.Label(),
                r.RegisteredAt,
                r.CancelledAt,
                presentAt = r.Training.Sessions.Where(s => s.Attendance.Any(a => a.ProfessionalId == professionalId && a.Present)).Select(s => s.StartsAt).ToList(),
                surveyAnswered = r.SurveyAnsweredAt != null,
            }).ToListAsync(cancellationToken);
        var topicsProposed = await db.TopicSuggestions.AsNoTracking().Where(t => t.ProposedById == professionalId)
            .Select(t => new { t.Title, t.Details, t.CreatedAt }).ToListAsync(cancellationToken);
        var topicsVoted = await db.TopicVotes.AsNoTracking().Where(v => v.ProfessionalId == professionalId)
            .Join(db.TopicSuggestions, v => v.TopicSuggestionId, t => t.Id, (v, t) => new { t.Title, v.At }).ToListAsync(cancellationToken);
        var compensation = await db.CompensationEntries.AsNoTracking().Where(e => e.ProfessionalId == professionalId).OrderBy(e => e.Date)
            .Select(e => new { e.Date, fiche = e.ActionSheet!.Title, kind = e.Kind.Label(), e.Quantity, e.Rate, e.Amount, e.Description, status = e.Status.Label(), e.DecidedAt, e.DecisionNote })
            .ToListAsync(cancellationToken);
        var imports = await db.SpreadsheetImportLines.AsNoTracking().Where(l => l.ProfessionalId == professionalId).OrderBy(l => l.Id)
            .Select(l => new { file = db.SpreadsheetImports.Where(i => i.Id == l.ImportId).Select(i => i.FileName).First(), line = l.RowNumber, outcome = l.Outcome.ToString(), l.Details })
            .ToListAsync(cancellationToken);
        var addresses = PersonAddresses.Of(user, professional);
        var mails = await db.OutboxMessages.AsNoTracking().Where(m => addresses.Contains(m.ToAddress.ToLower())).OrderBy(m => m.CreatedAt)
            .Select(m => new
            {
                to = m.ToAddress,
                subject = m.Subject ?? db.Campaigns.Where(c => c.Id == m.CampaignId).Select(c => c.Subject).FirstOrDefault(),
                status = m.Status.ToString(),
                m.CreatedAt,
                m.SentAt,
            }).ToListAsync(cancellationToken);
        var mailPreferences = await db.MailSubscribers.AsNoTracking().Where(s => addresses.Contains(s.Address))
            .Select(s => new { s.Address, s.QuarterlyLetter, s.Flashmails, s.TrainingAnnouncements, s.UnsubscribedAt, s.BouncedAt, s.BounceReason })
            .ToListAsync(cancellationToken);
        var contactMessages = await db.ContactMessages.AsNoTracking().Where(m => addresses.Contains(m.Email.ToLower())).OrderBy(m => m.ReceivedAt)
            .Select(m => new { m.Name, m.Email, m.Phone, m.Subject, m.Body, m.ReceivedAt }).ToListAsync(cancellationToken);
        var ficheComments = await db.ActionComments.AsNoTracking().Where(c => c.AuthorId == user.Id).OrderBy(c => c.At)
            .Select(c => new { fiche = db.ActionSheets.Where(a => a.Id == c.ActionSheetId).Select(a => a.Title).FirstOrDefault(), c.Text, c.At })
            .ToListAsync(cancellationToken);
        var snpSlots = await db.SnpSlots.AsNoTracking().Where(s => s.ProfessionalId == professionalId).OrderBy(s => s.StartsAt)
            .Select(s => new { s.StartsAt, s.DurationMinutes, s.Place, status = s.Status.ToString(), s.GivenAt, s.GivenReference }).ToListAsync(cancellationToken);
        var shifts = await db.ShiftSignups.AsNoTracking().Where(s => s.ProfessionalId == professionalId).OrderBy(s => s.Shift!.Date)
            .Select(s => new { centre = s.Shift!.Centre!.Name, s.Shift.Date, s.Shift.Starts, s.Shift.Ends, role = s.Shift.Role.ToString(), s.SignedAt, s.CancelledAt })
            .ToListAsync(cancellationToken);
        var export = new
        {
            exportedAt = clock.GetUtcNow(),
            account = new
            {
                email = user.Email,
                emailConfirmed = user.EmailConfirmed,
                firstName = user.FirstName,
                lastName = user.LastName,
                twoFactorEnabled = user.TwoFactorEnabled,
                createdAt = user.CreatedAt,
                roles = await users.GetRolesAsync(user),
                // The identifiers the account is linked to at outside providers (Pro Santé Connect's subject).
                linkedSignIns = (await users.GetLoginsAsync(user)).Select(l => new { provider = l.ProviderDisplayName ?? l.LoginProvider, subject = l.ProviderKey }),
                // Convocations, answers, proxies and presence; never the votes, which are secret.
                meetings = await db.MeetingInvitees.AsNoTracking().Where(i => i.UserId == user.Id).OrderBy(i => i.Meeting!.StartsAt)
                    .Select(i => new { i.Meeting!.Title, i.Meeting.StartsAt, i.Name, i.Email, i.CollegeName, answer = i.Answer.ToString(), i.AnsweredAt, i.Present })
                    .ToListAsync(cancellationToken),
                meetingTasks = await db.MeetingTasks.AsNoTracking().Where(t => t.AssigneeId == user.Id).OrderBy(t => t.CreatedAt)
                    .Select(t => new { meeting = t.Meeting!.Title, t.What, t.AssigneeName, t.DueOn, t.DoneAt }).ToListAsync(cancellationToken),
                workingGroups = await db.WorkingGroupMembers.AsNoTracking().Where(m => m.UserId == user.Id).OrderBy(m => m.RequestedAt)
                    .Select(m => new { group = m.Group!.Name, status = m.Status.ToString(), m.IsLead, m.RequestedAt, m.AcceptedAt }).ToListAsync(cancellationToken),
                publicRegistrations = await db.PublicRegistrations.AsNoTracking().Where(r => addresses.Contains(r.Email)).OrderBy(r => r.CreatedAt)
                    .Select(r => new { meeting = r.Meeting!.Title, r.Name, r.Email, profession = r.Profession.ToString(), status = r.Status.ToString(), r.CreatedAt })
                    .ToListAsync(cancellationToken),
                candidacies = await db.Candidates.AsNoTracking().Where(c => c.Invitee!.UserId == user.Id)
                    .Join(db.Resolutions, c => c.ResolutionId, r => r.Id, (c, r) => new { meeting = r.Meeting!.Title, election = r.Title, c.Name, c.Votes, c.Elected })
                    .ToListAsync(cancellationToken),
                bureauMandates = await db.BureauMandates.AsNoTracking().Where(m => m.UserId == user.Id).OrderBy(m => m.StartsOn)
                    .Select(m => new { m.Title, m.StartsOn, m.EndsOn, m.PublicConsent, m.ClosedAt }).ToListAsync(cancellationToken),
            },
            professional = professional is null ? null : new
            {
                civility = professional.Civility switch { Civility.Doctor => "Dr", Civility.Madam => "Mme", Civility.Sir => "M.", _ => "" },
                professional.FirstName,
                professional.LastName,
                profession = professional.Profession.Label(),
                professional.Specialty,
                professional.Rpps,
                rppsVerifiedByProSanteConnectAt = professional.RppsVerifiedAt,
                professional.Adeli,
                professional.Email,
                emailVisibility = professional.EmailVisibility.Label(),
                professional.SecureMailAddress,
                secureMailVisibility = professional.SecureMailVisibility.Label(),
                professional.WebsiteUrl,
                websiteVisibility = professional.WebsiteVisibility.Label(),
                addressVisibility = professional.AddressVisibility.Label(),
                phoneVisibility = professional.PhoneVisibility.Label(),
                professional.ListedInPublicDirectory,
                professional.AcceptsNewPatients,
                professional.OffersUnscheduledCare,
                professional.Languages,
                professional.MemberSince,
                practiceSites = professional.PracticeSites.OrderBy(s => s.SortOrder).Select(s => new { s.Name, s.AddressLine, s.Postcode, s.City, s.Phone }),
                structures = professional.Organisations.Select(o => o.Name),
                memberships = professional.Memberships.OrderBy(m => m.Year).Select(m => new
                {
                    m.Year,
                    status = m.Status.Label(),
                    college = m.College?.Name,
                    feeCategory = m.FeeCategory.Label(),
                    m.FeeAmount,
                    intendedPaymentMethod = m.IntendedPaymentMethod.Label(),
                    statutesAccepted = m.StatutesVersion?.Label,
                    m.StatutesAcceptedAt,
                    m.StatusReason,
                    m.CertificateNumber,
                    payments = m.Allocations.Select(a => new { a.Payment!.ReceiptNumber, a.Payment.PaidOn, a.Amount, method = a.Payment.Method.Label() }),
                    history = m.Events.OrderBy(e => e.At).Select(e => new { e.At, e.Action, from = e.FromStatus?.Label(), to = e.ToStatus?.Label(), e.Details }),
                }),
                trainings,
                trainingTopicsProposed = topicsProposed,
                trainingTopicsVoted = topicsVoted,
                compensation,
                spreadsheetImports = imports,
                snpSlots,
                vaccinationShifts = shifts,
            },
            ficheComments,
            mails,
            mailPreferences,
            contactMessages,
        };
        return JsonSerializer.SerializeToUtf8Bytes(export, JsonOptions);
    }
}
