using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data.Seeding;

/// <summary>
/// The 18 fiches action of a demo projet de santé, over the six ACI missions, with steps, budget, indicators and two or three
/// years of measurements. Texts are written for the demo; pilots are fictional adherents (membre@ pilots three fiches).
/// </summary>
public sealed class DemoFichesSeeder(AposartDbContext db, TimeProvider clock, ILogger<DemoFichesSeeder> logger)
{
    private sealed record Measure(IndicatorKind Kind, string Name, IndicatorUnit Unit, decimal? Baseline, decimal[] Targets, decimal[] Values,
        IndicatorSource Source = IndicatorSource.Manual, string? Computation = null);

    private sealed record Seed(int Number, AciMission Mission, string Title, string Theme, ActionStatus Status, int Progress,
        string Context, string Objective, string[] Operational, string Population, string Summary, string[] Steps,
        (string Label, decimal Amount)[] Budget, Measure[] Indicators, string? DemoPilot = null);

    private static readonly Seed[] Fiches =
    [
        new(1, AciMission.AccessToCare, "Agenda partagé de créneaux de soins non programmés", "Soins non programmés", ActionStatus.InProgress, 60,
            "Les patients sans rendez-vous possible dans la journée se tournent vers les urgences de l'hôpital. Trois pôles de médecins généralistes "
            + "concentrent l'offre du territoire et plus de la moitié des médecins ont plus de 60 ans.",
            "Offrir en ville une réponse aux demandes de soins du jour, coordonnée entre les cabinets.",
            ["Réserver chaque jour des créneaux de soins non programmés dans un agenda commun", "Orienter les appels du SAS vers ces créneaux",
                "Mesurer chaque trimestre les créneaux ouverts et utilisés"],
            "Patients du territoire sans rendez-vous possible chez leur médecin dans la journée",
            "Les médecins généralistes partagent un agenda de créneaux réservés aux demandes du jour, pour éviter un passage aux urgences.",
            ["Recenser les cabinets volontaires", "Choisir l'outil d'agenda partagé", "Former les secrétariats", "Ouvrir les créneaux", "Bilan annuel avec le SAS"],
            [("Indemnisation des groupes de travail", 3000m), ("Abonnement à l'outil d'agenda", 4800m)],
            [
                new(IndicatorKind.Process, "Créneaux de soins non programmés ouverts par semaine", IndicatorUnit.Count, 0, [20, 40, 60], [12, 31, 44]),
                new(IndicatorKind.Outcome, "Part des créneaux ouverts effectivement utilisés", IndicatorUnit.Percent, null, [60, 70, 75], [52, 64]),
                // Computed from the portal's SNP agenda this year; the two years before it are the values kept from the former tool.
                new(IndicatorKind.Outcome, "Créneaux de soins non programmés attribués par les régulateurs", IndicatorUnit.Count, 0, [30, 40, 150], [12, 31],
                    IndicatorSource.SnpSlotsGiven, "Créneaux de l'agenda du portail attribués dans l'année"),
                new(IndicatorKind.Process, "Médecins généralistes du territoire proposant des créneaux", IndicatorUnit.Percent, 0, [12, 15, 25], [8, 13],
                    IndicatorSource.SnpGpShare, "Médecins généralistes ayant publié au moins un créneau / médecins généralistes du territoire"),
            ]),
        new(2, AciMission.AccessToCare, "Un médecin traitant pour chaque patient", "Médecin traitant", ActionStatus.InProgress, 40,
            "Plusieurs milliers d'habitants n'ont pas de médecin traitant déclaré, dont des patients en affection de longue durée. "
            + "Trente communes du territoire n'ont aucun médecin généraliste.",
            "Trouver un médecin traitant aux patients qui n'en ont pas, en commençant par les plus fragiles.",
            ["Tenir une liste des patients sans médecin traitant signalés par les pharmacies et les infirmiers", "Répartir les demandes entre les médecins volontaires",
                "Donner la priorité aux patients en ALD et aux plus de 70 ans"],
            "Patients sans médecin traitant, en priorité en affection de longue durée",
            "La CPTS recense les patients sans médecin traitant et les oriente vers les médecins qui peuvent encore en accueillir.",
            ["Convention avec la CPAM pour la liste des patients", "Circuit de signalement par les pharmacies", "Commission mensuelle d'attribution", "Bilan"],
            [("Temps de coordination", 2500m)],
            [
                new(IndicatorKind.Outcome, "Patients sans médecin traitant ayant trouvé un médecin", IndicatorUnit.Count, 0, [150, 300, 450], [96, 210]),
                new(IndicatorKind.Outcome, "Part des patients en ALD sans médecin traitant", IndicatorUnit.Percent, 4.2m, [3.5m, 3, 2.5m], [3.9m, 3.4m, 3.1m]),
            ]),
        new(3, AciMission.AccessToCare, "Téléconsultations assistées par une infirmière pour les personnes âgées à domicile", "Télésanté", ActionStatus.InProgress, 55,
            "Les personnes âgées peu mobiles renoncent à des consultations faute de transport, alors que les infirmiers libéraux passent chez elles.",
            "Permettre au médecin de consulter à distance, l'infirmière étant au domicile du patient.",
            ["Équiper les infirmiers volontaires d'une mallette de téléconsultation", "Établir le protocole médecin–infirmier", "Suivre le nombre de téléconsultations"],
            "Personnes de plus de 75 ans suivies à domicile par un infirmier libéral",
            "Au domicile des personnes âgées, une infirmière assiste le médecin qui consulte à distance : moins de déplacements, un suivi plus régulier.",
            ["Choisir les mallettes connectées", "Former les infirmiers", "Premières téléconsultations", "Évaluation avec les médecins"],
            [("Mallettes de téléconsultation", 9000m), ("Formation des infirmiers", 1500m)],
            [
                new(IndicatorKind.Process, "Téléconsultations assistées réalisées", IndicatorUnit.Count, 0, [80, 200, 300], [35, 142, 118]),
                new(IndicatorKind.Process, "Infirmiers équipés et formés", IndicatorUnit.Count, 0, [6, 10, 12], [4, 8, 9]),
                new(IndicatorKind.Outcome, "Patients suivis ayant évité un transport", IndicatorUnit.Count, 0, [40, 90, 120], [18, 71]),
            ], DemoPilot: "membre@demo.aposart.fr"),
        new(4, AciMission.CarePathways, "Réseau plaies : infirmiers et médecins vasculaires", "Plaies chroniques", ActionStatus.InProgress, 70,
            "Les ulcères et les plaies chroniques cicatrisent lentement faute d'avis spécialisé rapide et de protocoles communs.",
            "Organiser un parcours plaies entre infirmiers libéraux, médecins généralistes et médecins vasculaires.",
            ["Rédiger un protocole commun de prise en charge des plaies", "Obtenir un avis vasculaire sous 15 jours", "Partager les photos de plaies par messagerie sécurisée"],
            "Patients porteurs de plaies chroniques suivis en ville",
            "Infirmiers, médecins généralistes et médecins vasculaires suivent ensemble les plaies chroniques selon un protocole commun.",
            ["Groupe de travail protocole", "Validation du protocole", "Formation des infirmiers", "Mise en place des avis vasculaires", "Évaluation"],
            [("Groupes de travail", 2400m), ("Formation plaies et cicatrisation", 3000m)],
            [
                new(IndicatorKind.Process, "Patients inclus dans le parcours plaies", IndicatorUnit.Count, 0, [30, 60, 90], [22, 58, 41]),
                new(IndicatorKind.Outcome, "Délai moyen d'obtention d'un avis vasculaire (jours)", IndicatorUnit.Count, 45, [30, 20, 15], [33, 21]),
                new(IndicatorKind.Outcome, "Plaies cicatrisées à trois mois", IndicatorUnit.Percent, null, [40, 50, 55], [38, 47]),
            ], DemoPilot: "membre@demo.aposart.fr"),
        new(5, AciMission.CarePathways, "Annuaire des lignes directes de l'hôpital", "Lien ville-hôpital", ActionStatus.Completed, 100,
            "Joindre un service de l'hôpital de Rambouillet depuis un cabinet passe par le standard ; les délais pour obtenir un avis s'allongent.",
            "Donner aux professionnels de ville les lignes directes des services hospitaliers.",
            ["Recueillir les lignes directes et les horaires de chaque service", "Les publier dans l'espace adhérents", "Les mettre à jour deux fois par an"],
            "Professionnels de santé de ville du territoire",
            "Les professionnels de ville disposent des lignes directes des services de l'hôpital pour obtenir un avis plus vite.",
            ["Recueil auprès des services", "Mise en forme", "Diffusion aux adhérents", "Mise à jour semestrielle"],
            [("Temps de coordination", 800m)],
            [
                new(IndicatorKind.Process, "Services hospitaliers recensés", IndicatorUnit.Count, 0, [15, 25, 25], [18, 26, 26]),
                new(IndicatorKind.Outcome, "Professionnels satisfaits de l'annuaire (enquête)", IndicatorUnit.Percent, null, [70, 80, 80], [76, 84]),
            ]),
        new(6, AciMission.CarePathways, "Sortie d'hospitalisation des personnes âgées", "Lien ville-hôpital", ActionStatus.Validated, 20,
            "Les retours à domicile après une hospitalisation sont souvent mal préparés : traitement modifié sans transmission, infirmier prévenu tard.",
            "Préparer chaque sortie avec le médecin traitant, l'infirmier et le pharmacien du patient.",
            ["Transmettre la lettre de liaison le jour de la sortie", "Prévenir l'infirmier et le pharmacien 48 heures avant", "Revoir le traitement à une semaine"],
            "Personnes de plus de 75 ans hospitalisées et rentrant à domicile",
            "Les sorties d'hospitalisation des personnes âgées sont préparées avec les professionnels de ville qui les suivent.",
            ["Groupe de travail ville-hôpital", "Fiche de liaison commune", "Test sur un service", "Extension"],
            [("Groupes de travail", 2000m)],
            [
                new(IndicatorKind.Process, "Sorties préparées avec la ville", IndicatorUnit.Count, 0, [40, 120, 200], [12, 37]),
                new(IndicatorKind.Outcome, "Réhospitalisations à 30 jours des patients suivis", IndicatorUnit.Percent, 18, [16, 14, 12], [17.5m, 16.1m]),
            ]),
        new(7, AciMission.Prevention, "Ateliers de prévention au lycée avec les étudiants en médecine", "Jeunes", ActionStatus.InProgress, 65,
            "Les lycéens du territoire connaissent mal les risques liés aux addictions, à la vie affective et aux écrans. Les étudiants en santé doivent "
            + "mener des actions de prévention pendant leur service sanitaire.",
            "Mener chaque année des ateliers de prévention dans les lycées, animés par des étudiants encadrés par des professionnels.",
            ["Accueillir des étudiants du service sanitaire", "Animer des ateliers sur les addictions et la vie affective", "Évaluer les connaissances avant et après"],
            "Élèves de seconde des lycées du territoire",
            "Des étudiants en médecine, encadrés par des professionnels de la CPTS, animent des ateliers de prévention dans les lycées.",
            ["Convention avec le lycée", "Accueil des étudiants", "Ateliers", "Questionnaires d'évaluation", "Bilan avec l'équipe éducative"],
            [("Demi-journées de prévention des professionnels", 3000m), ("Supports d'ateliers", 600m)],
            [
                new(IndicatorKind.Process, "Ateliers réalisés", IndicatorUnit.Count, 0, [8, 12, 16], [6, 12, 7]),
                new(IndicatorKind.Process, "Élèves ayant participé", IndicatorUnit.Count, 0, [200, 300, 400], [170, 310, 180]),
                new(IndicatorKind.Outcome, "Élèves ayant amélioré leurs connaissances", IndicatorUnit.Percent, null, [60, 70, 75], [64, 72]),
            ]),
        new(8, AciMission.Prevention, "Partenariat de prévention du suicide", "Santé mentale", ActionStatus.InProgress, 35,
            "Le territoire rural isole des personnes en souffrance psychique ; les professionnels de premier recours se disent peu formés au repérage.",
            "Former des professionnels au repérage de la crise suicidaire et organiser l'orientation avec les partenaires.",
            ["Former des professionnels sentinelles", "Partager l'annuaire des ressources en santé mentale", "Organiser l'orientation vers le centre médico-psychologique"],
            "Personnes à risque suicidaire et leur entourage",
            "Avec ses partenaires de la santé mentale, la CPTS forme des professionnels au repérage de la crise suicidaire et facilite l'orientation.",
            ["Convention avec les partenaires", "Sessions de formation", "Annuaire des ressources", "Bilan annuel"],
            [("Formations au repérage", 4000m)],
            [
                new(IndicatorKind.Process, "Professionnels formés au repérage", IndicatorUnit.Count, 0, [20, 40, 60], [14, 33]),
                new(IndicatorKind.Process, "Sessions de formation organisées", IndicatorUnit.Count, 0, [2, 3, 4], [2, 3, 1]),
            ]),
        new(9, AciMission.Prevention, "Vaccination : aller vers les publics peu couverts", "Vaccination", ActionStatus.InProgress, 50,
            "La couverture vaccinale contre la grippe des plus de 65 ans et contre les papillomavirus des adolescents reste sous les objectifs.",
            "Augmenter la couverture vaccinale en coordonnant médecins, infirmiers, pharmaciens et sages-femmes.",
            ["Campagne d'information commune à l'automne", "Séances de vaccination dans les communes sans professionnel", "Relance des patients non vaccinés"],
            "Personnes de plus de 65 ans, adolescents de 11 à 14 ans",
            "Médecins, infirmiers, pharmaciens et sages-femmes coordonnent les campagnes de vaccination et vont vers les communes sans professionnel.",
            ["Campagne grippe", "Séances en mairie", "Campagne papillomavirus au collège", "Bilan"],
            [("Communication", 1500m), ("Demi-journées de vaccination", 2400m)],
            [
                new(IndicatorKind.Outcome, "Couverture vaccinale grippe des plus de 65 ans", IndicatorUnit.Percent, 51, [55, 58, 60], [52.4m, 55.1m]),
                new(IndicatorKind.Process, "Séances de vaccination hors cabinet", IndicatorUnit.Count, 0, [6, 10, 12], [5, 9, 4]),
                new(IndicatorKind.Outcome, "Adolescents vaccinés contre les papillomavirus", IndicatorUnit.Percent, 38, [45, 50, 55], [41, 46]),
            ]),
        new(10, AciMission.Prevention, "Patients acteurs de leur santé", "Éducation thérapeutique", ActionStatus.Validated, 25,
            "Les patients atteints de maladies chroniques connaissent mal leur traitement ; peu d'ateliers d'éducation existent hors de l'hôpital.",
            "Proposer en ville des ateliers où les patients apprennent à gérer leur maladie, avec des patients partenaires.",
            ["Ouvrir des ateliers diabète et insuffisance cardiaque", "Former des patients partenaires", "Évaluer l'évolution des connaissances"],
            "Patients atteints de diabète ou d'insuffisance cardiaque",
            "Des ateliers en ville, animés avec des patients partenaires, aident les personnes malades chroniques à gérer leur santé.",
            ["Programme d'ateliers", "Recrutement des patients partenaires", "Premiers ateliers", "Évaluation"],
            [("Animation des ateliers", 3600m)],
            [
                new(IndicatorKind.Process, "Patients ayant suivi un cycle d'ateliers", IndicatorUnit.Count, 0, [20, 50, 80], [8, 27]),
                new(IndicatorKind.Process, "Patients partenaires formés", IndicatorUnit.Count, 0, [2, 4, 6], [1, 3]),
            ]),
        new(11, AciMission.HealthCrises, "Plan de réponse aux crises sanitaires", "Crise sanitaire", ActionStatus.Completed, 100,
            "Pendant l'épidémie de COVID-19, la CPTS a ouvert un centre de vaccination dans l'urgence ; les rôles et contacts n'étaient écrits nulle part.",
            "Disposer d'un plan de crise à jour, connu des adhérents, avec les contacts et les rôles de chacun.",
            ["Écrire le plan de crise de la CPTS", "Tenir à jour la liste des professionnels mobilisables", "Faire un exercice par an"],
            "Tous les professionnels et habitants du territoire",
            "La CPTS tient à jour un plan de réponse aux crises sanitaires : qui fait quoi, avec quels contacts, et s'exerce chaque année.",
            ["Rédaction du plan", "Validation par le bureau et l'ARS", "Exercice annuel", "Mise à jour"],
            [("Exercice de crise", 1500m)],
            [
                new(IndicatorKind.Process, "Plan de crise à jour (1 = oui)", IndicatorUnit.Count, 0, [1, 1, 1], [1, 1, 1]),
                new(IndicatorKind.Process, "Exercices de crise réalisés", IndicatorUnit.Count, 0, [1, 1, 1], [1, 1]),
            ]),
        new(12, AciMission.HealthCrises, "Réserve de professionnels mobilisables", "Crise sanitaire", ActionStatus.InProgress, 45,
            "En cas de crise, il faut réunir vite des professionnels volontaires pour vacciner, dépister ou renforcer une équipe.",
            "Tenir une réserve de professionnels volontaires, joignables et formés.",
            ["Recenser les volontaires et leurs disponibilités", "Les former aux gestes de la crise", "Tester l'alerte deux fois par an"],
            "Professionnels de santé du territoire",
            "Une réserve de professionnels volontaires peut être mobilisée rapidement en cas de crise sanitaire.",
            ["Appel aux volontaires", "Formation", "Test d'alerte", "Bilan"],
            [("Formation des volontaires", 2000m)],
            [
                new(IndicatorKind.Process, "Professionnels inscrits dans la réserve", IndicatorUnit.Count, 0, [30, 50, 70], [24, 43, 51]),
                new(IndicatorKind.Outcome, "Réponses à l'alerte test en moins de 24 heures", IndicatorUnit.Percent, null, [60, 70, 80], [55, 68]),
            ]),
        new(13, AciMission.QualityOfCare, "Formations interprofessionnelles", "Formation", ActionStatus.InProgress, 60,
            "Les professionnels se forment chacun de leur côté ; se former ensemble crée des habitudes de travail communes.",
            "Proposer chaque année des soirées de formation communes à plusieurs professions.",
            ["Construire un programme annuel à partir des besoins exprimés", "Ouvrir chaque formation à au moins trois professions", "Évaluer chaque session"],
            "Professionnels de santé du territoire",
            "La CPTS organise des formations communes à plusieurs professions de santé, sur des sujets choisis par ses membres.",
            ["Enquête de besoins", "Programme annuel", "Sessions", "Évaluations"],
            [("Intervenants", 5000m), ("Salles et logistique", 1500m)],
            [
                new(IndicatorKind.Process, "Formations réalisées dans l'année", IndicatorUnit.Count, 0, [6, 8, 10], [5, 8], IndicatorSource.TrainingsHeld),
                new(IndicatorKind.Process, "Participants distincts aux formations", IndicatorUnit.Count, 0, [60, 90, 120], [54, 87], IndicatorSource.TrainingAttendees),
                new(IndicatorKind.Outcome, "Participants satisfaits", IndicatorUnit.Percent, null, [80, 85, 85], [86, 88]),
            ]),
        new(14, AciMission.QualityOfCare, "Protocoles pluriprofessionnels partagés", "Protocoles", ActionStatus.InProgress, 40,
            "Les infections urinaires simples et les angines occupent des consultations alors que des protocoles permettent au pharmacien d'agir.",
            "Déployer des protocoles entre médecins et pharmaciens pour les situations simples.",
            ["Adopter les protocoles cystite et angine", "Former les pharmaciens volontaires au test rapide", "Suivre les prises en charge"],
            "Patients présentant une cystite simple ou un mal de gorge",
            "Médecins et pharmaciens appliquent des protocoles communs pour prendre en charge les situations simples.",
            ["Choix des protocoles", "Formation", "Déploiement", "Revue annuelle"],
            [("Formation des pharmaciens", 1800m)],
            [
                new(IndicatorKind.Process, "Pharmacies appliquant les protocoles", IndicatorUnit.Count, 0, [5, 10, 14], [4, 9, 11]),
                new(IndicatorKind.Process, "Prises en charge en pharmacie selon protocole", IndicatorUnit.Count, 0, [100, 250, 400], [73, 228]),
            ], DemoPilot: "bureau@demo.aposart.fr"),
        new(15, AciMission.QualityOfCare, "Bon usage des antibiotiques", "Pertinence", ActionStatus.Draft, 10,
            "Les prescriptions d'antibiotiques du territoire dépassent la moyenne régionale pour les infections respiratoires hautes.",
            "Réduire les prescriptions d'antibiotiques non justifiées.",
            ["Partager les données de prescription avec les médecins", "Diffuser les tests rapides", "Soirée d'échange de pratiques"],
            "Médecins et pharmaciens du territoire",
            "Médecins et pharmaciens échangent sur leurs pratiques pour mieux prescrire les antibiotiques.",
            ["Analyse des données", "Soirée d'échange", "Suivi"],
            [("Soirée d'échange de pratiques", 1200m)],
            [
                new(IndicatorKind.Outcome, "Prescriptions d'antibiotiques pour 1 000 habitants", IndicatorUnit.Count, 780, [750, 720, 690], [781, 766]),
                new(IndicatorKind.Process, "Médecins ayant participé à l'échange de pratiques", IndicatorUnit.Count, 0, [10, 15, 20], [0, 6]),
            ]),
        new(16, AciMission.SupportForProfessionals, "Messagerie sécurisée pour tous", "Numérique en santé", ActionStatus.InProgress, 55,
            "Beaucoup de paramédicaux échangent encore des données de santé par courriel ordinaire ou par fax.",
            "Équiper et former tous les professionnels du territoire à une messagerie sécurisée de santé (MSSanté).",
            ["Proposer l'installation au cabinet par un prestataire", "Réunions d'information par profession", "Suivre le taux d'équipement"],
            "Tous les professionnels de santé du territoire, en priorité les paramédicaux",
            "La CPTS aide chaque professionnel à s'équiper d'une messagerie sécurisée de santé pour échanger sans risque.",
            ["Choix du prestataire", "Réunions d'information", "Installations au cabinet", "Mesure du taux d'équipement"],
            [("Installations par le prestataire", 6000m), ("Réunions d'information", 900m)],
            [
                new(IndicatorKind.Outcome, "Professionnels de l'annuaire ayant une adresse MSSanté", IndicatorUnit.Percent, 35, [45, 55, 65], [41, 48],
                    IndicatorSource.SecureMailShare, "Adresses MSSanté renseignées / professionnels de l'annuaire"),
                new(IndicatorKind.Process, "Installations réalisées par le prestataire", IndicatorUnit.Count, 0, [20, 40, 60], [17, 38, 22]),
                new(IndicatorKind.Process, "Réunions d'information", IndicatorUnit.Count, 0, [3, 4, 4], [3, 4, 2]),
            ], DemoPilot: "membre@demo.aposart.fr"),
        new(17, AciMission.SupportForProfessionals, "Accueillir les jeunes professionnels et les internes", "Attractivité", ActionStatus.InProgress, 45,
            "Plus de la moitié des médecins généralistes ont plus de 60 ans ; la densité médicale est inférieure de 30 % à la moyenne nationale.",
            "Faire venir et rester de jeunes professionnels, en commençant par les internes en stage.",
            ["Accueillir les internes : logement, soirée d'accueil, présentation des cabinets", "Proposer des remplacements", "Accompagner les installations"],
            "Internes, étudiants et jeunes professionnels de santé",
            "La CPTS accueille les internes et les jeunes professionnels et les accompagne jusqu'à leur installation.",
            ["Livret d'accueil", "Soirée d'accueil des internes", "Bourse aux remplacements", "Accompagnement des installations"],
            [("Soirées d'accueil", 1500m), ("Livret d'accueil", 800m)],
            [
                new(IndicatorKind.Process, "Internes accueillis dans l'année", IndicatorUnit.Count, 0, [6, 8, 10], [5, 8, 4]),
                new(IndicatorKind.Outcome, "Nouvelles installations sur le territoire", IndicatorUnit.Count, 0, [3, 4, 5], [2, 4]),
            ]),
        new(18, AciMission.SupportForProfessionals, "Faire vivre la CPTS : adhésion et communication", "Vie de la CPTS", ActionStatus.InProgress, 70,
            "Beaucoup de professionnels du territoire ne connaissent pas la CPTS ou ne savent pas comment y participer.",
            "Faire connaître la CPTS et augmenter le nombre d'adhérents de toutes les professions.",
            ["Publier un annuaire et un site à jour", "Envoyer une lettre trimestrielle", "Présenter la CPTS aux nouveaux installés"],
            "Professionnels de santé, structures et partenaires du territoire",
            "La CPTS se fait connaître des professionnels du territoire et les invite à la rejoindre.",
            ["Site et annuaire", "Lettre trimestrielle", "Assemblée générale", "Campagne d'adhésion"],
            [("Site internet et communication", 10000m)],
            [
                new(IndicatorKind.Outcome, "Adhérents de l'année", IndicatorUnit.Count, 60, [80, 90, 100], [72, 85], IndicatorSource.AdherentCount,
                    "Adhésions validées de l'année (à jour, exonérées, en attente ou en retard de cotisation)"),
                new(IndicatorKind.Process, "Lettres d'information envoyées", IndicatorUnit.Count, 0, [4, 4, 4], [3, 4, 3]),
            ], DemoPilot: "bureau@demo.aposart.fr"),
    ];

