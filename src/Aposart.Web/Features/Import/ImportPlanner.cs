using System.Globalization;
using System.Text.RegularExpressions;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Import;

/// <summary>
/// The dry run: reads every line of the sheet through the mapping and the coordinator's fixes, says what is wrong with it
/// in French, finds the record it matches (RPPS, then e-mail, then name and commune) and what importing it would change.
/// The commit runs the very same plan on tracked records inside its transaction, so the preview is what gets written.
/// </summary>
public sealed partial class ImportPlanner(AposartDbContext db)
{
    public async Task<ImportPlan> PlanAsync(SpreadsheetTable table, ImportSetup setup, ImportCorrections corrections, bool forWriting,
        CancellationToken cancellationToken)
    {
        var context = await LoadAsync(forWriting, cancellationToken);
        var lines = new List<PlannedLine>();
        var seen = new Dictionary<string, int>();
        foreach (var row in table.Rows)
        {
            var values = RawValues(row, setup);
            if (corrections.Fixes.TryGetValue(row.Line, out var fixes))
            {
                foreach (var (field, value) in fixes)
                {
                    values[field] = value.Trim();
                }
            }
            var line = new PlannedLine(row.Line, values, corrections.Skipped.Contains(row.Line));
            Understand(line, setup, context);
            if (!line.Skipped)
            {
                FindDuplicate(line, seen);
            }
            line.Action = line.Skipped ? LineAction.Skip : line.Match is null ? LineAction.Create : LineAction.Update;
            // A skipped line changes nothing: with tracked records (the commit), applying it would write it anyway.
            if (!line.Skipped && line.Match is { } match)
            {
                line.Changes.AddRange(ProfessionalChanges.Apply(match, line, owned: match.UserId is not null));
                if (line.Changes.Count == 0 && line.Membership is not { Writes: true })
                {
                    line.Action = LineAction.Unchanged;
                }
            }
            lines.Add(line);
        }
        return new ImportPlan(lines);
    }

    /// <summary>A line's values by field, as the file gives them through the mapping, before any fix.</summary>
    public static Dictionary<ImportField, string> RawValues(SpreadsheetRow row, ImportSetup setup)
    {
        var values = new Dictionary<ImportField, string>();
        for (var i = 0; i < setup.Columns.Count && i < row.Cells.Count; i++)
        {
            if (setup.Columns[i] is var field and not ImportField.Ignore && row.Cells[i].Length > 0)
            {
                // Two columns of one field (an address on two columns) are read as one value.
                values[field] = values.TryGetValue(field, out var before) ? $"{before} {row.Cells[i]}" : row.Cells[i];
            }
        }
        return values;
    }

