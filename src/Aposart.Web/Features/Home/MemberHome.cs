using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Home;

/// <summary>One thing to do or to see on the member home, with the screen that deals with it.</summary>
public sealed record HomeItem(string Text, string Link, string LinkText);

/// <summary>What a signed-in person finds first: what needs them, their next commitments, and for the bureau and the coordination, what waits for a decision.</summary>
public sealed record MemberHomePage(
    string Greeting,
    IReadOnlyList<HomeItem> ToDo,
    IReadOnlyList<HomeItem> Trainings,
    IReadOnlyList<HomeItem> Shifts,
    IReadOnlyList<HomeItem> SnpSlots,
    IReadOnlyList<HomeItem> LateFiches,
    IReadOnlyList<HomeItem> Waiting,
    bool IsStaff,
    BureauSeat? Bureau = null);

/// <summary>The person's open office on the bureau, and whether they let the public page name them.</summary>
public sealed record BureauSeat(string Titles, bool PublicConsent);

/// <summary>
/// Gathers the member home from the person's own data only: each block is filtered on the person (or, for the waiting
/// decisions, on a role that may see them), so nothing shows that the person may not open.
/// </summary>
public sealed class MemberHome(AposartDbContext db, UserManager<AppUser> users, Infrastructure.Settings.FirstRunChecklist firstRun, TimeProvider clock)
{
    public async Task<MemberHomePage> BuildAsync(AppUser user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToParis().DateTime);
        var year = today.Year;
        var roles = await users.GetRolesAsync(user);
        bool Has(string role) => roles.Contains(role);
        var professional = await db.Professionals.AsNoTracking().Include(p => p.PracticeSites).SingleOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);

        var isStaff = Has(Roles.Board) || Has(Roles.Coordinator) || Has(Roles.Admin);
        var toDo = new List<HomeItem>();
        if (isStaff && !user.TwoFactorEnabled)
        {
            toDo.Add(new("Votre rôle donne accès aux données des membres : activez la double authentification.", Features.Account.AccountLinks.TwoFactor, "Activer"));
        }
        if ((Has(Roles.Admin) || Has(Roles.Coordinator)) && await firstRun.StatusAsync(cancellationToken) is { Complete: false } setup)
        {
            toDo.Add(new($"Mise en route du portail : {setup.DoneCount} étape(s) faite(s) sur {setup.Items.Count}.", Settings.SettingsLinks.Checklist, "Poursuivre"));
        }
        if (professional is null)
        {
            toDo.Add(new("Votre fiche professionnelle n'est pas encore remplie : elle permet d'adhérer, de s'inscrire aux formations et de figurer dans l'annuaire.", Features.Profile.ProfileLinks.Edit, "Remplir ma fiche"));
        }
        else
        {
            if (professional.PracticeSites.Count == 0 || (professional.Rpps is null && professional.Adeli is null))
            {
                toDo.Add(new("Votre fiche est incomplète (lieu d'exercice, RPPS ou ADELI).", Features.Profile.ProfileLinks.Edit, "Compléter ma fiche"));
            }
            var memberships = await db.Memberships.AsNoTracking().Where(m => m.ProfessionalId == professional.Id && m.Year >= year - 1 && m.Year <= year + 1)
                .Select(m => new { m.Year, m.Status }).ToListAsync(cancellationToken);
            var current = memberships.Where(m => m.Year == year).Select(m => (MembershipStatus?)m.Status).FirstOrDefault();
            var next = memberships.Where(m => m.Year == year + 1).Select(m => (MembershipStatus?)m.Status).FirstOrDefault();
            switch (current)
            {
                case null or MembershipStatus.Draft:
                    toDo.Add(new($"Vous n'êtes pas adhérent pour {year}.", Features.Adhesion.AdhesionLinks.Index, "Adhérer"));
                    break;
                case MembershipStatus.ApprovedFeeDue or MembershipStatus.Late:
                    toDo.Add(new($"Votre adhésion {year} est validée : il reste à régler la cotisation.", Features.Adhesion.AdhesionLinks.Index, "Voir ma cotisation"));
                    break;
                case MembershipStatus.InformationRequested:
                    toDo.Add(new($"Le bureau demande un complément pour votre adhésion {year}.", Features.Adhesion.AdhesionLinks.Index, "Répondre"));
                    break;
            }
            if (today.Month == 12 && current is MembershipStatus.UpToDate or MembershipStatus.Exempt && next is null)
            {
                toDo.Add(new($"Votre adhésion se termine le 31 décembre : renouvelez-la pour {year + 1}.", Features.Adhesion.AdhesionLinks.Index, "Renouveler"));
            }
        }

        // Convocations still without an answer: the quorum depends on them.
        var convocations = await db.MeetingInvitees.AsNoTracking()
            .Where(i => i.UserId == user.Id && i.Answer == MeetingAnswer.None && i.Meeting!.Status == MeetingStatus.Convened && i.Meeting.StartsAt > now)
            .OrderBy(i => i.Meeting!.StartsAt).Select(i => new { i.MeetingId, i.Meeting!.Title, i.Meeting.StartsAt }).Take(3).ToListAsync(cancellationToken);
        toDo.AddRange(convocations.Select(c => new HomeItem(
            $"Vous êtes convoqué·e à « {c.Title} » le {c.StartsAt.ToParisString("d MMMM 'à' HH'h'mm")} : dites si vous venez, ou donnez votre pouvoir.",
            Features.Meetings.MeetingLinks.Answer(c.MeetingId), "Répondre")));

        // Tasks a meeting gave the person, still to do.
        var tasks = await db.MeetingTasks.AsNoTracking().Where(t => t.AssigneeId == user.Id && t.DoneAt == null)
            .OrderBy(t => t.DueOn == null).ThenBy(t => t.DueOn).Select(t => new { t.What, t.DueOn }).Take(3).ToListAsync(cancellationToken);
        toDo.AddRange(tasks.Select(t => new HomeItem(
            $"Action à mener : {t.What}{(t.DueOn is { } due ? $", pour le {due:dd/MM/yyyy}" : "")}.", Features.Meetings.MeetingLinks.MyTasks, "Voir mes actions")));

        var professionalId = professional?.Id ?? Guid.Empty;
        var trainings = await db.TrainingRegistrations.AsNoTracking()
            .Where(r => r.ProfessionalId == professionalId && r.Status != RegistrationStatus.Cancelled && r.Training!.Sessions.Any(s => s.StartsAt > now))
            .Select(r => new { r.TrainingId, r.Training!.Title, r.Status, Starts = r.Training.Sessions.Min(s => s.StartsAt) })
            .OrderBy(r => r.Starts).Take(5).ToListAsync(cancellationToken);
        var shifts = await db.ShiftSignups.AsNoTracking()
            .Where(s => s.ProfessionalId == professionalId && s.CancelledAt == null && s.Shift!.Date >= today)
            .OrderBy(s => s.Shift!.Date).ThenBy(s => s.Shift!.Starts)
            .Select(s => new { s.Shift!.Date, s.Shift.Starts, s.Shift.Role, Centre = s.Shift.Centre!.Name }).Take(5).ToListAsync(cancellationToken);
        var weekEnd = now.AddDays(7);
        var slots = await db.SnpSlots.AsNoTracking()
            .Where(s => s.ProfessionalId == professionalId && s.StartsAt > now && s.StartsAt < weekEnd && s.Status != SnpSlotStatus.Withdrawn)
            .OrderBy(s => s.StartsAt).Select(s => new { s.StartsAt, s.Status, s.Place }).ToListAsync(cancellationToken);
        var lateFiches = await db.ActionSheets.AsNoTracking()
            .Where(a => a.Pilots.Any(p => p.Id == professionalId) && a.Steps.Any(s => s.Status != StepStatus.Done && s.DueOn < today))
            .Select(a => new { a.Id, a.Number, a.Title, Late = a.Steps.Count(s => s.Status != StepStatus.Done && s.DueOn < today) })
            .ToListAsync(cancellationToken);

        var waiting = new List<HomeItem>();
        if (isStaff)
        {
            var applications = await db.Memberships.CountAsync(m => m.Status == MembershipStatus.PendingValidation, cancellationToken);
            if (applications > 0)
            {
                waiting.Add(new($"{applications} demande(s) d'adhésion attendent une décision.", Features.Memberships.MembershipsLinks.Queue, "Décider"));
            }
            if (Has(Roles.Board))
            {
                var letters = await db.Campaigns.CountAsync(c => c.Status == CampaignStatus.Submitted && c.AuthorId != user.Id
                    && !c.Approvals.Any(a => a.UserId == user.Id), cancellationToken);
                if (letters > 0)
                {
                    waiting.Add(new($"{letters} lettre(s) attendent votre approbation.", Features.Letters.LetterLinks.List, "Relire"));
                }
            }
            if (Has(Roles.Coordinator) || Has(Roles.Admin))
            {
                var entries = await db.CompensationEntries.CountAsync(e => e.Status == CompensationStatus.Submitted, cancellationToken);
                if (entries > 0)
                {
                    waiting.Add(new($"{entries} saisie(s) d'indemnisation à valider.", $"/gestion/indemnisation?annee={year}", "Valider"));
                }
            }
            var messages = await db.ContactMessages.CountAsync(m => m.HandledAt == null, cancellationToken);
            if (messages > 0)
            {
                waiting.Add(new($"{messages} message(s) du formulaire de contact à traiter.", Features.Site.SiteLinks.Messages, "Lire"));
            }
        }

        var seats = await db.BureauMandates.AsNoTracking().Where(m => m.UserId == user.Id && m.ClosedAt == null)
            .Select(m => new { m.Title, m.PublicConsent }).ToListAsync(cancellationToken);
        return new MemberHomePage(
            $"Bonjour {(string.IsNullOrWhiteSpace(user.FirstName) ? user.NameOrEmail : user.FirstName)}",
            toDo,
            [.. trainings.Select(t => new HomeItem($"{t.Title} — {t.Starts.ToParisString("dddd d MMMM 'à' HH'h'mm")}{(t.Status == RegistrationStatus.Waitlisted ? " (liste d'attente)" : "")}",
                Features.Trainings.TrainingLinks.Details(t.TrainingId), "Voir"))],
            [.. shifts.Select(s => new HomeItem($"{s.Date.ToString("dddd d MMMM", ActionSheetText.French)} à {s.Starts:HH\\hmm} : {s.Role.Label().ToLowerInvariant()}, {s.Centre}",
                Features.Vaccination.VaccinationLinks.Mine, "Planning"))],
            [.. slots.Select(s => new HomeItem($"{s.StartsAt.ToParisString("dddd d MMMM 'à' HH'h'mm")}, {s.Place} — {(s.Status == SnpSlotStatus.Given ? "attribué" : "libre")}",
                Features.Snp.SnpLinks.Mine, "Mes créneaux"))],
            [.. lateFiches.Select(f => new HomeItem($"Fiche n° {f.Number} « {f.Title} » : {f.Late} étape(s) en retard", Features.Fiches.FichesLinks.Details(f.Id), "Ouvrir"))],
            waiting,
            isStaff,
            seats.Count == 0 ? null : new BureauSeat(string.Join(", ", seats.Select(m => m.Title.Label())), seats.All(m => m.PublicConsent)));
    }
}
