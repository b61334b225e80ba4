namespace Aposart.Web.Domain;

public enum SpreadsheetImportStatus
{
    /// <summary>Uploaded, being mapped and checked: nothing written to the directory yet.</summary>
    Draft = 0,
    Committed = 1,
    Abandoned = 2,
}

/// <summary>
/// One spreadsheet of members brought in by the coordination. While it is a draft the file itself is kept (so the sheet
/// and the mapping can change); once imported or abandoned only its report remains, the file is dropped.
/// </summary>
public class SpreadsheetImport
{
    public int Id { get; set; }
    public string FileName { get; set; } = "";
    /// <summary>SHA-256 of the file: the same file uploaded again is recognised and said so.</summary>
    public string FileHash { get; set; } = "";
    public byte[]? Content { get; set; }
    /// <summary>The choices made on the mapping screen (sheet, column per field, defaults), as JSON.</summary>
    public string Setup { get; set; } = "{}";
    /// <summary>The fixes typed in the preview and the lines skipped, as JSON.</summary>
    public string Corrections { get; set; } = "{}";
    public SpreadsheetImportStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset? CommittedAt { get; set; }
    public string? CommittedByName { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public int MembershipsRecorded { get; set; }
    /// <summary>When the invitations to claim the new records went out: once per import.</summary>
    public DateTimeOffset? InvitationsSentAt { get; set; }
    public List<SpreadsheetImportLine> Lines { get; set; } = [];
}

public enum ImportOutcome
{
    Created = 1,
    Updated = 2,
    Unchanged = 3,
    Skipped = 4,
}

/// <summary>
/// What one line of an import did. Tied to the record it created or updated: that is the record's import history, shown on
/// its page, exported with the person's data and deleted when the person is erased.
/// </summary>
public class SpreadsheetImportLine
{
    public long Id { get; set; }
    public int ImportId { get; set; }
    public int RowNumber { get; set; }
    public ImportOutcome Outcome { get; set; }
    public Guid? ProfessionalId { get; set; }
    public string Name { get; set; } = "";
    public string Details { get; set; } = "";
}