    public async Task SeedAsync(IReadOnlyDictionary<string, Guid> demoUsers, CancellationToken cancellationToken = default)
    {
        if (await db.ActionSheets.AnyAsync(cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToParis().DateTime);
        var year = today.Year;
        var adherents = await db.Professionals
            .Where(p => p.UserId == null && p.Memberships.Any(m => m.Year == year && MembershipText.ActiveStatuses.Contains(m.Status)))
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ToListAsync(cancellationToken);
        var demoProfessionals = await db.Professionals.Where(p => p.UserId != null && demoUsers.Values.Contains(p.UserId.Value))
            .ToDictionaryAsync(p => p.UserId!.Value, cancellationToken);
        var partners = await db.Organisations.OrderBy(o => o.Name).ToListAsync(cancellationToken);
        var coordinatorName = "Camille Coordination";
        demoUsers.TryGetValue("coordination@demo.aposart.fr", out var coordinatorId);

        foreach (var seed in Fiches)
        {
            var pilots = new List<Professional>();
            if (seed.DemoPilot is not null && demoUsers.TryGetValue(seed.DemoPilot, out var userId) && demoProfessionals.TryGetValue(userId, out var demoPilot))
            {
                pilots.Add(demoPilot);
            }
            if (adherents.Count > 0)
            {
                pilots.Add(adherents[seed.Number * 5 % adherents.Count]);
            }
            var created = now.AddYears(-2).AddDays(seed.Number * 3);
            var start = today.AddMonths(-18 + seed.Number % 4);
            var done = (int)Math.Round(seed.Steps.Length * seed.Progress / 100.0);
            var fiche = new ActionSheet
            {
                Number = seed.Number, Title = seed.Title, Mission = seed.Mission, Theme = seed.Theme, Status = seed.Status, Progress = seed.Progress,
                Context = seed.Context, GeneralObjective = seed.Objective,
                OperationalObjectives = string.Join('\n', seed.Operational.Select(o => "- " + o)),
                TargetPopulation = seed.Population, Actors = "Professionnels de santé adhérents de la CPTS et coordination.",
                Milestones = $"- Lancement : {start:MM/yyyy}\n- Bilan intermédiaire : {start.AddMonths(12):MM/yyyy}\n- Bilan final : {start.AddMonths(30):MM/yyyy}",
                Resources = "Temps de coordination, indemnisation des professionnels selon le barème de la CPTS.",
                RegionalPlanLink = "PRS Île-de-France : " + (seed.Mission == AciMission.AccessToCare ? "améliorer la prise en charge des soins non programmés" : "parcours et prévention de proximité"),
                LocalContractLink = "Contrat local de santé du territoire", AciLink = $"Mission {(int)seed.Mission} – {seed.Mission.Title()}",
                Published = seed.Status != ActionStatus.Draft, PublicSummary = seed.Summary,
                Pilots = pilots,
                PartnerOrganisations = partners.Count == 0 ? [] : [partners[seed.Number % partners.Count]],
                Steps = [.. seed.Steps.Select((title, i) => new ActionStep
                {
                    Title = title, DueOn = start.AddMonths(4 * (i + 1)), SortOrder = i, Owner = i == 0 ? "Coordination" : null,
                    // One step of fiche 2 is left behind on purpose, so the demo shows a late step.
                    Status = i < done ? StepStatus.Done : i == done && seed.Number != 2 ? StepStatus.InProgress : StepStatus.ToDo,
                })],
                BudgetLines = [.. seed.Budget.Select((b, i) => new BudgetLine { Label = b.Label, Amount = b.Amount, SortOrder = i })],
                Indicators = [.. seed.Indicators.Select((m, i) => Indicator(m, i, now, pilots))],
                Changes =
                [
                    new ActionChange { At = created, ByUserId = coordinatorId == Guid.Empty ? null : coordinatorId, ByName = coordinatorName, Field = "Fiche", NewValue = "créée" },
                    new ActionChange { At = created.AddDays(40), ByName = coordinatorName, Field = "Statut", OldValue = "Brouillon", NewValue = "Validée" },
                ],
                Comments = seed.Number % 3 == 0
                    ? [new ActionComment { AuthorName = coordinatorName, AuthorId = coordinatorId == Guid.Empty ? null : coordinatorId, At = now.AddDays(-20),
                        Text = "Point à faire au prochain bureau sur l'avancement des étapes." }]
                    : [],
            };
            db.ActionSheets.Add(fiche);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data: {Count} fiches action", Fiches.Length);
    }

    /// <summary>Targets for last year, this year and next; values measured from two years ago on.</summary>
    private static Indicator Indicator(Measure m, int index, DateTimeOffset now, List<Professional> pilots)
    {
        var year = now.ToParis().Year;
        var enteredBy = m.Source == IndicatorSource.Manual ? pilots.FirstOrDefault() : null;
        return new Indicator
        {
            Kind = m.Kind, Name = m.Name, Unit = m.Unit, Baseline = m.Baseline, Source = m.Source, SortOrder = index, Computation = m.Computation,
            Targets = [.. m.Targets.Select((value, i) => new IndicatorTarget { Year = year - 1 + i, Value = value })],
            Measurements = [.. m.Values.Select((value, i) => new Measurement
            {
                Year = year - 2 + i, Value = value,
                // A year's value is entered at the next January's review; this year's, a few days ago.
                EnteredAt = year - 2 + i < year ? new DateTimeOffset(year - 1 + i, 1, 20, 9, 0, 0, TimeSpan.Zero) : now.AddDays(-12),
                EnteredById = enteredBy?.UserId,
                EnteredByName = enteredBy?.FullName ?? "Calcul automatique du portail",
                Comment = i == m.Values.Length - 1 && m.Source == IndicatorSource.Manual ? "Valeur relevée au bilan annuel." : null,
            })],
        };
    }
}
