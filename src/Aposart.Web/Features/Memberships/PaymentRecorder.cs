using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Adhesion;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Memberships;

/// <summary>
/// Records one payment covering one or several memberships: the receipt number, the allocations, each membership brought
/// up to date with its certificate number, all in one transaction. When a membership changed between the form and the save
/// (another payment, a decision of the bureau), nothing is recorded and the caller gets what changed, in French.
/// </summary>
public sealed class PaymentRecorder(AposartDbContext db, MembershipWorkflow workflow, TimeProvider clock)
{
    public abstract record Outcome;
    public sealed record Recorded(Payment Payment) : Outcome;
    /// <summary>The same form was sent twice at the same instant: the other request recorded it.</summary>
    public sealed record AlreadyRecorded : Outcome;
    public sealed record Changed(IReadOnlyList<string> Differences) : Outcome;

    public async Task<Outcome> RecordAsync(PaymentInput input, List<Membership> memberships, AppUser by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var year = input.PaidOn!.Value.Year;
        var seen = memberships.ToDictionary(m => m.Id, m => (m.Status, Paid: m.AmountPaid));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = new Payment
        {
            Id = input.FormId,
            PaidOn = input.PaidOn.Value,
            Amount = input.Amount!.Value,
            Method = input.Method!.Value,
            Reference = input.Reference.TrimmedOrNull(),
            PayerName = input.PayerName.TrimmedOrNull(),
            ReceiptNumber = DocumentNumbers.FormatReceipt(year, await DocumentNumbers.NextAsync(db, year, DocumentNumbers.Receipt, cancellationToken)),
        };
        db.Payments.Add(payment);
        foreach (var membership in memberships)
        {
            var amount = membership.FeeAmount - membership.AmountPaid;
            var allocation = new PaymentAllocation { PaymentId = payment.Id, MembershipId = membership.Id, Amount = amount };
            payment.Allocations.Add(allocation);
            membership.Allocations.Add(allocation);
            MembershipHistory.Record(db, membership, now, by, "Paiement enregistré", MembershipStatus.UpToDate,
                $"Reçu {payment.ReceiptNumber} : {amount.ToEuros()} ({payment.Method.Label().ToLowerInvariant()})");
            await workflow.EnsureCertificateNumberAsync(membership, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // This request's receipt number is rolled back with the transaction: numbers never skip.
            return new AlreadyRecorded();
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new Changed(await DifferencesAsync(seen, cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return new Recorded(payment);
    }

    /// <summary>What each membership of the form looks like now, against what the form was filled from.</summary>
    private async Task<List<string>> DifferencesAsync(Dictionary<Guid, (MembershipStatus Status, decimal Paid)> seen, CancellationToken cancellationToken)
    {
        var ids = seen.Keys.ToList();
        var now = await db.Memberships.AsNoTracking().Include(m => m.Professional).Include(m => m.Allocations)
            .Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        var differences = new List<string>();
        foreach (var membership in now)
        {
            var (status, paid) = seen[membership.Id];
            var name = membership.Professional!.FullName;
            if (membership.Status != status)
            {
                differences.Add($"{name} : statut « {status.Label()} » devenu « {membership.Status.Label()} ».");
            }
            if (membership.AmountPaid != paid)
            {
                differences.Add($"{name} : déjà réglé {paid.ToEuros()} devenu {membership.AmountPaid.ToEuros()}.");
            }
        }
        return differences.Count > 0 ? differences : ["Une adhésion cochée a été modifiée par quelqu'un d'autre entre-temps."];
    }
}
