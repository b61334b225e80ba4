namespace Aposart.Web.Features.Profile;

/// <summary>The address of one's directory record, written here once.</summary>
public static class ProfileLinks
{
    public const string Edit = "/espace/profil";
}
