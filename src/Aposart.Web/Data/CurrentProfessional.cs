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
        (await db.MailAddressesAsync([professional], cancellationToken)).GetValueOrDefault(professional.Id);

    /// <summary>The same for many professionals, in one query: by professional id, absent when there is no address.</summary>
    public static async Task<Dictionary<Guid, string>> MailAddressesAsync(this AposartDbContext db, IReadOnlyCollection<Professional> professionals,
        CancellationToken cancellationToken)
    {
        var userIds = professionals.Where(p => p.UserId is not null).Select(p => p.UserId!.Value).Distinct().ToList();
        var accounts = await db.Users.Where(u => userIds.Contains(u.Id) && u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
        var addresses = new Dictionary<Guid, string>();
        foreach (var p in professionals)
        {
            var address = (p.UserId is { } userId ? accounts.GetValueOrDefault(userId) : null) ?? p.Email;
            if (address is not null)
            {
                addresses[p.Id] = address;
            }
        }
        return addresses;
    }
}
