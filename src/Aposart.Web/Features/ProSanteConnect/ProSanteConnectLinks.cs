namespace Aposart.Web.Features.ProSanteConnect;

/// <summary>The addresses of the Pro Santé Connect sign-in, written here once for the provider's registration, views and redirects.</summary>
public static class ProSanteConnectLinks
{
    /// <summary>The authentication scheme's name, also the provider's name in the accounts' linked logins.</summary>
    public const string Scheme = "ProSanteConnect";
    public const string DisplayName = "Pro Santé Connect";

    public const string Start = "/compte/pro-sante-connect";
    public const string Continue = "/compte/pro-sante-connect/suite";
    public const string FirstUse = "/compte/pro-sante-connect/premiere-connexion";
    public const string LinkWithPassword = "/compte/pro-sante-connect/lier";
    public const string CreateAccount = "/compte/pro-sante-connect/creer";
    public const string Unlink = "/compte/pro-sante-connect/dissocier";
    public const string EndSession = "/compte/pro-sante-connect/fin-de-session";

    /// <summary>The redirect URI to declare to the ANS.</summary>
    public const string Callback = "/compte/pro-sante-connect/retour";
    /// <summary>The post-logout redirect URI to declare to the ANS.</summary>
    public const string SignedOutCallback = "/compte/pro-sante-connect/deconnecte";

    /// <summary>The link that starts the round trip, coming back to <paramref name="returnUrl"/> (a local path).</summary>
    public static string StartTo(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? Start : $"{Start}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static string ContinueTo(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? Continue : $"{Continue}?returnUrl={Uri.EscapeDataString(returnUrl)}";
}
