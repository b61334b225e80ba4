namespace Aposart.Web.Features.Directory;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class DirectoryLinks
{
    public const string Public = "/annuaire";
    public const string Members = "/espace/annuaire";
    /// <summary>The public directory filtered on one commune, as the maps link it.</summary>
    public static string InCommune(string inseeCode) => $"{Public}?commune={Uri.EscapeDataString(inseeCode)}";

    public const string Organisations = "/annuaire/structures";

    public const string OrganisationRoute = "/annuaire/structures/{id:guid}";

    public static string Organisation(Guid id) => $"/annuaire/structures/{id}";

    public const string PublicEntryRoute = "/annuaire/{id:guid}";

    public static string PublicEntry(Guid id) => $"/annuaire/{id}";
}
