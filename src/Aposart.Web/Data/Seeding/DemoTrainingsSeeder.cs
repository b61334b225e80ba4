using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data.Seeding;

/// <summary>
/// A year of demo trainings: four held (attendance, survey answers, checklist done), four to come (open, one full with a
/// waitlist), and topic suggestions with votes. membre@ attended a past one and is registered to the next one.
/// </summary>
public sealed class DemoTrainingsSeeder(AposartDbContext db, TimeProvider clock, ILogger<DemoTrainingsSeeder> logger)
{
    private sealed record Seed(string Title, string Theme, int FicheNumber, int InDays, int Capacity, int Registered, string Trainer, string TrainerRole,
        Profession[] Professions, string Description);

    private static readonly Seed[] Trainings =
    [
        new("Plaies chroniques : du pansement au parcours", "Plaies et cicatrisation", 4, -300, 20, 17, "Dr Élise Vasseur", "médecin vasculaire",
            [Profession.Nurse, Profession.GeneralPractitioner], "Évaluer une plaie, choisir le pansement, savoir quand demander un **avis vasculaire**."),
        new("Repérer la crise suicidaire", "Santé mentale", 8, -210, 16, 14, "Équipe du centre médico-psychologique", "psychiatre et infirmier",
            [], "Reconnaître les signes d'alerte, parler du suicide avec un patient, orienter vers les bons interlocuteurs."),
        new("Antibiorésistance : prescrire juste", "Pertinence", 15, -120, 25, 19, "Dr Paul Ferrand", "infectiologue",
            [Profession.GeneralPractitioner, Profession.Pharmacist], "Les situations où l'antibiotique n'apporte rien, les tests rapides, les messages aux patients."),
        new("Messagerie sécurisée : s'équiper et l'utiliser", "Numérique en santé", 16, -60, 18, 15, "Prestataire MSSanté", "formateur",
            [], "Créer son adresse MSSanté, l'utiliser depuis son logiciel, échanger avec l'hôpital."),
        new("Vaccination : répondre aux hésitations", "Vaccination", 9, 10, 20, 9, "Dr Claire Aubert", "médecin de santé publique",
            [], "Entretien motivationnel, questions fréquentes des patients, calendrier vaccinal à jour."),
        new("Téléconsultation assistée : le rôle de l'infirmier", "Télésanté", 3, 30, 8, 10, "Coordination de la CPTS", "coordinatrice",
            [Profession.Nurse, Profession.GeneralPractitioner], "Déroulé d'une téléconsultation au domicile, matériel, traçabilité, facturation."),
        new("Insuffisance cardiaque : éduquer le patient", "Éducation thérapeutique", 10, 55, 20, 4, "Dr Hugo Lemaire", "cardiologue",
            [], "Les signes d'alerte, la pesée, l'observance : ce que chaque professionnel peut transmettre."),
        new("Soins non programmés : organiser l'accueil du jour", "Soins non programmés", 1, 80, 25, 2, "Bureau de la CPTS", "médecins généralistes",
            [Profession.GeneralPractitioner], "Partager l'agenda, régler les créneaux, travailler avec le service d'accès aux soins."),
    ];

    private static readonly (string Title, int Votes)[] Topics =
    [
        ("Douleur chronique et bon usage des opioïdes", 9),
        ("Repérage de la dénutrition chez la personne âgée", 6),
        ("Violences intrafamiliales : repérer et orienter", 4),
    ];

    private static readonly string[] Comments =
    [
        "Très concret, des cas proches de notre pratique.",
        "Bien de se retrouver entre professions différentes.",
        "Un peu court : une deuxième séance serait utile.",
        "Salle trop petite pour le nombre d'inscrits.",
    ];

