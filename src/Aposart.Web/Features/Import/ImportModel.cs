using System.Text.Json;
using Aposart.Web.Domain;

namespace Aposart.Web.Features.Import;

/// <summary>The choices of the mapping screen, kept with the import as JSON.</summary>
public sealed record ImportSetup
{
    public string? Sheet { get; init; }
    /// <summary>The headers the columns had, so the next import of the same spreadsheet gets the same mapping.</summary>
    public List<string> Headers { get; init; } = [];
    public List<ImportField> Columns { get; init; } = [];
    /// <summary>The membership year of lines that give none.</summary>
    public int Year { get; init; }
    /// <summary>The collège of lines that give none.</summary>
    public int? CollegeId { get; init; }
    public PaymentMethod Method { get; init; } = PaymentMethod.Transfer;
    /// <summary>Set once the coordinator has confirmed the mapping: the preview comes after.</summary>
    public bool Confirmed { get; init; }

    public static ImportSetup Parse(string json) => JsonSerializer.Deserialize<ImportSetup>(json) ?? new ImportSetup();

    public string ToJson() => JsonSerializer.Serialize(this);
}

/// <summary>What the coordinator typed in the preview: values that replace the file's, per line and field, and the lines skipped.</summary>
public sealed record ImportCorrections
{
    public Dictionary<int, Dictionary<ImportField, string>> Fixes { get; init; } = [];
    public HashSet<int> Skipped { get; init; } = [];

    public static ImportCorrections Parse(string json) => JsonSerializer.Deserialize<ImportCorrections>(json) ?? new ImportCorrections();

    public string ToJson() => JsonSerializer.Serialize(this);
}

public sealed record LineProblem(ImportField? Field, string Message, bool Blocking, IReadOnlyList<string>? Suggestions = null);

public enum LineAction
{
    Create = 1,
    Update = 2,
    Unchanged = 3,
    Skip = 4,
}

/// <summary>What the import will do about a membership of one line.</summary>
public sealed record MembershipPlan(int Year, MembershipStatus Status, decimal Fee, decimal? Payment, DateOnly? PaidOn, PaymentMethod Method,
    int CollegeId, Membership? Existing, bool Writes, string Text);

/// <summary>One line of the spreadsheet, understood: its values, the record it matches, what will happen, what is wrong.</summary>
public sealed class PlannedLine(int line, IReadOnlyDictionary<ImportField, string> values, bool skipped)
{
    public int Line { get; } = line;
    /// <summary>The file's values with the coordinator's fixes applied, by field.</summary>
    public IReadOnlyDictionary<ImportField, string> Values { get; } = values;
    public bool Skipped { get; } = skipped;
    public List<LineProblem> Problems { get; } = [];

    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public Profession? Profession { get; set; }
    public string? Rpps { get; set; }
    public string? Adeli { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? City { get; set; }
    public string? CommuneInsee { get; set; }
    public Organisation? Structure { get; set; }

    public Professional? Match { get; set; }
    public string? MatchReason { get; set; }
    public List<string> Changes { get; } = [];
    public MembershipPlan? Membership { get; set; }
    public LineAction Action { get; set; }

    public bool Blocked => !Skipped && Problems.Any(p => p.Blocking);

    public string Value(ImportField field) => Values.TryGetValue(field, out var value) ? value : "";

    public string Name => $"{FirstName} {LastName}".Trim() is { Length: > 0 } name ? name : $"Ligne {Line}";

    /// <summary>What will happen, in one French sentence for the preview and the report.</summary>
    public string Summary => Action switch
    {
        LineAction.Skip => "Ligne ignorée",
        LineAction.Create => "Nouveau professionnel" + (Membership is { Writes: true } m ? " · " + m.Text : ""),
        LineAction.Update => $"Mise à jour de {Match!.DisplayName} ({MatchReason})"
            + (Changes.Count > 0 ? " : " + string.Join(", ", Changes) : "") + (Membership is { Writes: true } m ? " · " + m.Text : ""),
        _ => $"Rien à changer : {Match?.DisplayName} ({MatchReason})" + (Membership is { } m ? " · " + m.Text : ""),
    };
}

public sealed record ImportPlan(IReadOnlyList<PlannedLine> Lines)
{
    public int Blocked => Lines.Count(l => l.Blocked);
    public int Count(LineAction action) => Lines.Count(l => !l.Blocked && l.Action == action);
    public int Memberships => Lines.Count(l => !l.Blocked && !l.Skipped && l.Membership is { Writes: true });
}