    private void Understand(PlannedLine line, ImportSetup setup, Context context)
    {
        line.LastName = Clean(line.Value(ImportField.LastName));
        line.FirstName = Clean(line.Value(ImportField.FirstName));
        if (line.LastName.Length == 0)
        {
            line.Problems.Add(new(ImportField.LastName, "Le nom manque.", true));
        }
        else if (line.LastName.Length > 100)
        {
            line.Problems.Add(new(ImportField.LastName, "Le nom dépasse 100 caractères.", true));
        }
        if (line.FirstName.Length == 0)
        {
            line.Problems.Add(new(ImportField.FirstName, "Le prénom manque.", true));
        }
        else if (line.FirstName.Length > 100)
        {
            line.Problems.Add(new(ImportField.FirstName, "Le prénom dépasse 100 caractères.", true));
        }

        var profession = line.Value(ImportField.Profession);
        if (profession.Length == 0)
        {
            line.Problems.Add(new(ImportField.Profession, "La profession manque.", true, ProfessionNames.Suggestions("")));
        }
        else if (ProfessionNames.Find(profession) is { } found)
        {
            line.Profession = found;
        }
        else
        {
            var suggestions = ProfessionNames.Suggestions(profession);
            line.Problems.Add(new(ImportField.Profession, $"Profession « {profession} » inconnue. Proche : {string.Join(", ", suggestions)}.", true, suggestions));
        }

        var identifier = line.Value(ImportField.Identifier);
        if (identifier.Length > 0)
        {
            var digits = FrenchFormats.Digits(identifier);
            if (digits.Length == 11)
            {
                line.Rpps = digits;
                if (!FrenchFormats.PassesLuhn(digits))
                {
                    line.Problems.Add(new(ImportField.Identifier, "Ce numéro RPPS ne passe pas le contrôle de clé : vérifiez-le (carte CPS, annuaire.sante.fr).", true));
                }
            }
            else if (digits.Length == 9)
            {
                line.Adeli = digits;
            }
            else
            {
                line.Problems.Add(new(ImportField.Identifier, "Un numéro RPPS a 11 chiffres, un numéro ADELI 9.", true));
            }
        }

        var email = line.Value(ImportField.Email).Trim().ToLowerInvariant();
        if (email.Length > 0)
        {
            if (new ValidEmailAttribute().IsValid(email))
            {
                line.Email = email;
            }
            else
            {
                line.Problems.Add(new(ImportField.Email, $"Adresse e-mail « {email} » invalide.", true));
            }
        }

        var phone = line.Value(ImportField.Phone);
        if (phone.Length > 0)
        {
            // A number kept as a number in the spreadsheet has lost its leading zero.
            var digits = FrenchFormats.Digits(phone);
            line.Phone = FrenchFormats.NormalisePhone(digits.Length == 9 && phone.Trim().All(char.IsAsciiDigit) ? "0" + digits : phone);
            if (line.Phone is null)
            {
                line.Problems.Add(new(ImportField.Phone, $"Téléphone « {phone} » non reconnu : il ne sera pas importé.", false));
            }
        }

        line.Address = Clean(line.Value(ImportField.Address)) is { Length: > 0 } address ? Truncate(address, 200) : null;
        var postcode = FrenchFormats.Digits(line.Value(ImportField.Postcode));
        if (postcode.Length == 4)
        {
            postcode = "0" + postcode;
        }
        if (postcode.Length == 5)
        {
            line.Postcode = postcode;
        }
        else if (line.Value(ImportField.Postcode).Length > 0)
        {
            line.Problems.Add(new(ImportField.Postcode, $"Code postal « {line.Value(ImportField.Postcode)} » non reconnu.", true));
        }
        ResolveCommune(line, context);

        var structure = line.Value(ImportField.Structure);
        if (structure.Length > 0)
        {
            var key = ImportFields.Key(structure);
            line.Structure = context.Organisations.FirstOrDefault(o => ImportFields.Key(o.Name) == key)
                ?? context.Organisations.FirstOrDefault(o => ImportFields.Key(o.Name).Contains(key, StringComparison.Ordinal) || key.Contains(ImportFields.Key(o.Name), StringComparison.Ordinal));
            if (line.Structure is null)
            {
                line.Problems.Add(new(ImportField.Structure, $"Structure « {structure} » absente de l'annuaire des structures : le lien ne sera pas fait.", false));
            }
        }

        FindMatch(line, context);
        PlanMembership(line, setup, context);
    }

    private static void ResolveCommune(PlannedLine line, Context context)
    {
        var text = line.Value(ImportField.Commune);
        if (text.Length > 0)
        {
            var key = CommuneKey(text);
            var commune = context.Communes.FirstOrDefault(c => c.InseeCode == text.Trim() || CommuneKey(c.Name) == key);
            if (commune is not null)
            {
                line.CommuneInsee = commune.InseeCode;
                line.City = commune.Name;
                if (line.Postcode is null && commune.Postcodes.Count == 1)
                {
                    line.Postcode = commune.Postcodes[0];
                }
                return;
            }
            line.City = Truncate(Clean(text), 100);
            var close = context.Communes.Select(c => (c.Name, Distance: Levenshtein(CommuneKey(c.Name), key))).Where(c => c.Distance <= 2)
                .OrderBy(c => c.Distance).Select(c => c.Name).Take(3).ToList();
            line.Problems.Add(close.Count > 0
                ? new(ImportField.Commune, $"« {text} » n'est pas une commune du territoire. Vouliez-vous dire : {string.Join(", ", close)} ?", true, close)
                : new(ImportField.Commune, $"« {text} » n'est pas une commune du territoire : le lieu d'exercice sera enregistré hors territoire.", false));
            return;
        }
        if (line.Postcode is { } postcode && context.Communes.Where(c => c.Postcodes.Contains(postcode)).ToList() is [var only])
        {
            line.CommuneInsee = only.InseeCode;
            line.City = only.Name;
        }
    }

