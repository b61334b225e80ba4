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
}
