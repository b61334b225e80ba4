namespace Aposart.Web.Features.Vaccination;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class VaccinationLinks
{
    public const string Mine = "/espace/planning";
    public const string Manage = "/gestion/vaccination";
    public const string StartCrisis = "/gestion/vaccination/crise";
    public const string EndCrisis = "/gestion/vaccination/crise/fin";
    public const string Create = "/gestion/vaccination/nouveau";
    public const string Public = "/vaccination";

    public const string CancelRoute = "/espace/planning/{shiftId:guid}/desinscription";

    public static string Cancel(Guid shiftId) => $"/espace/planning/{shiftId}/desinscription";

    public const string SignUpRoute = "/espace/planning/{shiftId:guid}/inscription";

    public static string SignUp(Guid shiftId) => $"/espace/planning/{shiftId}/inscription";

    public const string EditRoute = "/gestion/vaccination/{id:guid}/modifier";

    public static string Edit(Guid id) => $"/gestion/vaccination/{id}/modifier";

    public const string RotaRoute = "/gestion/vaccination/{id:guid}/planning";

    public static string Rota(Guid id) => $"/gestion/vaccination/{id}/planning";

    public const string RotaCsvRoute = "/gestion/vaccination/{id:guid}/planning.csv";

    public static string RotaCsv(Guid id) => $"/gestion/vaccination/{id}/planning.csv";
}
