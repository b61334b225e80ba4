using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data.Seeding;

/// <summary>
/// Demo letters: last quarter's letter, sent and in the public archive; this quarter's, written by the coordination and
/// waiting for the bureau's two approvals; a flashmail draft to nurses and pharmacists.
/// </summary>
public sealed class DemoLettersSeeder(AposartDbContext db, TimeProvider clock, ILogger<DemoLettersSeeder> logger)
{
    public async Task SeedAsync(IReadOnlyDictionary<string, Guid> demoUsers, CancellationToken cancellationToken = default)
    {
        if (await db.Campaigns.AnyAsync(cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        demoUsers.TryGetValue("coordination@demo.aposart.fr", out var coordination);
        Guid? author = coordination == Guid.Empty ? null : coordination;
        const string coordinator = "Camille Coordination";
        var sentAt = now.AddDays(-55);
        db.Campaigns.AddRange(
            new Campaign
            {
                Kind = CampaignKind.QuarterlyLetter, Subject = "Lettre d'information – automne", AuthorId = author, AuthorName = coordinator,
                Body = "## Les nouvelles de la CPTS\n\n- L'**agenda partagé** de soins non programmés compte maintenant onze cabinets.\n"
                    + "- La formation sur les plaies chroniques a réuni quinze professionnels.\n- La messagerie sécurisée s'installe chez les infirmiers.\n\n"
                    + "## À venir\n\nL'assemblée générale aura lieu en janvier : les adhérents recevront la convocation.",
                Audience = AudienceKind.DirectoryProfessionals, Status = CampaignStatus.Sent, ScheduledAt = sentAt, SentAt = sentAt.AddMinutes(4),
                Approvals = [new CampaignApproval { UserId = Guid.NewGuid(), Name = "Membre du bureau", At = sentAt.AddDays(-3) }],
                Events =
                [
                    new CampaignEvent { At = sentAt.AddDays(-6), ByName = coordinator, To = CampaignStatus.Draft, Note = "créée" },
                    new CampaignEvent { At = sentAt.AddDays(-5), ByName = coordinator, From = CampaignStatus.Draft, To = CampaignStatus.Submitted, Note = "soumise au bureau" },
                    new CampaignEvent { At = sentAt.AddDays(-2), ByName = "Bastien Bureau", From = CampaignStatus.Submitted, To = CampaignStatus.Approved, Note = "approuvée (2 approbation(s))" },
                    new CampaignEvent { At = sentAt, ByName = "Envoi automatique", From = CampaignStatus.Scheduled, To = CampaignStatus.Sending, Note = "envoi commencé" },
                    new CampaignEvent { At = sentAt.AddMinutes(4), ByName = "Envoi automatique", From = CampaignStatus.Sending, To = CampaignStatus.Sent, Note = "envoyée" },
                ],
            },
            new Campaign
            {
                Kind = CampaignKind.QuarterlyLetter, Subject = "Lettre d'information – hiver", AuthorId = author, AuthorName = coordinator,
                Body = "## Les nouvelles de la CPTS\n\n- Quatre formations au premier trimestre : vaccination, téléconsultation assistée, insuffisance cardiaque, "
                    + "soins non programmés.\n- Le projet de santé est en ligne sur la page « Nos actions ».\n\nBonne fin d'année à toutes et à tous.",
                Audience = AudienceKind.DirectoryProfessionals, Status = CampaignStatus.Submitted,
                Events =
                [
                    new CampaignEvent { At = now.AddDays(-3), ByName = coordinator, To = CampaignStatus.Draft, Note = "créée" },
                    new CampaignEvent { At = now.AddDays(-2), ByName = coordinator, From = CampaignStatus.Draft, To = CampaignStatus.Submitted, Note = "soumise au bureau" },
                ],
            },
            new Campaign
            {
                Kind = CampaignKind.Flashmail, Subject = "Vaccins antigrippaux : livraisons retardées", AuthorId = author, AuthorName = coordinator,
                Body = "Les livraisons de vaccins antigrippaux aux officines du territoire sont retardées d'une semaine. Merci de reporter les rendez-vous prévus.",
                Audience = AudienceKind.Professions, AudienceProfessions = [Profession.Nurse, Profession.Pharmacist], Status = CampaignStatus.Draft,
                Events = [new CampaignEvent { At = now.AddDays(-1), ByName = coordinator, To = CampaignStatus.Draft, Note = "créée" }],
            });
        await db.SaveChangesAsync(cancellationToken);
        // The autumn letter went to the directory: its outbox rows make the dashboard's communication figures real.
        var autumn = sentAt.AddMinutes(2);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO outbox_messages (campaign_id, to_address, to_name, first_name, status, attempts, created_at, next_attempt_at, sent_at)
            SELECT c.id, lower(p.email), p.first_name || ' ' || p.last_name, p.first_name, 1, 1, {autumn}, {autumn}, {autumn}
            FROM campaigns c CROSS JOIN (SELECT DISTINCT ON (lower(email)) email, first_name, last_name FROM professionals WHERE email IS NOT NULL) p
            WHERE c.subject = 'Lettre d''information – automne'
            """, cancellationToken);
        logger.LogInformation("Demo data: 3 letters");
    }
}
