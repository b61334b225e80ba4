using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data.Seeding;

/// <summary>Six demo news articles over the last two months, written for the demo.</summary>
public sealed class DemoNewsSeeder(AposartDbContext db, TimeProvider clock)
{
    private static readonly (int DaysAgo, string Title, string Summary, string Body)[] Articles =
    [
        (3, "La campagne de vaccination contre la grippe est ouverte",
            "Le centre de vaccination intercommunal accueille le public du lundi au samedi matin, avec ou sans médecin traitant.",
            "## Où se faire vacciner\n\nLe **centre intercommunal** et le point de vaccination de la maison de santé accueillent le public. Votre médecin, votre pharmacien, "
            + "votre infirmier ou votre sage-femme peuvent aussi vous vacciner.\n\n## Ce qu'il faut apporter\n\n- Carte Vitale\n- Pièce d'identité"),
        (12, "Soins non programmés : dix cabinets partagent leurs créneaux",
            "Les médecins généralistes du territoire réservent des créneaux chaque semaine pour les patients qui ne peuvent pas voir leur médecin le jour même.",
            "Les créneaux sont attribués par la régulation, sans transmettre de donnée de santé par le portail. Les professionnels intéressés peuvent rejoindre l'agenda partagé depuis leur espace."),
        (20, "Formation plaies chroniques : un réseau ville-hôpital se met en place",
            "Infirmiers libéraux et médecins vasculaires se forment ensemble et partagent un protocole commun.",
            "La première session a réuni une quinzaine de professionnels. Les prochaines dates sont au **calendrier des formations**."),
        (33, "Messagerie sécurisée : la CPTS accompagne les cabinets",
            "Un prestataire aide chaque professionnel à s'équiper d'une messagerie sécurisée de santé.",
            "Près de la moitié des professionnels de l'annuaire ont déjà une adresse de messagerie sécurisée. Les réunions d'information continuent."),
        (45, "Ateliers de prévention au lycée avec les étudiants en santé",
            "Des ateliers sur le sommeil, les écrans et la vaccination ont été animés dans un lycée du territoire.",
            "Les élèves ont participé à des ateliers courts, animés par des étudiants en santé encadrés par des professionnels de la CPTS."),
        (58, "Assemblée générale : le projet de santé adopté",
            "Les adhérents ont adopté les dix-huit fiches action du projet de santé de la CPTS.",
            "Le projet de santé est consultable sur la page **Nos actions**. Chaque fiche a ses pilotes et ses indicateurs."),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Articles.AnyAsync(cancellationToken))
        {
            return;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime);
        db.Articles.AddRange(Articles.Select(a => new Article
        {
            Title = a.Title, Summary = a.Summary, Body = a.Body, Published = true, PublishedOn = today.AddDays(-a.DaysAgo),
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
