namespace Aposart.Web.Features.MyData;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class MyDataLinks
{
    public const string Index = "/espace/mes-donnees";
    public const string Erase = "/espace/mes-donnees/effacement";
    public const string Export = "/espace/mes-donnees/export.json";
}
