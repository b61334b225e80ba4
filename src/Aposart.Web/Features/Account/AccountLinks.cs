namespace Aposart.Web.Features.Account;

/// <summary>The addresses of the account pages, written here once for views, controllers and mails.</summary>
public static class AccountLinks
{
    public const string LoginPath = "/compte/connexion";
    public const string Register = "/compte/inscription";
    public const string RegisterDone = "/compte/inscription/verifiez-vos-courriels";
    public const string Security = "/compte/securite";
    public const string TwoFactor = "/compte/securite/double-authentification";

    /// <summary>The sign-in page, coming back to <paramref name="returnTo"/> (a local path) once signed in.</summary>
    public static string Login(string? returnTo = null) =>
        string.IsNullOrEmpty(returnTo) || returnTo == LoginPath || !returnTo.StartsWith('/') || returnTo.StartsWith("//", StringComparison.Ordinal)
            ? LoginPath
            : $"{LoginPath}?ReturnUrl={Uri.EscapeDataString(returnTo)}";
}