    public async Task SeedAsync(IReadOnlyDictionary<string, Guid> demoUsers, CancellationToken cancellationToken = default)
    {
        if (await db.Trainings.AnyAsync(cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToParis().DateTime);
        var random = new Random(2026);
        var adherents = await db.Professionals
            .Where(p => p.UserId == null && p.Memberships.Any(m => MembershipText.ActiveStatuses.Contains(m.Status)))
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ToListAsync(cancellationToken);
        var member = demoUsers.TryGetValue("membre@demo.aposart.fr", out var memberUser)
            ? await db.Professionals.SingleOrDefaultAsync(p => p.UserId == memberUser, cancellationToken)
            : null;
        var fiches = await db.ActionSheets.ToDictionaryAsync(a => a.Number, a => a.Id, cancellationToken);

        for (var i = 0; i < Trainings.Length; i++)
        {
            var seed = Trainings[i];
            var day = today.AddDays(seed.InDays);
            var past = seed.InDays < 0;
            var session = new TrainingSession
            {
                StartsAt = ParisTime.FromParis(day, new TimeOnly(19, 30)), EndsAt = ParisTime.FromParis(day, new TimeOnly(22, 0)),
                Room = "Salle polyvalente", Address = "Hôtel de ville, place de la Libération, 78120 Rambouillet",
            };
            var training = new Training
            {
                // Set here because the survey answers below point at it.
                Id = Guid.CreateVersion7(),
                Title = seed.Title, Theme = seed.Theme, Description = seed.Description, TargetProfessions = [.. seed.Professions],
                ActionSheetId = fiches.TryGetValue(seed.FicheNumber, out var fiche) ? fiche : null,
                Capacity = seed.Capacity, Audience = i % 3 == 2 ? TrainingAudience.AllProfessionals : TrainingAudience.Members,
                Status = past ? TrainingStatus.Held : TrainingStatus.Published, Meal = i % 2 == 0 ? TrainingMeal.Meal : TrainingMeal.Snack,
                RegistrationOpensAt = session.StartsAt.AddDays(-45),
                Sessions = [session],
                Trainers = [new TrainingTrainer { Name = seed.Trainer, Role = seed.TrainerRole }],
                Checklist = [.. TrainingText.DefaultChecklist.Select((label, index) => new TrainingChecklistItem
                {
                    Label = label, SortOrder = index,
                    DoneAt = past || index < 3 ? session.StartsAt.AddDays(index - 30) : null,
                    DoneByName = past || index < 3 ? "Camille Coordination" : null,
                })],
            };
            if (adherents.Count > 0 && i % 2 == 1)
            {
                // Trainers are preferably professionals of the territory.
                var trainer = adherents[(i * 7) % adherents.Count];
                training.Trainers.Add(new TrainingTrainer { ProfessionalId = trainer.Id, Name = trainer.DisplayName, Role = "animation", SortOrder = 1 });
            }
            var people = adherents.Skip(i * 9 % Math.Max(1, adherents.Count - seed.Registered)).Take(seed.Registered).ToList();
            if (member is not null && (i == 3 || i == 4))
            {
                people.Insert(0, member);
                people = [.. people.Distinct().Take(seed.Registered)];
            }
            for (var r = 0; r < people.Count; r++)
            {
                var registeredAt = session.StartsAt.AddDays(-40 + r);
                var confirmed = r < seed.Capacity;
                var present = past && confirmed && (people[r] == member || random.NextDouble() < 0.85);
                training.Registrations.Add(new TrainingRegistration
                {
                    ProfessionalId = people[r].Id, RegisteredAt = registeredAt < now ? registeredAt : now.AddDays(-1),
                    Status = confirmed ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted,
                    SurveySentAt = present ? session.EndsAt.AddDays(1) : null,
                });
                if (past && confirmed)
                {
                    session.Attendance.Add(new SessionAttendance
                    {
                        ProfessionalId = people[r].Id, Present = present, MarkedAt = session.EndsAt, MarkedByName = "Camille Coordination",
                    });
                }
            }
            db.Trainings.Add(training);
            if (past)
            {
                var attendees = session.Attendance.Count(a => a.Present);
                for (var a = 0; a < attendees * 2 / 3; a++)
                {
                    db.SurveyAnswers.Add(new SurveyAnswer
                    {
                        TrainingId = training.Id, Content = random.Next(3, 6), Trainer = random.Next(3, 6), Organisation = random.Next(2, 6),
                        Usefulness = random.Next(3, 6), Comment = a < Comments.Length && random.NextDouble() < 0.7 ? Comments[(a + i) % Comments.Length] : null,
                        AnsweredAt = new DateTimeOffset(session.EndsAt.UtcDateTime.Date.AddDays(2), TimeSpan.Zero),
                    });
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (title, votes) in Topics)
        {
            if (adherents.Count == 0)
            {
                break;
            }
            var voters = adherents.Skip(votes * 3).Take(votes).ToList();
            db.TopicSuggestions.Add(new TopicSuggestion
            {
                Title = title, ProposedById = voters[0].Id, CreatedAt = now.AddDays(-votes * 4),
                Votes = [.. voters.Select(v => new TopicVote { ProfessionalId = v.Id, At = now.AddDays(-votes) })],
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data: {Count} trainings", Trainings.Length);
    }
}
