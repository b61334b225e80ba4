namespace Aposart.Web.Features.Snp;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class SnpLinks
{
    public const string Mine = "/espace/snp";
    public const string Publish = "/espace/snp/creneau";
    public const string PublishPattern = "/espace/snp/semaine";
    public const string Manage = "/gestion/snp";
    public const string Export = "/gestion/snp.csv";
    public const string AllowedDoctors = "/gestion/snp/medecins";
    public const string Participants = "/gestion/snp/participants";
    public const string AddRegulator = "/gestion/snp/regulateurs";
}
