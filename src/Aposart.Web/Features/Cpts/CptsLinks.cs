namespace Aposart.Web.Features.Cpts;

/// <summary>The addresses of the "La CPTS" page, written here once.</summary>
public static class CptsLinks
{
    public const string Index = "/la-cpts";
    public const string Territory = Index + "#territoire";
    public const string Bureau = Index + "#bureau";
}
