namespace Aposart.Web.Features.Sas;

/// <summary>How the SAS platform authenticates: the header that carries its key (mutual TLS is left to the reverse proxy).</summary>
public sealed class SasOptions
{
    public const string Section = "Sas";

    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>Calls allowed per client address per minute.</summary>
    public int PermitPerMinute { get; set; } = 120;

    /// <summary>Days a call stays in the log (it holds the caller's address).</summary>
    public int LogRetentionDays { get; set; } = 365;
}
