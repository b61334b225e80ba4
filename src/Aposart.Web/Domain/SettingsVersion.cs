namespace Aposart.Web.Domain;

/// <summary>
/// One saved version of one section of the portal's settings (identity, texts, mail sender…). Rows are only ever added:
/// the latest row of a section is in force, the earlier ones are its history (who changed what, when).
/// </summary>
public class SettingsVersion
{
    public long Id { get; set; }
    public string Section { get; set; } = "";
    /// <summary>The whole section as JSON, so that a version can be read back without the others.</summary>
    public string Value { get; set; } = "{}";
    public DateTimeOffset ChangedAt { get; set; }
    public Guid? ChangedById { get; set; }
    public string ChangedByName { get; set; } = "";
}
