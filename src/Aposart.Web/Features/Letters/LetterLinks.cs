namespace Aposart.Web.Features.Letters;

/// <summary>The addresses of the letters' pages, written here once for controllers, views and mails.</summary>
public static class LetterLinks
{
    public const string Preferences = "/espace/preferences";
    public const string Preview = "/gestion/lettres/apercu";
    public const string Create = "/gestion/lettres/nouvelle";

    public const string List = "/gestion/lettres";

    public static string Campaign(Guid id) => $"/gestion/lettres/{id}";

    public const string Archive = "/lettres";
}
