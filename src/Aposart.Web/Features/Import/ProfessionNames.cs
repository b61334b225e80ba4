using Aposart.Web.Domain;

namespace Aposart.Web.Features.Import;

/// <summary>The professions as people write them in a spreadsheet: abbreviations, feminine forms, the register's labels.</summary>
public static class ProfessionNames
{
    private static readonly Dictionary<string, Profession> Names = Build();

    public static Profession? Find(string text)
    {
        var key = ImportFields.Key(text);
        if (Names.TryGetValue(key, out var profession))
        {
            return profession;
        }
        // « Infirmière libérale », « Médecin généraliste MSP »: the longest known name the text starts with.
        return Names.Where(n => n.Key.Length >= 3 && key.StartsWith(n.Key + " ", StringComparison.Ordinal)).OrderByDescending(n => n.Key.Length)
            .Select(n => (Profession?)n.Value).FirstOrDefault();
    }

    /// <summary>The three labels closest to what was typed, for the message and the fix list.</summary>
    public static IReadOnlyList<string> Suggestions(string text)
    {
        var key = ImportFields.Key(text);
        return [.. Names.Select(n => (n.Value, Distance: ImportPlanner.Levenshtein(key, n.Key)))
            .GroupBy(n => n.Value).Select(g => (Profession: g.Key, Distance: g.Min(x => x.Distance)))
            .OrderBy(n => n.Distance).ThenBy(n => n.Profession).Take(3).Select(n => n.Profession.Label())];
    }

    private static Dictionary<string, Profession> Build()
    {
        var names = new Dictionary<string, Profession>();
        foreach (var profession in Enum.GetValues<Profession>())
        {
            var label = profession.Label();
            names[ImportFields.Key(label)] = profession;
            foreach (var part in label.Split('/', StringSplitOptions.TrimEntries))
            {
                names.TryAdd(ImportFields.Key(part), profession);
            }
        }
        (string Name, Profession Profession)[] more =
        [
            ("medecin", Profession.GeneralPractitioner), ("generaliste", Profession.GeneralPractitioner), ("mg", Profession.GeneralPractitioner),
            ("medecin generaliste", Profession.GeneralPractitioner), ("medecin traitant", Profession.GeneralPractitioner),
            ("medecine generale", Profession.GeneralPractitioner), ("qualifie en medecine generale", Profession.GeneralPractitioner),
            ("specialiste", Profession.Specialist), ("medecin specialiste", Profession.Specialist),
            ("ide", Profession.Nurse), ("idel", Profession.Nurse), ("infirmier", Profession.Nurse), ("infirmiere", Profession.Nurse),
            ("infirmier diplome d etat", Profession.Nurse), ("ipa", Profession.Nurse), ("infirmiere en pratique avancee", Profession.Nurse),
            ("pharmacien", Profession.Pharmacist), ("pharmacienne", Profession.Pharmacist), ("pharmacie", Profession.Pharmacist),
            ("pharmacien titulaire", Profession.Pharmacist), ("sf", Profession.Midwife), ("sage femme", Profession.Midwife), ("maieuticien", Profession.Midwife),
            ("kine", Profession.Physiotherapist), ("kinesitherapeute", Profession.Physiotherapist), ("mk", Profession.Physiotherapist),
            ("masseur kinesitherapeute", Profession.Physiotherapist), ("kinesi", Profession.Physiotherapist),
            ("ortho", Profession.SpeechTherapist), ("orthophoniste", Profession.SpeechTherapist), ("orthoptiste", Profession.Orthoptist),
            ("psy", Profession.Psychologist), ("psychologue", Profession.Psychologist), ("podologue", Profession.Podiatrist),
            ("pedicure podologue", Profession.Podiatrist), ("pedicure", Profession.Podiatrist),
            ("dentiste", Profession.Dentist), ("chirurgien dentiste", Profession.Dentist), ("cd", Profession.Dentist),
            ("dieteticien", Profession.Dietitian), ("dieteticienne", Profession.Dietitian), ("ergotherapeute", Profession.OccupationalTherapist),
            ("ergo", Profession.OccupationalTherapist), ("psychomotricien", Profession.PsychomotorTherapist), ("psychomotricienne", Profession.PsychomotorTherapist),
            ("biologiste", Profession.Biologist), ("radiologue", Profession.Radiologist), ("audioprothesiste", Profession.HearingAidSpecialist),
            ("opticien", Profession.Optician), ("opticien lunetier", Profession.Optician), ("autre", Profession.Other),
        ];
        foreach (var (name, profession) in more)
        {
            names[name] = profession;
        }
        return names;
    }
}
