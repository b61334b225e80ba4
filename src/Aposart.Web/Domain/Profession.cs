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

    /// <summary>
    /// The national profession codes (nomenclature TRE_G15, used by the RPPS register and by Pro Santé Connect) and, for
    /// doctors, the savoir-faire: SM53 and SM54 are general medicine; a doctor without one (newer extractions put the
    /// specialties in a file of their own) counts as a specialist.
    /// </summary>
    public static Profession? FromNationalCode(string? code, string? specialty) => code switch
    {
        "10" when specialty is "SM53" or "SM54" => Profession.GeneralPractitioner,
        "10" when specialty is "SM44" or "SM45" => Profession.Radiologist,
        "10" => Profession.Specialist,
        "21" => Profession.Pharmacist,
        "26" => Profession.HearingAidSpecialist,
        "28" => Profession.Optician,
        "40" => Profession.Dentist,
        "50" => Profession.Midwife,
        "60" => Profession.Nurse,
        "70" => Profession.Physiotherapist,
        "80" => Profession.Podiatrist,
        "91" => Profession.SpeechTherapist,
        "92" => Profession.Orthoptist,
        "93" => Profession.Psychologist,
        "94" => Profession.OccupationalTherapist,
        "95" => Profession.Dietitian,
        "96" => Profession.PsychomotorTherapist,
        _ => null,
    };
}
