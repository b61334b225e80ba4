namespace Aposart.Web.Features.Compensation;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class CompensationLinks
{
    public const string Mine = "/espace/indemnisation";
    public const string Declare = "/espace/indemnisation/saisie";
    public const string Manage = "/gestion/indemnisation";
    public const string Export = "/gestion/indemnisation.csv";
    public const string Record = "/gestion/indemnisation/saisie";
}
