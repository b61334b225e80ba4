namespace Aposart.Web.Features.Sas;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class SasLinks
{
    public const string Manage = "/gestion/sas";
    public const string Issue = "/gestion/sas/cles";
    public const string RevokeRoute = "/gestion/sas/cles/{id:guid}/revoquer";

    public static string Revoke(Guid id) => $"/gestion/sas/cles/{id}/revoquer";

    /// <summary>The FHIR base the SAS platform is given: its slot search is <c>[base]/Slot</c>.</summary>
    public const string FhirBase = "/fhir";
    public const string FhirSlots = "/fhir/Slot";
}
