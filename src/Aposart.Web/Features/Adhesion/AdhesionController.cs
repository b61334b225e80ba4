using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Adhesion;

[Authorize, Route(AdhesionLinks.Index)]
public sealed class AdhesionController(AposartDbContext db, UserManager<AppUser> users, TimeProvider clock, MembershipDocuments documents) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var professional = await MyProfessionalAsync(cancellationToken);
        return professional is null
            ? View("NoProfile")
            : View(await PageAsync(professional, new AdhesionInput(), cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> Apply([Bind(Prefix = nameof(AdhesionPage.Input))] AdhesionInput input, CancellationToken cancellationToken)
    {
        var professional = await MyProfessionalAsync(cancellationToken);
        if (professional is null)
        {
            return View("NoProfile");
        }
        var year = await TargetYearAsync(professional.Id, cancellationToken);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.ProfessionalId == professional.Id && m.Year == year, cancellationToken);
        // A second click or a second tab finds the application already made: nothing new is created.
        if (membership is not null && membership.Status is not (MembershipStatus.Draft or MembershipStatus.InformationRequested))
        {
            return RedirectToAction(nameof(Index));
        }
        var statutes = await CurrentStatutesAsync(cancellationToken);
        if (statutes is null)
        {
            ModelState.AddModelError("", "Les adhésions en ligne ouvrent dès que la CPTS a publié ses statuts.");
        }
        else if (input.AcceptStatutes && input.StatutesVersionId != statutes.Id)
        {
            ModelState.AddModelError($"{nameof(AdhesionPage.Input)}.{nameof(input.AcceptStatutes)}", "Les statuts ont changé depuis l'ouverture de la page : lisez la nouvelle version et acceptez-la.");
        }
        if (input.CollegeId is { } collegeId && !await db.Colleges.AnyAsync(c => c.Id == collegeId, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(AdhesionPage.Input)}.{nameof(input.CollegeId)}", "Choisissez un collège de la liste.");
        }
        var fee = input.FeeCategory is { } category ? await db.MembershipFees.FindAsync([year, category], cancellationToken) : null;
        if (input.FeeCategory is not null && fee is null)
        {
            ModelState.AddModelError($"{nameof(AdhesionPage.Input)}.{nameof(input.FeeCategory)}", $"La cotisation {year} n'est pas encore fixée : écrivez à la coordination.");
        }
        if (!ModelState.IsValid)
        {
            return View("Index", await PageAsync(professional, input, cancellationToken));
        }

        var now = clock.GetUtcNow();
        var user = await users.GetUserAsync(User);
        var resubmission = membership is not null;
        if (membership is null)
        {
            membership = new Membership { Id = Guid.CreateVersion7(), ProfessionalId = professional.Id, Year = year, Status = MembershipStatus.Draft };
            db.Memberships.Add(membership);
        }
        membership.CollegeId = input.CollegeId!.Value;
        membership.FeeCategory = input.FeeCategory!.Value;
        membership.FeeAmount = fee!.Amount;
        membership.IntendedPaymentMethod = input.PaymentMethod!.Value;
        membership.StatutesVersionId = statutes!.Id;
        membership.StatutesAcceptedAt = now;
        membership.SubmittedAt = now;
        MembershipHistory.Record(db, membership, now, user, resubmission ? "Demande complétée" : "Demande d'adhésion envoyée",
            MembershipStatus.PendingValidation, string.IsNullOrWhiteSpace(input.Comment) ? $"Statuts acceptés : {statutes.Label}" : input.Comment.Trim());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same application, sent twice at the same instant: the first one stands.
            return RedirectToAction(nameof(Index));
        }
        TempData["Message"] = "Votre demande d'adhésion a été transmise au bureau.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet(AdhesionLinks.ReceiptRoute)]
    public async Task<IActionResult> Receipt(Guid paymentId, CancellationToken cancellationToken)
    {
        var professional = await MyProfessionalAsync(cancellationToken);
        // Only a payer of one's own membership: another member's receipt id answers 404, as if it did not exist.
        var payment = professional is null ? null : await db.Payments.AsNoTracking()
            .Include(p => p.Allocations).ThenInclude(a => a.Membership).ThenInclude(m => m!.Professional)
            .SingleOrDefaultAsync(p => p.Id == paymentId && p.Allocations.Any(a => a.Membership!.ProfessionalId == professional.Id), cancellationToken);
        return payment is null ? NotFound() : File(documents.Receipt(payment), "application/pdf", $"recu-{payment.ReceiptNumber}.pdf");
    }

    [HttpGet(AdhesionLinks.CertificateRoute)]
    public async Task<IActionResult> Certificate(Guid membershipId, CancellationToken cancellationToken)
    {
        var professional = await MyProfessionalAsync(cancellationToken);
        var membership = professional is null ? null : await db.Memberships.AsNoTracking()
            .Include(m => m.College).Include(m => m.Professional).ThenInclude(p => p!.PracticeSites)
            .SingleOrDefaultAsync(m => m.Id == membershipId && m.ProfessionalId == professional.Id && m.CertificateNumber != null, cancellationToken);
        return membership is null ? NotFound() : File(documents.Certificate(membership), "application/pdf", $"attestation-{membership.CertificateNumber}.pdf");
    }

    /// <summary>
    /// The civil year an application is for: the current one, except in the renewal window at the end of the year
    /// once the current year is settled (a membership in force or ended), when members renew for the next one. An
    /// application still waiting for the bureau is not settled: its page must keep showing it.
    /// </summary>
    private async Task<int> TargetYearAsync(Guid professionalId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime);
        var year = today.Year;
        if (today < RenewalReminders.RenewalOpens(year))
        {
            return year;
        }
        var status = await db.Memberships.Where(m => m.ProfessionalId == professionalId && m.Year == year)
            .Select(m => (MembershipStatus?)m.Status).SingleOrDefaultAsync(cancellationToken);
        return status is { } current && (current.IsActive() || current is MembershipStatus.Terminated or MembershipStatus.Rejected) ? year + 1 : year;
    }

    /// <summary>The statutes in force: the latest adopted version; none on a new portal until the bureau publishes them.</summary>
    /// <remarks>The PDF itself stays in the database: the page only links to it.</remarks>
    private Task<CurrentStatutes?> CurrentStatutesAsync(CancellationToken cancellationToken) =>
        db.StatutesVersions.AsNoTracking().Where(s => s.Kind == StatutesKind.Statutes)
            .OrderByDescending(s => s.AdoptedOn).ThenByDescending(s => s.Id)
            .Select(s => new CurrentStatutes(s.Id, s.Label, s.Pdf == null ? s.Text : "", s.Pdf != null))
            .FirstOrDefaultAsync(cancellationToken);

    private Task<Professional?> MyProfessionalAsync(CancellationToken cancellationToken) => db.Professionals.AsNoTracking().OfUserAsync(User, cancellationToken);

    private async Task<AdhesionPage> PageAsync(Professional professional, AdhesionInput input, CancellationToken cancellationToken)
    {
        var year = await TargetYearAsync(professional.Id, cancellationToken);
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.ProfessionalId == professional.Id)
            .Include(m => m.College).Include(m => m.Allocations).ThenInclude(a => a.Payment)
            .OrderByDescending(m => m.Year)
            .ToListAsync(cancellationToken);
        var statutes = await CurrentStatutesAsync(cancellationToken);
        var colleges = await db.Colleges.AsNoTracking().OrderBy(c => c.SortOrder)
            .Select(c => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(c.Name, c.Id.ToString())).ToListAsync(cancellationToken);
        colleges.Insert(0, new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem("Choisissez…", ""));
        var fees = await db.MembershipFees.AsNoTracking().Where(f => f.Year == year).ToListAsync(cancellationToken);
        input.StatutesVersionId = statutes?.Id ?? 0;
        var current = memberships.FirstOrDefault(m => m.Year == year);
        if (current is not null && input.CollegeId is null)
        {
            input.CollegeId = current.CollegeId;
            input.FeeCategory = current.FeeCategory;
            input.PaymentMethod = current.IntendedPaymentMethod;
        }
        // Renewing in December: the membership in force this year stays in sight above next year's.
        var inForce = year > DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime).Year ? memberships.FirstOrDefault(m => m.Year == year - 1) : null;
        return new AdhesionPage(professional, year, current, inForce, memberships, statutes, colleges, fees, input);
    }
}

/// <summary>The statutes an applicant accepts: their text, or a link to their PDF.</summary>
public sealed record CurrentStatutes(int Id, string Label, string Text, bool HasPdf);

public sealed record AdhesionPage(
    Professional Professional, int Year, Membership? Current, Membership? InForce, IReadOnlyList<Membership> Memberships, CurrentStatutes? Statutes,
    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Colleges, IReadOnlyList<MembershipFee> Fees, AdhesionInput Input)
{
    public bool CanApply => Statutes is not null && (Current is null || Current.Status is MembershipStatus.Draft or MembershipStatus.InformationRequested);
}

/// <summary>One membership's status block; the page shows two in the renewal window (this year's and next year's).</summary>
public sealed record MembershipStatusView(Membership Membership, string StatusId);
