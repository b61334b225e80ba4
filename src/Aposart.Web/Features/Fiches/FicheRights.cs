using System.Security.Claims;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Fiches;

/// <summary>Who may change a fiche: the bureau and the coordination every fiche, a pilot the fiches they pilot.</summary>
public static class FicheRights
{
    public static async Task<bool> CanEditAsync(AposartDbContext db, ClaimsPrincipal user, Guid ficheId, CancellationToken cancellationToken)
    {
        if (user.IsStaff())
        {
            return true;
        }
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }
        return await db.ActionSheets.AnyAsync(a => a.Id == ficheId && a.Pilots.Any(p => p.UserId == userId), cancellationToken);
    }

    /// <summary>A history line's field name, cut to what the column holds.</summary>
    public static string HistoryField(string text) => text.Length <= 100 ? text : text[..99] + "…";
}
