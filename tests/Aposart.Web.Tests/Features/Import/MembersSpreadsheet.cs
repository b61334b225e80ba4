using System.Text;

namespace Aposart.Web.Tests.Features.Import;

/// <summary>
/// A members' spreadsheet as a CPTS keeps one: French headers, ninety made-up people, a few mistakes and two people
/// entered twice. Each call makes new addresses and numbers, so tests sharing a database do not meet.
/// </summary>
public sealed class MembersSpreadsheet
{
    public const string Header = "Nom;Prénom;Profession;N° RPPS;Mail;Tél.;Adresse du cabinet;CP;Commune;Collège;Cotisation 2026";

    private static readonly string[] Professions = ["Médecin généraliste", "IDE", "Kiné", "Pharmacien", "Sage-femme", "Orthophoniste", "infirmière libérale", "MG"];
    private static readonly string[] Communes = ["Rambouillet", "Saint-Arnoult-en-Yvelines", "Ablis", "Bullion", "St Arnoult en Yvelines", "RAMBOUILLET"];
    private static readonly string[] FirstNames = ["Anne", "Bruno", "Chloé", "Denis", "Élodie", "Fabien", "Gaëlle", "Hugo", "Inès", "Jules"];

    public string Tag { get; } = Guid.NewGuid().ToString("N")[..6];
    public List<string[]> Rows { get; } = [];

    public MembersSpreadsheet(string? existingRpps = null)
    {
        for (var i = 1; i <= 90; i++)
        {
            var profession = Professions[i % Professions.Length];
            var rpps = profession is "Orthophoniste" ? "" : Support.Steps.NewRpps();
            Rows.Add([
                $"FICTIF-{Tag}-{i:00}", FirstNames[i % FirstNames.Length], profession, rpps, $"membre{i}-{Tag}@exemple.fr",
                $"01 34 00 {i / 10:00} {i % 10:00}", $"{i} rue des Essais", "", Communes[i % Communes.Length], i % 3 == 0 ? "Infirmiers" : "",
                (i % 4) switch { 0 => "oui", 1 => "20 €", 2 => "non", _ => "payé" },
            ]);
        }
        if (existingRpps is not null)
        {
            Rows[3][3] = existingRpps;
        }
        // The mistakes people make: a profession the directory has not, a mistyped address, a mistyped number, a mistyped commune,
        // and a commune outside the territory (a warning only).
        Rows[9][2] = "Ostéopathe";
        Rows[19][4] = $"membre20-{Tag}@@exemple.fr";
        Rows[29][3] = Rows[29][3][..10] + (char)('0' + (Rows[29][3][10] - '0' + 1) % 10);
        Rows[39][8] = "Rambouilet";
        Rows[49][8] = "Chartres";
        // Two people entered twice: once by the same address, once by the same RPPS number.
        Rows[60] = [.. Rows[10]];
        Rows[60][0] = Rows[10][0] + "-BIS";
        Rows[70] = [.. Rows[11]];
        Rows[70][4] = $"autre-{Tag}@exemple.fr";
    }

    public string Email(int line) => Rows[line - 2][4];

    /// <summary>As Excel writes a CSV in France: Windows-1252 and semicolons.</summary>
    public byte[] Csv()
    {
        var text = new StringBuilder(Header + "\r\n");
        foreach (var row in Rows)
        {
            text.Append(string.Join(';', row)).Append("\r\n");
        }
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetBytes(text.ToString());
    }
}
