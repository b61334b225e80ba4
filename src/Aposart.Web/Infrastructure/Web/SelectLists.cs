using Microsoft.AspNetCore.Mvc.Rendering;

namespace Aposart.Web.Infrastructure.Web;

public static class SelectLists
{
    /// <summary>Options for an enum, valued by name so that the form posts back what model binding reads.</summary>
    public static List<SelectListItem> Of<TEnum>(Func<TEnum, string> label, string? emptyLabel = null) where TEnum : struct, Enum
    {
        var items = Enum.GetValues<TEnum>().Select(v => new SelectListItem(label(v), v.ToString())).ToList();
        if (emptyLabel is not null)
        {
            items.Insert(0, new SelectListItem(emptyLabel, ""));
        }
        return items;
    }
}
