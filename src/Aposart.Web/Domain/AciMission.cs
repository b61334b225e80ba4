namespace Aposart.Web.Domain;

/// <summary>The six missions of the ACI (accord conventionnel interprofessionnel), fixed by the agreement.</summary>
public enum AciMission
{
    AccessToCare = 1,
    CarePathways = 2,
    Prevention = 3,
    HealthCrises = 4,
    QualityOfCare = 5,
    SupportForProfessionals = 6,
}

public static class AciMissionText
{
    public static string Title(this AciMission mission) => mission switch
    {
        AciMission.AccessToCare => "Accès aux soins",
        AciMission.CarePathways => "Parcours pluriprofessionnels",
        AciMission.Prevention => "Prévention",
        AciMission.HealthCrises => "Crises sanitaires",
        AciMission.QualityOfCare => "Qualité et pertinence des soins",
        AciMission.SupportForProfessionals => "Accompagnement des professionnels",
        _ => throw new ArgumentOutOfRangeException(nameof(mission)),
    };

    public static string Summary(this AciMission mission) => mission switch
    {
        AciMission.AccessToCare =>
            "Trouver un médecin traitant aux patients qui n'en ont pas et organiser en ville les soins non programmés, plutôt qu'aux urgences.",
        AciMission.CarePathways =>
            "Construire des parcours de soins entre professions : personnes âgées à domicile, liens ville-hôpital.",
        AciMission.Prevention =>
            "Mener des actions de prévention : ateliers auprès des lycéens, prévention du suicide, vaccination.",
        AciMission.HealthCrises =>
            "Préparer et conduire la réponse du territoire aux crises sanitaires, comme les centres de vaccination.",
        AciMission.QualityOfCare =>
            "Améliorer la qualité des soins par des formations interprofessionnelles et des protocoles partagés.",
        AciMission.SupportForProfessionals =>
            "Rendre le territoire attractif pour les jeunes professionnels, diffuser la messagerie sécurisée, accueillir les internes.",
        _ => throw new ArgumentOutOfRangeException(nameof(mission)),
    };
}
