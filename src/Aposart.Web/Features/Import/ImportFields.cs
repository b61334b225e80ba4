using System.Globalization;
using System.Text;

namespace Aposart.Web.Features.Import;

/// <summary>What a column of the members' spreadsheet can be brought into.</summary>
public enum ImportField
{
    Ignore = 0,
    LastName = 1,
    FirstName = 2,
    Profession = 3,
    Identifier = 4,
    Email = 5,
    Phone = 6,
    Address = 7,
    Postcode = 8,
    Commune = 9,
    Structure = 10,
    College = 11,
    MembershipYear = 12,
    MembershipStatus = 13,
    AmountPaid = 14,
    PaidOn = 15,
    PaymentMethod = 16,
}

public static class ImportFields
{
    public static readonly ImportField[] All = [.. Enum.GetValues<ImportField>().Where(f => f != ImportField.Ignore)];

    public static string Label(this ImportField field) => field switch
    {
        ImportField.LastName => "Nom",
        ImportField.FirstName => "Prénom",
        ImportField.Profession => "Profession",
        ImportField.Identifier => "N° RPPS ou ADELI",
        ImportField.Email => "Adresse e-mail",
        ImportField.Phone => "Téléphone",
        ImportField.Address => "Adresse d'exercice",
        ImportField.Postcode => "Code postal",
        ImportField.Commune => "Commune",
        ImportField.Structure => "Structure",
        ImportField.College => "Collège",
        ImportField.MembershipYear => "Année d'adhésion",
        ImportField.MembershipStatus => "Adhésion (payée, à jour, exonérée…)",
        ImportField.AmountPaid => "Montant payé",
        ImportField.PaidOn => "Date de paiement",
        ImportField.PaymentMethod => "Mode de paiement",
        _ => "Ne pas importer",
    };

    /// <summary>
    /// The field a header most likely means, as people title their columns (« Nom », « Prénom », « Mail », « Tél. »,
    /// « Cotisation 2026 »…). The order of the tests matters: « Prénom » holds « nom », « Date de paiement » holds « paiement ».
    /// </summary>
    public static ImportField Guess(string header)
    {
        var key = Key(header);
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool Has(params string[] any) => any.Any(a => a.Contains(' ') ? key.Contains(a, StringComparison.Ordinal) : words.Contains(a));
        if (Has("prenom", "prenoms", "first name", "firstname"))
        {
            return ImportField.FirstName;
        }
        if (Has("mail", "email", "courriel", "e mail", "mel"))
        {
            return ImportField.Email;
        }
        if (Has("rpps", "adeli", "identifiant", "ps"))
        {
            return ImportField.Identifier;
        }
        if (Has("tel", "telephone", "portable", "mobile", "fixe", "phone", "tel."))
        {
            return ImportField.Phone;
        }
        if (Has("cp", "code postal", "postal"))
        {
            return ImportField.Postcode;
        }
        if (Has("college", "colleges"))
        {
            return ImportField.College;
        }
        if (Has("date"))
        {
            return ImportField.PaidOn;
        }
        if (Has("mode", "moyen", "paiement par"))
        {
            return ImportField.PaymentMethod;
        }
        if (Has("montant", "somme", "verse"))
        {
            return ImportField.AmountPaid;
        }
        // « Règlement cotisation 2026 » says whether the fee is paid; « Règlement » alone is how.
        if (Has("cotisation", "adhesion", "paye", "payee", "a jour", "statut", "adherent", "regle"))
        {
            return Has("annee") ? ImportField.MembershipYear : ImportField.MembershipStatus;
        }
        if (Has("reglement"))
        {
            return ImportField.PaymentMethod;
        }
        if (Has("annee", "millesime", "exercice"))
        {
            return ImportField.MembershipYear;
        }
        if (Has("profession", "metier", "fonction", "qualite"))
        {
            return ImportField.Profession;
        }
        if (Has("commune", "ville", "localite", "city"))
        {
            return ImportField.Commune;
        }
        if (Has("adresse", "rue", "address", "voie"))
        {
            return ImportField.Address;
        }
        if (Has("structure", "cabinet", "msp", "etablissement", "centre", "pharmacie", "officine"))
        {
            return ImportField.Structure;
        }
        if (Has("nom", "name", "nom de famille", "lastname"))
        {
            return ImportField.LastName;
        }
        return ImportField.Ignore;
    }

    /// <summary>The year a header names (« Cotisation 2026 »), for the membership year when no column gives one.</summary>
    public static int? YearIn(string header)
    {
        var match = System.Text.RegularExpressions.Regex.Match(header, @"\b(20\d{2})\b");
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Lower case, without accents or punctuation, spaces collapsed: « Tél. » and « tel » are the same key.</summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