    /// <summary>By RPPS, then ADELI, then e-mail, then last name, first name and commune; the reason is shown to the coordinator.</summary>
    private static void FindMatch(PlannedLine line, Context context)
    {
        (Professional? Match, string Reason) found =
            line.Rpps is { } rpps && context.ByRpps.TryGetValue(rpps, out var a) ? (a, "même numéro RPPS")
            : line.Adeli is { } adeli && context.ByAdeli.TryGetValue(adeli, out var b) ? (b, "même numéro ADELI")
            : line.Email is { } email && context.ByEmail.TryGetValue(email, out var c) ? (c, "même adresse e-mail")
            : line.LastName.Length > 0 && context.ByNameAndCommune.TryGetValue(NameKey(line), out var d) ? (d, $"même nom et même commune, {line.City}")
            : (null, "");
        line.Match = found.Match;
        line.MatchReason = found.Reason;
        var match = found.Match;
        // Identifiers are unique in the directory: one already held by another record cannot be written on this one.
        if (line.Rpps is { } r && context.ByRpps.TryGetValue(r, out var holder) && holder != match)
        {
            line.Problems.Add(new(ImportField.Identifier, $"Ce numéro RPPS est déjà celui de {holder.DisplayName} dans l'annuaire.", true));
        }
        if (line.Email is { } e && context.ByEmail.TryGetValue(e, out var owner) && owner != match)
        {
            line.Problems.Add(new(ImportField.Email, $"Cette adresse est déjà celle de {owner.DisplayName} dans l'annuaire.", true));
        }
        if (match is not null && line.Rpps is { } mine && match.Rpps is { } theirs && mine != theirs)
        {
            line.Problems.Add(new(ImportField.Identifier, $"La fiche trouvée ({line.MatchReason}) porte un autre numéro RPPS ({theirs}) : vérifiez qu'il s'agit de la même personne.", true));
        }
    }

    private static void PlanMembership(PlannedLine line, ImportSetup setup, Context context)
    {
        var statusText = line.Value(ImportField.MembershipStatus);
        var amountText = line.Value(ImportField.AmountPaid);
        var yearText = line.Value(ImportField.MembershipYear);
        if (statusText.Length == 0 && amountText.Length == 0 && yearText.Length == 0)
        {
            return;
        }
        var year = setup.Year;
        if (yearText.Length > 0)
        {
            if (YearPattern().Match(yearText) is { Success: true } y)
            {
                year = int.Parse(y.Value, CultureInfo.InvariantCulture);
            }
            else
            {
                line.Problems.Add(new(ImportField.MembershipYear, $"Année « {yearText} » non reconnue (par exemple 2026).", true));
                return;
            }
        }
        decimal? amount = null;
        if (amountText.Length > 0)
        {
            amount = ParseAmount(amountText);
            if (amount is null)
            {
                line.Problems.Add(new(ImportField.AmountPaid, $"Montant « {amountText} » non reconnu (par exemple 20 ou 20,00 €).", true));
                return;
            }
        }
        var (status, amountInStatus) = ParseStatus(statusText);
        if (status is null && statusText.Length > 0)
        {
            line.Problems.Add(new(ImportField.MembershipStatus, $"« {statusText} » : indiquez si la cotisation est payée (oui, payé, à jour, un montant), due (non, à payer) ou exonérée.", true,
                ["payé", "à payer", "exonéré"]));
            return;
        }
        amount ??= amountInStatus;
        status ??= amount > 0 ? MembershipStatus.UpToDate : MembershipStatus.ApprovedFeeDue;

        DateOnly? paidOn = null;
        if (line.Value(ImportField.PaidOn) is { Length: > 0 } dateText)
        {
            paidOn = ParseDate(dateText);
            if (paidOn is null)
            {
                line.Problems.Add(new(ImportField.PaidOn, $"Date « {dateText} » non reconnue (par exemple 15/01/{year}).", true));
                return;
            }
        }
        var method = setup.Method;
        if (line.Value(ImportField.PaymentMethod) is { Length: > 0 } methodText)
        {
            if (ParseMethod(methodText) is { } m)
            {
                method = m;
            }
            else
            {
                line.Problems.Add(new(ImportField.PaymentMethod, $"Mode de paiement « {methodText} » non reconnu.", true, ["Chèque", "Virement", "Espèces"]));
                return;
            }
        }
        var collegeId = setup.CollegeId;
        if (line.Value(ImportField.College) is { Length: > 0 } collegeText)
        {
            var key = ImportFields.Key(collegeText);
            var college = context.Colleges.FirstOrDefault(c => ImportFields.Key(c.Name) == key)
                ?? context.Colleges.FirstOrDefault(c => ImportFields.Key(c.Name).Contains(key, StringComparison.Ordinal));
            if (college is null)
            {
                var names = context.Colleges.Select(c => c.Name).ToList();
                line.Problems.Add(new(ImportField.College, $"Collège « {collegeText} » inconnu. Les collèges sont : {string.Join(", ", names)}.", true, names));
                return;
            }
            collegeId = college.Id;
        }
        if (collegeId is not { } chosenCollege)
        {
            line.Problems.Add(new(ImportField.College, "Le collège manque : indiquez-le, ou choisissez un collège par défaut sur l'écran des colonnes.", true,
                [.. context.Colleges.Select(c => c.Name)]));
            return;
        }
        if (context.StatutesId is null)
        {
            line.Problems.Add(new(ImportField.MembershipStatus, "Aucun statut n'est déposé : une adhésion ne peut pas être enregistrée. Déposez les statuts dans les paramètres des adhésions, ou ignorez cette colonne.", true));
            return;
        }
        var fee = context.Fees.TryGetValue(year, out var configured) ? configured : amount;
        if (fee is null)
        {
            line.Problems.Add(new(ImportField.MembershipYear, $"Aucune cotisation n'est fixée pour {year} : fixez-la dans les paramètres des adhésions.", true));
            return;
        }
        var payment = status == MembershipStatus.UpToDate ? amount ?? fee : null;
        var existing = line.Match?.Memberships.FirstOrDefault(x => x.Year == year);
        var label = status.Value.Label().ToLowerInvariant();
        line.Membership = existing switch
        {
            null => new MembershipPlan(year, status.Value, fee.Value, payment, paidOn, method, chosenCollege, null, true,
                $"Adhésion {year} : {label}" + (payment is { } p ? $", {p.ToEuros()} reçus" : "")),
            { Status: MembershipStatus.ApprovedFeeDue or MembershipStatus.Late } due when status == MembershipStatus.UpToDate && due.AmountPaid < due.FeeAmount =>
                new MembershipPlan(year, status.Value, due.FeeAmount, due.FeeAmount - due.AmountPaid, paidOn, method, due.CollegeId, due, true,
                    $"Paiement de l'adhésion {year} : {(due.FeeAmount - due.AmountPaid).ToEuros()}"),
            _ => new MembershipPlan(year, existing.Status, existing.FeeAmount, null, null, method, existing.CollegeId, existing, false,
                $"adhésion {year} déjà enregistrée ({existing.Status.Label().ToLowerInvariant()})"),
        };
    }

