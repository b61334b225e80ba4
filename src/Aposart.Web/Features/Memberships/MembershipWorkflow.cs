using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Adhesion;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Memberships;

/// <summary>The bureau's decisions on a membership: which move is allowed from which status, and what follows each.</summary>
public sealed class MembershipWorkflow(AposartDbContext db, UserManager<AppUser> users, PortalMailer mailer, TimeProvider clock)
{
    public enum Decision { Approve, Reject, RequestInformation, Exempt, Terminate }

    private static readonly MembershipStatus[] Undecided = [MembershipStatus.PendingValidation, MembershipStatus.InformationRequested];

    public static bool IsAllowed(Decision decision, MembershipStatus status) => decision switch
    {
        Decision.Approve or Decision.Reject => Undecided.Contains(status),
        Decision.RequestInformation => status == MembershipStatus.PendingValidation,
        Decision.Exempt => Undecided.Contains(status) || status is MembershipStatus.ApprovedFeeDue or MembershipStatus.Late,
        Decision.Terminate => status.IsActive(),
        _ => false,
    };

    public static bool NeedsMessage(Decision decision) => decision is Decision.Reject or Decision.RequestInformation or Decision.Terminate;

    /// <summary>Applies the decision and saves; the caller has checked the version and the message.</summary>
    public async Task ApplyAsync(Membership membership, Decision decision, string? message, AppUser by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var professional = membership.Professional!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        switch (decision)
        {
            case Decision.Approve:
                membership.DecidedAt = now;
                membership.DecidedById = by.Id;
                membership.StatusReason = null;
                var paid = membership.AmountPaid >= membership.FeeAmount;
                MembershipHistory.Record(db, membership, now, by, "Adhésion validée par le bureau",
                    paid ? MembershipStatus.UpToDate : MembershipStatus.ApprovedFeeDue);
                if (paid)
                {
                    await EnsureCertificateNumberAsync(membership, cancellationToken);
                }
                professional.MemberSince ??= DateOnly.FromDateTime(now.UtcDateTime);
                break;
            case Decision.Reject:
                membership.DecidedAt = now;
                membership.DecidedById = by.Id;
                membership.StatusReason = message;
                MembershipHistory.Record(db, membership, now, by, "Demande refusée", MembershipStatus.Rejected, message);
                break;
            case Decision.RequestInformation:
                membership.StatusReason = message;
                MembershipHistory.Record(db, membership, now, by, "Complément demandé", MembershipStatus.InformationRequested, message);
                break;
            case Decision.Exempt:
                membership.DecidedAt ??= now;
                membership.DecidedById ??= by.Id;
                membership.StatusReason = message;
                MembershipHistory.Record(db, membership, now, by, "Cotisation exonérée", MembershipStatus.Exempt, message);
                await EnsureCertificateNumberAsync(membership, cancellationToken);
                professional.MemberSince ??= DateOnly.FromDateTime(now.UtcDateTime);
                break;
            case Decision.Terminate:
                membership.StatusReason = message;
                MembershipHistory.Record(db, membership, now, by, "Adhésion résiliée", MembershipStatus.Terminated, message);
                break;
        }
        // The notice is saved with the decision: both or neither.
        Notify(membership, decision, message);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await SyncMemberRoleAsync(professional, cancellationToken);
    }

    /// <summary>Gives the certificate its number once, inside the caller's transaction.</summary>
    public async Task EnsureCertificateNumberAsync(Membership membership, CancellationToken cancellationToken)
    {
        if (membership.CertificateNumber is null)
        {
            var number = await DocumentNumbers.NextAsync(db, membership.Year, DocumentNumbers.Certificate, cancellationToken);
            membership.CertificateNumber = DocumentNumbers.FormatCertificate(membership.Year, number);
        }
    }

    /// <summary>The Adherent role follows the memberships: held while one of them is active.</summary>
    public async Task SyncMemberRoleAsync(Professional professional, CancellationToken cancellationToken)
    {
        if (professional.UserId is not { } userId || await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return;
        }
        var year = clock.GetUtcNow().Year;
        var active = await db.Memberships.AnyAsync(m => m.ProfessionalId == professional.Id && m.Year >= year - 1
            && MembershipText.ActiveStatuses.Contains(m.Status), cancellationToken);
        var isMember = await users.IsInRoleAsync(user, Roles.Member);
        if (active && !isMember)
        {
            await users.AddToRoleAsync(user, Roles.Member);
        }
        else if (!active && isMember)
        {
            await users.RemoveFromRoleAsync(user, Roles.Member);
        }
    }

    private void Notify(Membership membership, Decision decision, string? message)
    {
        var professional = membership.Professional!;
        if (professional.Email is null)
        {
            return;
        }
        var (subject, paragraphs) = decision switch
        {
            Decision.Approve => ($"Votre adhésion {membership.Year} est validée",
                (IReadOnlyList<string>)[membership.Status == MembershipStatus.UpToDate
                    ? "Le bureau a validé votre adhésion. Votre attestation d'adhésion est disponible dans votre espace."
                    : $"Le bureau a validé votre adhésion. Il reste à régler la cotisation de {membership.FeeAmount.ToEuros()} ; votre reçu et votre attestation seront ensuite disponibles dans votre espace."]),
            Decision.Reject => ($"Votre demande d'adhésion {membership.Year}", ["Le bureau n'a pas pu donner suite à votre demande d'adhésion, pour le motif suivant :", message ?? ""]),
            Decision.RequestInformation => ($"Votre demande d'adhésion {membership.Year} : un complément est demandé", ["Le bureau a besoin d'un complément avant de valider votre adhésion :", message ?? ""]),
            Decision.Exempt => ($"Votre adhésion {membership.Year}", ["Votre adhésion est enregistrée et votre cotisation exonérée. Votre attestation est disponible dans votre espace."]),
            _ => ($"Votre adhésion {membership.Year} est résiliée", ["Votre adhésion a été résiliée, pour le motif suivant :", message ?? ""]),
        };
        mailer.Queue(professional.Email, professional.FullName, subject, paragraphs, ("Voir mon adhésion", Features.Adhesion.AdhesionLinks.Index));
    }
}
