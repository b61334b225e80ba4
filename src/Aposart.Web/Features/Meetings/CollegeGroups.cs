using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;

namespace Aposart.Web.Features.Meetings;

/// <summary>One collège of the convened, as recorded with their convocation; <see cref="Key"/> 0 gathers those in none.</summary>
public sealed record CollegeGroup(int Key, string Name);

/// <summary>How the quorum and the votes per collège group the convened: by the collège of their convocation, in the order of the names.</summary>
public static class CollegeGroups
{
    public const string NoCollege = "Sans collège";

    public static int KeyOf(MeetingInvitee invitee) => invitee.CollegeId ?? 0;

    public static string NameOf(MeetingInvitee invitee) => invitee.CollegeName ?? NoCollege;

    public static IReadOnlyList<CollegeGroup> Of(IEnumerable<MeetingInvitee> invitees) =>
        [.. invitees.GroupBy(KeyOf).Select(g => new CollegeGroup(g.Key, NameOf(g.First()))).OrderBy(c => c.Name, ParisTime.FrenchOrder)];
}
