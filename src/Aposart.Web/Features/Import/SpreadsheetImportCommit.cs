using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Adhesion;
using Aposart.Web.Features.Memberships;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Import;

/// <summary>
/// Writes a checked spreadsheet into the directory, read top to bottom: lock the import, plan it again on tracked records
/// (the preview's plan, against the directory as it is now), refuse if a line still has a problem, then create or update
/// each record, record each membership and payment with its history, keep one report line per line, drop the file. All in
/// one transaction: an import is written whole or not at all, and a second confirmation finds it done.
/// </summary>
public sealed class SpreadsheetImportCommit(AposartDbContext db, ImportPlanner planner, MembershipWorkflow workflow, TimeProvider clock)
{
    public abstract record Outcome;
    public sealed record Done(SpreadsheetImport Import) : Outcome;
    public sealed record AlreadyDone : Outcome;
    public sealed record StillBlocked(int Lines) : Outcome;
    public sealed record Conflict : Outcome;

    public async Task<Outcome?> CommitAsync(int id, AppUser by, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Of two confirmations at once, the second waits on this lock and then finds the import no longer a draft.
        var import = await db.SpreadsheetImports.FromSql($"SELECT * FROM spreadsheet_imports WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (import is null)
        {
            return null;
        }
        if (import.Status != SpreadsheetImportStatus.Draft || import.Content is null)
        {
            return new AlreadyDone();
        }
        var setup = ImportSetup.Parse(import.Setup);
        var table = SpreadsheetFile.Read(import.Content, setup.Sheet);
        var plan = await planner.PlanAsync(table, setup, ImportCorrections.Parse(import.Corrections), forWriting: true, cancellationToken);
        if (plan.Blocked > 0)
        {
            return new StillBlocked(plan.Blocked);
        }
        var now = clock.GetUtcNow();
        var statutesId = await planner.StatutesIdAsync(cancellationToken);
        // The history's action holds 100 characters: a long file name is shortened there (the report keeps it whole).
        var source = $"Import du tableur « {(import.FileName.Length > 40 ? import.FileName[..39] + "…" : import.FileName)} »";
        foreach (var line in plan.Lines)
        {
            if (line.Skipped)
            {
                import.Lines.Add(new SpreadsheetImportLine { RowNumber = line.Line, Outcome = ImportOutcome.Skipped, Name = Cut(line.Name, 250), Details = "Ignorée à l'aperçu" });
                import.Skipped++;
                continue;
            }
            var professional = line.Match;
            if (professional is null)
            {
                // Not the person's own record yet: hidden everywhere, every field hidden, until they claim it.
                professional = new Professional
                {
                    Id = Guid.NewGuid(), AwaitingConsent = true, ListedInPublicDirectory = false, Profession = line.Profession!.Value,
                    EmailVisibility = Visibility.Hidden, AddressVisibility = Visibility.Hidden, PhoneVisibility = Visibility.Hidden,
                    SecureMailVisibility = Visibility.Hidden, WebsiteVisibility = Visibility.Hidden,
                };
                ProfessionalChanges.Apply(professional, line, owned: false);
                db.Professionals.Add(professional);
            }
            if (line.Membership is { Writes: true } membership)
            {
                await RecordMembershipAsync(professional, membership, statutesId!.Value, line, source, by, now, cancellationToken);
                import.MembershipsRecorded++;
            }
            var outcome = line.Action switch { LineAction.Create => ImportOutcome.Created, LineAction.Update => ImportOutcome.Updated, _ => ImportOutcome.Unchanged };
            _ = outcome switch { ImportOutcome.Created => import.Created++, ImportOutcome.Updated => import.Updated++, _ => import.Unchanged++ };
            import.Lines.Add(new SpreadsheetImportLine
            {
                RowNumber = line.Line, Outcome = outcome, ProfessionalId = professional.Id, Name = Cut(line.Name, 250), Details = Cut(line.Summary, 2000),
            });
        }
        import.Status = SpreadsheetImportStatus.Committed;
        import.CommittedAt = now;
        import.CommittedByName = by.NameOrEmail;
        // The file held every member's data: once imported, its report is all that is kept.
        import.Content = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Someone saved the same address or number on a record while the import ran: nothing is written, the preview tells what.
            return new Conflict();
        }
        await transaction.CommitAsync(cancellationToken);
        return new Done(import);
    }

    private async Task RecordMembershipAsync(Professional professional, MembershipPlan plan, int statutesId, PlannedLine line, string source, AppUser by,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var membership = plan.Existing;
        if (membership is null)
        {
            membership = new Membership
            {
                Id = Guid.NewGuid(), ProfessionalId = professional.Id, Year = plan.Year, CollegeId = plan.CollegeId, FeeCategory = FeeCategory.Individual,
                FeeAmount = plan.Fee, IntendedPaymentMethod = plan.Method, StatutesVersionId = statutesId, StatutesAcceptedAt = now,
                Status = MembershipStatus.Draft, SubmittedAt = now, DecidedAt = now, DecidedById = by.Id,
            };
            db.Memberships.Add(membership);
            MembershipHistory.Record(db, membership, now, by, source, plan.Payment is null ? plan.Status : MembershipStatus.ApprovedFeeDue,
                $"Ligne {line.Line} : adhésion tenue hors du portail, statuts acceptés sur papier");
        }
        if (plan.Payment is { } amount)
        {
            var paidOn = plan.PaidOn ?? DateOnly.FromDateTime(now.ToParis().DateTime);
            var payment = new Payment
            {
                Id = Guid.NewGuid(), PaidOn = paidOn, Amount = amount, Method = plan.Method, PayerName = Cut(line.Name, 200), Reference = Cut(source, 100),
                ReceiptNumber = DocumentNumbers.FormatReceipt(paidOn.Year, await DocumentNumbers.NextAsync(db, paidOn.Year, DocumentNumbers.Receipt, cancellationToken)),
            };
            var allocation = new PaymentAllocation { PaymentId = payment.Id, MembershipId = membership.Id, Amount = Math.Min(amount, membership.FeeAmount - membership.AmountPaid) };
            payment.Allocations.Add(allocation);
            membership.Allocations.Add(allocation);
            db.Payments.Add(payment);
            MembershipHistory.Record(db, membership, now, by, $"{source} : paiement enregistré", MembershipStatus.UpToDate,
                $"Ligne {line.Line} : reçu {payment.ReceiptNumber}, {amount.ToEuros()} ({payment.Method.Label().ToLowerInvariant()})");
        }
        if (membership.Status.IsActive())
        {
            await workflow.EnsureCertificateNumberAsync(membership, cancellationToken);
        }
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;
}
