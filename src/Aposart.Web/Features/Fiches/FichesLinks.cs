namespace Aposart.Web.Features.Fiches;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class FichesLinks
{
    public const string Public = "/actions";
    public const string List = "/gestion/fiches";
    public const string Export = "/gestion/fiches.csv";
    public const string ExportIndicators = "/gestion/fiches/indicateurs.csv";
    public const string Create = "/gestion/fiches/nouvelle";
    public const string ProjectPdf = "/gestion/fiches/projet-de-sante.pdf";
}
