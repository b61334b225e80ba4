namespace Aposart.Web.Features.Structures;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class StructuresLinks
{
    public const string List = "/gestion/structures";
    public const string Export = "/gestion/structures.csv";
    public const string Create = "/gestion/structures/nouvelle";

    public const string EditRoute = "/gestion/structures/{id:guid}";

    public static string Edit(Guid id) => $"/gestion/structures/{id}";
}