    /// <summary>A second line for the same person cannot be imported: the coordinator keeps one, fixes or skips the other.</summary>
    private static void FindDuplicate(PlannedLine line, Dictionary<string, int> seen)
    {
        var keys = new List<(string Key, string Why)>();
        if (line.Rpps is { } rpps)
        {
            keys.Add(("rpps:" + rpps, "même numéro RPPS"));
        }
        if (line.Adeli is { } adeli)
        {
            keys.Add(("adeli:" + adeli, "même numéro ADELI"));
        }
        if (line.Email is { } email)
        {
            keys.Add(("mail:" + email, "même adresse e-mail"));
        }
        if (line.LastName.Length > 0)
        {
            keys.Add(("name:" + NameKey(line), "même nom, prénom et commune"));
        }
        foreach (var (key, why) in keys)
        {
            if (seen.TryGetValue(key, out var first))
            {
                line.Problems.Add(new(null, $"Doublon de la ligne {first} ({why}) : corrigez l'une des deux ou ignorez celle-ci.", true));
                return;
            }
        }
        foreach (var (key, _) in keys)
        {
            seen[key] = line.Line;
        }
    }

    private static string NameKey(PlannedLine line) => $"{ImportFields.Key(line.LastName)}|{ImportFields.Key(line.FirstName)}|{CommuneKey(line.City ?? "")}";

    private static (MembershipStatus? Status, decimal? Amount) ParseStatus(string text)
    {
        var key = ImportFields.Key(text);
        if (key.Length == 0)
        {
            return (null, null);
        }
        if (ParseAmount(text) is { } amount)
        {
            return amount > 0 ? (MembershipStatus.UpToDate, amount) : (MembershipStatus.ApprovedFeeDue, null);
        }
        string[] paid = ["oui", "o", "x", "ok", "v", "vrai", "paye", "payee", "payes", "regle", "reglee", "a jour", "adherent", "adherente", "fait", "encaisse", "recu"];
        string[] due = ["non", "n", "faux", "impaye", "impayee", "a payer", "du", "due", "en attente", "relance", "relancee", "non paye", "non payee", "non regle"];
        string[] exempt = ["exonere", "exoneree", "exo", "gratuit", "offert", "offerte", "membre d honneur"];
        return paid.Contains(key) ? (MembershipStatus.UpToDate, null)
            : due.Contains(key) ? (MembershipStatus.ApprovedFeeDue, null)
            : exempt.Contains(key) ? (MembershipStatus.Exempt, null)
            : (null, null);
    }

