using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Adhesion;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Decision = Aposart.Web.Features.Memberships.MembershipWorkflow.Decision;

namespace Aposart.Web.Features.Memberships;

[Authorize(Roles = Roles.BoardOrCoordinator)]
public sealed class MembershipsController(AposartDbContext db, UserManager<AppUser> users, MembershipWorkflow workflow, PaymentRecorder recorder,
    TimeProvider clock) : Controller
{
    private const int PageSize = 25;

    [HttpGet(MembershipsLinks.Queue)]
    public async Task<IActionResult> Queue(int page = 1, CancellationToken cancellationToken = default)
    {
        var query = db.Memberships.AsNoTracking()
            .Where(m => m.Status == MembershipStatus.PendingValidation || m.Status == MembershipStatus.InformationRequested
                        || m.Status == MembershipStatus.ApprovedFeeDue);
        var paged = await query.Include(m => m.Professional).Include(m => m.College)
            .OrderBy(m => m.Status).ThenBy(m => m.SubmittedAt).ThenBy(m => m.Id)
            .PageAsync(page, PageSize, cancellationToken);
        return View(new QueuePage(paged.Rows, paged.Total, paged.Pager(MembershipsLinks.Queue)));
    }

    [HttpGet(MembershipsLinks.DetailsRoute)]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var membership = await LoadAsync(id, tracking: false, cancellationToken);
        return membership is null ? NotFound() : View(membership);
    }

    [HttpPost(MembershipsLinks.ApproveRoute)]
    public Task<IActionResult> Approve(Guid id, DecisionInput input, CancellationToken cancellationToken) => DecideAsync(id, input, Decision.Approve, cancellationToken);

    [HttpPost(MembershipsLinks.RejectRoute)]
    public Task<IActionResult> Reject(Guid id, DecisionInput input, CancellationToken cancellationToken) => DecideAsync(id, input, Decision.Reject, cancellationToken);

    [HttpPost(MembershipsLinks.RequestInformationRoute)]
    public Task<IActionResult> RequestInformation(Guid id, DecisionInput input, CancellationToken cancellationToken) =>
        DecideAsync(id, input, Decision.RequestInformation, cancellationToken);

    [HttpPost(MembershipsLinks.ExemptRoute)]
    public Task<IActionResult> Exempt(Guid id, DecisionInput input, CancellationToken cancellationToken) => DecideAsync(id, input, Decision.Exempt, cancellationToken);

    [HttpPost(MembershipsLinks.TerminateRoute)]
    public Task<IActionResult> Terminate(Guid id, DecisionInput input, CancellationToken cancellationToken) => DecideAsync(id, input, Decision.Terminate, cancellationToken);

    [HttpGet(MembershipsLinks.NewPayment)]
    public async Task<IActionResult> NewPayment(Guid? adhesion, CancellationToken cancellationToken)
    {
        var input = new PaymentInput { FormId = Guid.NewGuid(), PaidOn = DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime) };
        if (adhesion is { } id)
        {
            input.MembershipIds.Add(id);
            var fee = await db.Memberships.Where(m => m.Id == id).Select(m => (decimal?)(m.FeeAmount - m.Allocations.Sum(a => a.Amount))).SingleOrDefaultAsync(cancellationToken);
            input.Amount = fee;
        }
        return View(await PaymentPageAsync(input, cancellationToken));
    }

    [HttpPost(MembershipsLinks.NewPayment)]
    public async Task<IActionResult> NewPayment([Bind(Prefix = nameof(PaymentPage.Input))] PaymentInput input, CancellationToken cancellationToken)
    {
        if (input.FormId == Guid.Empty)
        {
            input.FormId = Guid.NewGuid();
        }
        if (await db.Payments.AnyAsync(p => p.Id == input.FormId, cancellationToken))
        {
            // The same form sent again (double click, back button): the payment is already recorded.
            return Redirect(MembershipsLinks.Payment(input.FormId));
        }
        var memberships = await db.Memberships.Include(m => m.Professional).Include(m => m.Allocations)
            .Where(m => input.MembershipIds.Contains(m.Id)).ToListAsync(cancellationToken);
        const string membershipsKey = $"{nameof(PaymentPage.Input)}.{nameof(PaymentInput.MembershipIds)}";
        if (input.MembershipIds.Count == 0 || memberships.Count != input.MembershipIds.Distinct().Count())
        {
            ModelState.AddModelError(membershipsKey, "Cochez le ou les adhérents que ce paiement couvre.");
        }
        else if (memberships.Any(m => m.Status is not (MembershipStatus.ApprovedFeeDue or MembershipStatus.Late) || m.AmountPaid >= m.FeeAmount))
        {
            ModelState.AddModelError(membershipsKey, "Seules les adhésions validées dont la cotisation reste due peuvent recevoir un paiement.");
        }
        var due = memberships.Sum(m => m.FeeAmount - m.AmountPaid);
        if (ModelState.IsValid && input.Amount != due)
        {
            ModelState.AddModelError($"{nameof(PaymentPage.Input)}.{nameof(PaymentInput.Amount)}",
                $"Le montant ({input.Amount.ToEuros()}) ne correspond pas au total dû par les adhérents cochés ({due.ToEuros()}).");
        }
        if (!ModelState.IsValid)
        {
            return View(await PaymentPageAsync(input, cancellationToken));
        }

        switch (await recorder.RecordAsync(input, memberships, (await users.GetUserAsync(User))!, cancellationToken))
        {
            case PaymentRecorder.Recorded recorded:
                TempData["Message"] = $"Paiement enregistré : reçu {recorded.Payment.ReceiptNumber}.";
                return Redirect(MembershipsLinks.Payment(recorded.Payment.Id));
            case PaymentRecorder.Changed changed:
                // Someone else changed a membership of this form meanwhile: nothing is recorded, the form keeps what was typed.
                ModelState.AddModelError(membershipsKey, "Rien n'a été enregistré : une adhésion a changé entre-temps. " + string.Join(" ", changed.Differences));
                return View(await PaymentPageAsync(input, cancellationToken));
            default:
                return Redirect(MembershipsLinks.Payment(input.FormId));
        }
    }

    [HttpGet(MembershipsLinks.PaymentRoute)]
    public async Task<IActionResult> Payment(Guid id, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking()
            .Include(p => p.Allocations).ThenInclude(a => a.Membership).ThenInclude(m => m!.Professional)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return payment is null ? NotFound() : View(payment);
    }

    [HttpGet(MembershipsLinks.PaymentReceiptRoute)]
    public async Task<IActionResult> PaymentReceipt(Guid id, [FromServices] MembershipDocuments documents, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking()
            .Include(p => p.Allocations).ThenInclude(a => a.Membership).ThenInclude(m => m!.Professional)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return payment is null ? NotFound() : File(documents.Receipt(payment), "application/pdf", $"recu-{payment.ReceiptNumber}.pdf");
    }

    private async Task<IActionResult> DecideAsync(Guid id, DecisionInput input, Decision decision, CancellationToken cancellationToken)
    {
        var membership = await LoadAsync(id, tracking: true, cancellationToken);
        if (membership is null)
        {
            return NotFound();
        }
        if (membership.Version != input.Version || !MembershipWorkflow.IsAllowed(decision, membership.Status))
        {
            TempData["Error"] = $"Cette adhésion a changé entre-temps (statut actuel : {membership.Status.Label()}). Vérifiez l'historique avant de décider.";
            return RedirectToAction(nameof(Details), new { id });
        }
        if (MembershipWorkflow.NeedsMessage(decision) && string.IsNullOrWhiteSpace(input.Message))
        {
            ModelState.AddModelError(nameof(input.Message), "Indiquez le motif : il est envoyé au professionnel.");
            ViewData["Decision"] = decision;
            return View(nameof(Details), membership);
        }
        var by = (await users.GetUserAsync(User))!;
        try
        {
            await workflow.ApplyAsync(membership, decision, input.Message?.Trim(), by, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = "Un autre membre du bureau vient de décider pour cette adhésion. Vérifiez l'historique.";
            return RedirectToAction(nameof(Details), new { id });
        }
        TempData["Message"] = $"Décision enregistrée : {membership.Status.Label()}.";
        return RedirectToAction(nameof(Details), new { id });
    }

    private Task<Membership?> LoadAsync(Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Memberships.Include(m => m.Professional).ThenInclude(p => p!.PracticeSites)
            .Include(m => m.College).Include(m => m.StatutesVersion)
            .Include(m => m.Allocations).ThenInclude(a => a.Payment)
            .Include(m => m.Events.OrderByDescending(e => e.At))
            .AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    private async Task<PaymentPage> PaymentPageAsync(PaymentInput input, CancellationToken cancellationToken)
    {
        var due = await db.Memberships.AsNoTracking()
            .Where(m => (m.Status == MembershipStatus.ApprovedFeeDue || m.Status == MembershipStatus.Late) || input.MembershipIds.Contains(m.Id))
            .Include(m => m.Professional).Include(m => m.Allocations)
            .OrderBy(m => m.Professional!.LastName).ThenBy(m => m.Professional!.FirstName)
            .ToListAsync(cancellationToken);
        return new PaymentPage(input, due);
    }
}

public sealed record QueuePage(IReadOnlyList<Membership> Rows, int Total, PagerModel Pager);

public sealed record PaymentPage(PaymentInput Input, IReadOnlyList<Membership> DueMemberships);
