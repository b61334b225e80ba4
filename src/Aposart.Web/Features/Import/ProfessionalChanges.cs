using Aposart.Web.Domain;

namespace Aposart.Web.Features.Import;

/// <summary>
/// What a line of the spreadsheet changes on a record. A record its owner keeps through an account is theirs: the import
/// only fills what is empty there. A record without an account is the coordination's: the spreadsheet's values win.
/// </summary>
public static class ProfessionalChanges
{
    public static List<string> Apply(Professional target, PlannedLine line, bool owned)
    {
        var changes = new List<string>();
        void Set<T>(T current, T? wanted, Action<T> write, string label, bool fillOnly = false)
        {
            // Names differing only in case or accents (« MARTIN » in a spreadsheet) are the same name.
            if (wanted is null || EqualityComparer<T>.Default.Equals(current, wanted) || current is string a && wanted is string b && ImportFields.Key(a) == ImportFields.Key(b) && a.Length > 0)
            {
                return;
            }
            var empty = current is null || current is string { Length: 0 };
            if (empty || (!owned && !fillOnly))
            {
                write(wanted);
                changes.Add(label);
            }
        }
        if (line.LastName.Length > 0)
        {
            Set(target.LastName, line.LastName, v => target.LastName = v, "nom");
        }
        if (line.FirstName.Length > 0)
        {
            Set(target.FirstName, line.FirstName, v => target.FirstName = v, "prénom");
        }
        if (line.Profession is { } profession && target.Profession != profession && (!owned || target.Profession == default))
        {
            target.Profession = profession;
            if (profession != Profession.Specialist)
            {
                target.Specialty = null;
            }
            changes.Add("profession");
        }
        Set(target.Rpps, line.Rpps, v => target.Rpps = v, "RPPS", fillOnly: true);
        Set(target.Adeli, line.Adeli, v => target.Adeli = v, "ADELI", fillOnly: true);
        Set(target.Email, line.Email, v => target.Email = v, "e-mail", fillOnly: true);

        var hasSite = line.Address is not null || line.City is not null || line.Postcode is not null;
        var site = target.PracticeSites.OrderBy(s => s.SortOrder).FirstOrDefault();
        if (site is null && hasSite)
        {
            target.PracticeSites.Add(new PracticeSite
            {
                AddressLine = line.Address ?? "", Postcode = line.Postcode ?? "", City = line.City ?? "", CommuneInsee = line.CommuneInsee, Phone = line.Phone,
            });
            changes.Add("lieu d'exercice");
        }
        else if (site is not null)
        {
            var before = changes.Count;
            Set(site.AddressLine, line.Address, v => site.AddressLine = v, "adresse");
            Set(site.Postcode, line.Postcode, v => site.Postcode = v, "code postal");
            if (line.City is not null && site.City != line.City && (!owned || site.City.Length == 0))
            {
                site.City = line.City;
                site.CommuneInsee = line.CommuneInsee;
                changes.Add("commune");
            }
            Set(site.Phone, line.Phone, v => site.Phone = v, "téléphone");
        }
        if (line.Structure is { } structure && target.Organisations.All(o => o.Id != structure.Id))
        {
            target.Organisations.Add(structure);
            changes.Add("structure");
        }
        return changes;
    }
}
