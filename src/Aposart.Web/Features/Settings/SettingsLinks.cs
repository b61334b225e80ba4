namespace Aposart.Web.Features.Settings;

/// <summary>The addresses of the settings, of the first-run checklist and of the identity's public files, written here once.</summary>
public static class SettingsLinks
{
    public const string Index = "/gestion/parametres";
    public const string Identity = "/gestion/parametres/identite";
    public const string Texts = "/gestion/parametres/textes";
    public const string MailSender = "/gestion/parametres/expediteur";
    public const string MailTest = "/gestion/parametres/courriel-de-test";
    public const string Rules = "/gestion/parametres/regles";
    public const string Logo = "/gestion/parametres/logo";
    public const string LogoRemoval = "/gestion/parametres/logo/retirer";
    public const string Fees = "/gestion/parametres/cotisations";
    public const string Colleges = "/gestion/parametres/colleges";
    public const string Compensation = "/gestion/parametres/indemnisation";
    public const string Statutes = "/gestion/parametres/statuts";
    public const string Checklist = "/gestion/mise-en-route";
    public const string TerritoryChecked = "/gestion/mise-en-route/territoire-verifie";

    public const string PublicLogo = "/identite/logo";
    public const string PublicTheme = "/identite/theme.css";
    /// <summary>Browsers ask for this address on their own when a page names no icon (a PDF opened in a tab, say).</summary>
    public const string Favicon = "/favicon.ico";
    public const string Manifest = "/site.webmanifest";
    public const string IconRoute = "/identite/icone-{size:int}.png";

    public static string Icon(int size, string version) => $"/identite/icone-{size}.png?v={Uri.EscapeDataString(version)}";

    public static string Section(string anchor) => $"{Index}#{anchor}";

    public static string LogoFile(string version) => $"{PublicLogo}?v={Uri.EscapeDataString(version)}";

    public static string Theme(string colour) => $"{PublicTheme}?c={Uri.EscapeDataString(colour.TrimStart('#'))}";

    public const string StatutesDocumentRoute = "/la-cpts/statuts/{id:int}";

    public static string StatutesDocument(int id) => $"/la-cpts/statuts/{id}";
}
