using Aposart.Web.Data;
using Aposart.Web.Domain;

namespace Aposart.Web.Features.Adhesion;

/// <summary>Every change of a membership goes through here, so its history is complete by construction.</summary>
public static class MembershipHistory
{
    public static void Record(AposartDbContext db, Membership membership, DateTimeOffset at, AppUser? by, string action,
        MembershipStatus? newStatus = null, string? details = null)
    {
        var from = membership.Status;
        if (newStatus is { } to)
        {
            membership.Status = to;
        }
        db.MembershipEvents.Add(new MembershipEvent
        {
            MembershipId = membership.Id,
            At = at,
            ByUserId = by?.Id,
            ByName = by is null ? "Portail" : by.NameOrEmail,
            Action = action,
            FromStatus = newStatus is null ? null : from,
            ToStatus = newStatus,
            Details = details,
        });
    }
}