    private static decimal? ParseAmount(string text)
    {
        var cleaned = text.Replace("€", "", StringComparison.Ordinal).Replace("EUR", "", StringComparison.OrdinalIgnoreCase)
            .Replace("\u00a0", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        return cleaned.Length > 0 && decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount < 100_000
            ? decimal.Round(amount, 2) : null;
    }

    private static DateOnly? ParseDate(string text)
    {
        string[] formats = ["dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "d/M/yy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy", "dd/MM/yyyy HH:mm"];
        return DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100
            ? DateOnly.FromDateTime(date) : null;
    }

    private static PaymentMethod? ParseMethod(string text) => ImportFields.Key(text) switch
    {
        var k when k.StartsWith("ch", StringComparison.Ordinal) => PaymentMethod.Cheque,
        var k when k.StartsWith("vir", StringComparison.Ordinal) || k.Contains("helloasso", StringComparison.Ordinal) || k == "cb" || k.StartsWith("carte", StringComparison.Ordinal) => PaymentMethod.Transfer,
        var k when k.StartsWith("esp", StringComparison.Ordinal) || k == "liquide" || k == "cash" => PaymentMethod.Cash,
        _ => null,
    };

    /// <summary>Commune names as typed: « St-Arnoult » and « Saint Arnoult-en-Yvelines » differ only in ways people type.</summary>
    private static string CommuneKey(string text)
    {
        var key = ImportFields.Key(text);
        key = StPattern().Replace(key, "saint$1");
        return key.Replace(" ", "", StringComparison.Ordinal);
    }

    private static string Clean(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    public static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }

    [GeneratedRegex(@"\b20\d{2}\b")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"\b(?:st|ste)\b( |$)")]
    private static partial Regex StPattern();

    private sealed record Context(List<Commune> Communes, List<Organisation> Organisations, List<College> Colleges, int? StatutesId,
        Dictionary<int, decimal?> Fees, Dictionary<string, Professional> ByRpps, Dictionary<string, Professional> ByAdeli,
        Dictionary<string, Professional> ByEmail, Dictionary<string, Professional> ByNameAndCommune);

    private async Task<Context> LoadAsync(bool forWriting, CancellationToken cancellationToken)
    {
        var query = db.Professionals.Include(p => p.PracticeSites).Include(p => p.Organisations).Include(p => p.Memberships).ThenInclude(m => m.Allocations)
            .Where(p => p.AnonymisedAt == null).AsSplitQuery();
        var professionals = await (forWriting ? query : query.AsNoTrackingWithIdentityResolution()).ToListAsync(cancellationToken);
        var organisations = await (forWriting ? db.Organisations : db.Organisations.AsNoTracking()).ToListAsync(cancellationToken);
        var byName = new Dictionary<string, Professional>();
        foreach (var p in professionals)
        {
            foreach (var site in p.PracticeSites)
            {
                byName.TryAdd($"{ImportFields.Key(p.LastName)}|{ImportFields.Key(p.FirstName)}|{CommuneKey(site.City)}", p);
            }
        }
        return new Context(
            await db.Communes.AsNoTracking().ToListAsync(cancellationToken),
            organisations,
            await db.Colleges.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken),
            await StatutesIdAsync(cancellationToken),
            await db.MembershipFees.Where(f => f.Category == FeeCategory.Individual).ToDictionaryAsync(f => f.Year, f => (decimal?)f.Amount, cancellationToken),
            professionals.Where(p => p.Rpps != null).ToDictionary(p => p.Rpps!),
            professionals.Where(p => p.Adeli != null).ToDictionary(p => p.Adeli!),
            professionals.Where(p => p.Email != null).ToDictionary(p => p.Email!),
            byName);
    }

    /// <summary>The statutes version memberships of an import accept, as signed on paper before the portal existed.</summary>
    public async Task<int?> StatutesIdAsync(CancellationToken cancellationToken) =>
        await db.StatutesVersions.Where(s => s.Kind == StatutesKind.Statutes).OrderByDescending(s => s.AdoptedOn).ThenByDescending(s => s.Id)
            .Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
}
