using Aposart.Web.Configuration;

namespace Aposart.Web.Infrastructure.Settings;

/// <summary>The sections of the settings, each saved and versioned on its own.</summary>
public static class SettingsSections
{
    public static readonly SettingsSection<IdentitySettings> Identity = new("identity");
    public static readonly SettingsSection<TextSettings> Texts = new("texts");
    public static readonly SettingsSection<LogoSettings> Logo = new("logo");
    public static readonly SettingsSection<MailSenderSettings> MailSender = new("mail-sender");
    public static readonly SettingsSection<RulesSettings> Rules = new("rules");
    public static readonly SettingsSection<CompensationSettings> Compensation = new("compensation");
}

public sealed record IdentitySettings
{
    public string Name { get; init; } = "";
    public string ShortName { get; init; } = "";
    public string TerritoryName { get; init; } = "";
    public string Email { get; init; } = "";
    public string Telephone { get; init; } = "";
    public string PostalAddress { get; init; } = "";
    public string Siret { get; init; } = "";
    public string Rna { get; init; } = "";
    public string Finess { get; init; } = "";
    public string PublicationDirector { get; init; } = "";
    public string Host { get; init; } = "";
    public string PublicUrl { get; init; } = "";
    public string MainColour { get; init; } = "";
}

public sealed record TextSettings
{
    public string HomeIntroduction { get; init; } = "";
    public string AboutText { get; init; } = "";
    public string LegalComplement { get; init; } = "";
}

/// <summary>The logo as stored: its bytes (already checked and, for SVG, cleaned) and their type.</summary>
public sealed record LogoSettings
{
    public string ContentType { get; init; } = "";
    public string Base64 { get; init; } = "";
    public string Version { get; init; } = "";
}

public sealed record MailSenderSettings
{
    public string FromName { get; init; } = "";
    public string FromAddress { get; init; } = "";
}

/// <summary>Rules of the association's life that the bureau decides: payment delay, ACI size, approvals of a letter.</summary>
public sealed record RulesSettings
{
    public int PaymentDueDays { get; init; } = 60;
    public int AciSize { get; init; } = 3;
    public int RequiredApprovals { get; init; } = 2;
}

/// <summary>Compensation rates and caps of the years the association has set; other years keep the configured defaults.</summary>
public sealed record CompensationSettings
{
    public Dictionary<int, CompensationRates> Years { get; init; } = [];
}
