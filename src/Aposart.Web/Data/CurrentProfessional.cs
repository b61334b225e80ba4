using System.Security.Claims;
using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data;

public static class CurrentProfessional
{
    /// <summary>The signed-in person's directory record, if they have filled one in (and not erased it).</summary>
    public static async Task<Professional?> OfUserAsync(this IQueryable<Professional> professionals, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? await professionals.SingleOrDefaultAsync(p => p.UserId == userId && p.AnonymisedAt == null, cancellationToken)
            : null;

    /// <summary>Where to write to a professional: the account's address, which they confirmed, else the directory's contact address.</summary>
    public static async Task<string?> MailAddressAsync(this AposartDbContext db, Professional professional, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == professional.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) ?? professional.Email;
}
