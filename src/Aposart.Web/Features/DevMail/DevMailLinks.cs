namespace Aposart.Web.Features.DevMail;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class DevMailLinks
{
    public const string Index = "/dev/courriels";
}
