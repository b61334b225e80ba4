namespace Aposart.Web.Features.Operations;

/// <summary>The addresses of the health page, written here once.</summary>
public static class OperationsLinks
{
    public const string Status = "/gestion/etat";
    public const string DkimKey = "/gestion/etat/cle-dkim";

    public static string Section(string anchor) => $"{Status}#{anchor}";
}
