using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Settings;

namespace Aposart.Web.Features.Meetings;

/// <summary>Present and represented against the convened, overall or per collège, by the statutes' share.</summary>
public sealed record QuorumLine(string Group, int Convened, int Present, int Represented, int Needed)
{
    public int Counted => Present + Represented;
    public bool Reached => Counted >= Needed;
}

public sealed record QuorumState(IReadOnlyList<QuorumLine> Lines, int Percent, bool PerCollege)
{
    public QuorumLine Overall => Lines[0];
    public bool Reached => PerCollege ? Lines.All(l => l.Reached) : Overall.Reached;

    /// <summary>An adherent counts as represented when the holder of their proxy is present and they are not.</summary>
    public static Func<MeetingInvitee, bool> Represented(IEnumerable<MeetingInvitee> invitees)
    {
        var present = invitees.Where(i => i.Present).Select(i => i.Id).ToHashSet();
        return i => !i.Present && i.Answer == MeetingAnswer.Proxy && i.ProxyHolderId is { } holder && present.Contains(holder);
    }

    public static QuorumState Of(IReadOnlyList<MeetingInvitee> invitees, StatutesRules rules)
    {
        var represented = Represented(invitees);
        QuorumLine Line(string group, IEnumerable<MeetingInvitee> people)
        {
            var list = people.ToList();
            return new QuorumLine(group, list.Count, list.Count(i => i.Present), list.Count(represented),
                (int)Math.Ceiling(list.Count * rules.QuorumPercent / 100m));
        }
        var lines = new List<QuorumLine> { Line("Ensemble des convoqués", invitees) };
        if (rules.QuorumPerCollege)
        {
            lines.AddRange(CollegeGroups.Of(invitees).Select(c => Line(c.Name, invitees.Where(i => CollegeGroups.KeyOf(i) == c.Key))));
        }
        return new QuorumState(lines, rules.QuorumPercent, rules.QuorumPerCollege);
    }
}
