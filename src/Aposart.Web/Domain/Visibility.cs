namespace Aposart.Web.Domain;

/// <summary>Who may see one contact field of a professional: the person decides, field by field.</summary>
public enum Visibility
{
    Hidden = 0,
    Members = 1,
    Public = 2,
}

public static class VisibilityText
{
    public static string Label(this Visibility visibility) => visibility switch
    {
        Visibility.Public => "Public (annuaire en ligne)",
        Visibility.Members => "Adhérents seulement",
        _ => "Masqué",
    };
}
