namespace Aposart.Web.Domain;

/// <summary>
/// One practice situation of a health professional of the territory, as the State publishes it in the open extraction of
/// the Annuaire Santé (RPPS). Kept apart from the directory, which holds only what people gave with their consent: this
/// table is replaced whole at each import and never merged into a profile without someone deciding it.
/// </summary>
public class RegisterEntry
{
    public long Id { get; set; }
    public int ImportId { get; set; }
    /// <summary>"Identification nationale PP": 8 + the RPPS number, or 0 + the ADELI number.</summary>
    public string NationalId { get; set; } = "";
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string ProfessionCode { get; set; } = "";
    public string ProfessionLabel { get; set; } = "";
    public string SpecialtyCode { get; set; } = "";
    public string SpecialtyLabel { get; set; } = "";
    /// <summary>L (libéral), S (salarié), B (bénévole).</summary>
    public string PracticeMode { get; set; } = "";
    /// <summary>The portal's profession when the register's code maps to one; null for those the directory does not list.</summary>
    public Profession? Profession { get; set; }
    public string Site { get; set; } = "";
    public string Street { get; set; } = "";
    public string Postcode { get; set; } = "";
    public string CommuneCode { get; set; } = "";
    public string CommuneName { get; set; } = "";
    public string Telephone { get; set; } = "";
    public string Email { get; set; } = "";
}

/// <summary>One import of the register file: which file, of what date, by whom, and what was kept of it.</summary>
public class RegisterImport
{
    public int Id { get; set; }
    public string FileName { get; set; } = "";
    /// <summary>The extraction's date, read from the file's name (PS_LibreAcces_Personne_activite_AAAAMMJJhhmm.txt) when it has one.</summary>
    public DateTimeOffset? FileDate { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public long LinesRead { get; set; }
    public int EntriesKept { get; set; }
    public string ByName { get; set; } = "";
    /// <summary>
    /// Members (by national id) the file shows practising outside the territory only, as "id|commune": the yearly check of
    /// the members reads it. Empty when the file was a territory's own extract, which cannot tell.
    /// </summary>
    public List<string> MembersElsewhere { get; set; } = [];
}
