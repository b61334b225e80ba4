namespace Aposart.Web.Features.Memberships;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class MembershipsLinks
{
    public const string Queue = "/gestion/adhesions";
    public const string NewPayment = "/gestion/paiements/nouveau";
}
