using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.MyData;

/// <summary>RGPD self-service: a copy of everything the portal holds on me, and the right to be forgotten.</summary>
[Authorize]
public sealed class MyDataController(AposartDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock,
    ILogger<MyDataController> logger, Features.Trainings.TrainingRegistrar registrar) : Controller
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    [HttpGet("/espace/mes-donnees")]
    public IActionResult Index() => View(new ErasureInput());

    [HttpGet("/espace/mes-donnees/export.json")]
    public async Task<IActionResult> Export(CancellationToken cancellationToken)
    {
        var user = (await users.GetUserAsync(User))!;
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
            },
            professional = professional is null ? null : new
            {
                civility = professional.Civility switch { Civility.Doctor => "Dr", Civility.Madam => "Mme", Civility.Sir => "M.", _ => "" },
                professional.FirstName,
                professional.LastName,
                profession = professional.Profession.Label(),
                professional.Specialty,
                professional.Rpps,
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
            },
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(export, JsonOptions);
        return File(json, "application/json", $"mes-donnees-{clock.GetUtcNow().ToParis():yyyy-MM-dd}.json");
    }

    [HttpPost("/espace/mes-donnees/effacement")]
    public async Task<IActionResult> Erase([Bind(Prefix = "")] ErasureInput input, CancellationToken cancellationToken)
    {
        var user = (await users.GetUserAsync(User))!;
        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, input.Password ?? ""))
        {
            ModelState.AddModelError(nameof(input.Password), "Mot de passe incorrect.");
        }
        if (!ModelState.IsValid)
        {
            input.Password = null;
            return View(nameof(Index), input);
        }

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
        if (professional is not null)
        {
            Anonymise(professional, now);
            // What the person wrote in their applications is theirs too; the amounts and statuses stay for the accounts.
            var own = await db.MembershipEvents.Where(e => e.ByUserId == user.Id).ToListAsync(cancellationToken);
            foreach (var e in own)
            {
                e.ByName = "Personne anonymisée";
                e.ByUserId = null;
                e.Details = null;
            }
            await db.TrainingTrainers.Where(t => t.ProfessionalId == professional.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Name, "Personne anonymisée").SetProperty(t => t.ProfessionalId, (Guid?)null), cancellationToken);
        }
        db.ErasureRequests.Add(new ErasureRequest
        {
            UserId = user.Id,
            ProfessionalId = professional?.Id,
            Reason = input.Reason.TrimmedOrNull(),
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
        logger.LogInformation("Erasure completed for account {UserId}", user.Id);
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Erased));
    }

    [AllowAnonymous, HttpGet("/espace/mes-donnees/efface")]
    public IActionResult Erased() => View();

    public static void Anonymise(Professional professional, DateTimeOffset now)
    {
        professional.FirstName = "Personne";
        professional.LastName = "anonymisée";
        professional.Civility = Civility.None;
        professional.Specialty = null;
        professional.Rpps = null;
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

public sealed class ErasureInput
{
    [Display(Name = "Mot de passe (pour confirmer)")]
    [Required(ErrorMessage = "Saisissez votre mot de passe pour confirmer l'effacement.")]
    public string? Password { get; set; }

    [Display(Name = "Motif (facultatif)")]
    [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    [Display(Name = "Je comprends que mon compte et ma fiche seront effacés définitivement")]
    [Range(typeof(bool), "true", "true", ErrorMessage = "Cochez la case pour confirmer.")]
    public bool Confirm { get; set; }
}
