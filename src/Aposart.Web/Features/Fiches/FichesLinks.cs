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

    public const string DetailsRoute = "/gestion/fiches/{id:guid}";

    public static string Details(Guid id) => $"/gestion/fiches/{id}";

    public const string CommentRoute = "/gestion/fiches/{id:guid}/commentaires";

    public static string Comment(Guid id) => $"/gestion/fiches/{id}/commentaires";

    public const string ToggleStepRoute = "/gestion/fiches/{id:guid}/etapes/{stepId:guid}";

    public static string ToggleStep(Guid id, Guid stepId) => $"/gestion/fiches/{id}/etapes/{stepId}";

    public const string IndicatorsCreateRoute = "/gestion/fiches/{id:guid}/indicateurs/nouveau";

    public static string IndicatorsCreate(Guid id) => $"/gestion/fiches/{id}/indicateurs/nouveau";

    public const string MeasureRoute = "/gestion/fiches/{id:guid}/indicateurs/{indicatorId:guid}/mesures";

    public static string Measure(Guid id, Guid indicatorId) => $"/gestion/fiches/{id}/indicateurs/{indicatorId}/mesures";

    public const string EditRoute = "/gestion/fiches/{id:guid}/indicateurs/{indicatorId:guid}/modifier";

    public static string Edit(Guid id, Guid indicatorId) => $"/gestion/fiches/{id}/indicateurs/{indicatorId}/modifier";

    public const string DeleteRoute = "/gestion/fiches/{id:guid}/indicateurs/{indicatorId:guid}/supprimer";

    public static string Delete(Guid id, Guid indicatorId) => $"/gestion/fiches/{id}/indicateurs/{indicatorId}/supprimer";

    public const string FichesEditRoute = "/gestion/fiches/{id:guid}/modifier";

    public static string FichesEdit(Guid id) => $"/gestion/fiches/{id}/modifier";

    public const string PdfRoute = "/gestion/fiches/{id:guid}/pdf";

    public static string Pdf(Guid id) => $"/gestion/fiches/{id}/pdf";
}
