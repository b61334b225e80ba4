using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Meetings;

/// <summary>What the meetings' tests and journeys start from, shared by the web tests and the browser journeys.</summary>
public static class MeetingSteps
{
    /// <summary>
    /// An adherent with an account and a membership of <paramref name="year"/>, named « Claire <paramref name="lastName"/> », in
    /// the collège of rank <paramref name="collegeRank"/> of the list (0: the first).
    /// Each test uses its own year, so that an assembly convenes only its own adherents.
    /// </summary>
    public static async Task<AppUser> AdherentAsync(PortalFactory portal, int year, string lastName, MembershipStatus status = MembershipStatus.UpToDate,
        int collegeRank = 0)
    {
        var user = await portal.CreateUserAsync(PortalFactory.NewEmail("ag"), Roles.Professional, Roles.Member);
        await portal.WithDbAsync(async db =>
        {
            var professional = new Professional { UserId = user.Id, FirstName = "Claire", LastName = lastName, Email = user.Email!.ToLowerInvariant(), Profession = Profession.Nurse };
            professional.Memberships.Add(new Membership
            {
                Year = year, CollegeId = (await db.Colleges.OrderBy(c => c.SortOrder).Skip(collegeRank).FirstAsync()).Id, StatutesVersionId = (await db.StatutesVersions.FirstAsync()).Id,
                FeeAmount = 20, FeeCategory = FeeCategory.Individual, IntendedPaymentMethod = PaymentMethod.Cheque, Status = status, DecidedAt = DateTimeOffset.UtcNow,
            });
            db.Professionals.Add(professional);
            await db.SaveChangesAsync();
            return await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.FirstName, "Claire").SetProperty(u => u.LastName, lastName));
        });
        return user;
    }

    /// <summary>The convocation of this person to this meeting.</summary>
    public static Task<Guid> InviteeIdAsync(PortalFactory portal, Guid meetingId, AppUser user) =>
        portal.WithDbAsync(db => db.MeetingInvitees.Where(i => i.MeetingId == meetingId && i.UserId == user.Id).Select(i => i.Id).SingleAsync());

    /// <summary>The resolution of this number on the meeting's agenda.</summary>
    public static Task<Guid> ResolutionIdAsync(PortalFactory portal, Guid meetingId, int number) =>
        portal.WithDbAsync(db => db.Resolutions.Where(r => r.MeetingId == meetingId && r.Number == number).Select(r => r.Id).SingleAsync());
}
