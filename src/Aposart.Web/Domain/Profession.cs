namespace Aposart.Web.Domain;

/// <summary>Health professions of the directory; the order is the order of the lists shown to users.</summary>
public enum Profession
{
    GeneralPractitioner = 1,
    Specialist = 2,
    Nurse = 3,
    Pharmacist = 4,
    Midwife = 5,
    Physiotherapist = 6,
    SpeechTherapist = 7,
    Orthoptist = 8,
    Psychologist = 9,
    Podiatrist = 10,
    Dentist = 11,
    Dietitian = 12,
    OccupationalTherapist = 13,
    PsychomotorTherapist = 14,
    Biologist = 15,
    Radiologist = 16,
    HearingAidSpecialist = 17,
    Optician = 18,
    Other = 99,
}

public static class ProfessionText
{
    public static string Label(this Profession profession) => profession switch
    {
        Profession.GeneralPractitioner => "Médecin généraliste",
        Profession.Specialist => "Médecin spécialiste",
        Profession.Nurse => "Infirmier / infirmière",
        Profession.Pharmacist => "Pharmacien / pharmacienne",
        Profession.Midwife => "Sage-femme",
        Profession.Physiotherapist => "Masseur-kinésithérapeute",
        Profession.SpeechTherapist => "Orthophoniste",
        Profession.Orthoptist => "Orthoptiste",
        Profession.Psychologist => "Psychologue",
        Profession.Podiatrist => "Pédicure-podologue",
        Profession.Dentist => "Chirurgien-dentiste",
        Profession.Dietitian => "Diététicien / diététicienne",
        Profession.OccupationalTherapist => "Ergothérapeute",
        Profession.PsychomotorTherapist => "Psychomotricien / psychomotricienne",
        Profession.Biologist => "Biologiste",
        Profession.Radiologist => "Radiologue",
        Profession.HearingAidSpecialist => "Audioprothésiste",
        Profession.Optician => "Opticien-lunetier",
        Profession.Other => "Autre profession de santé",
        _ => profession.ToString(),
    };

    /// <summary>Professions whose members hold an RPPS number; the others are registered with ADELI.</summary>
    public static bool UsesRpps(this Profession profession) => profession is Profession.GeneralPractitioner or Profession.Specialist
        or Profession.Pharmacist or Profession.Midwife or Profession.Dentist or Profession.Biologist or Profession.Radiologist
        or Profession.Nurse or Profession.Physiotherapist or Profession.Podiatrist;
}
