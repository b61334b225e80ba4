using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;

namespace Aposart.Web.Features.Trainings;

/// <summary>Trainings as iCalendar: one event per session.</summary>
public static class TrainingCalendar
{
    public const string ContentType = IcsCalendar.ContentType;

    public static string Ics(IEnumerable<Training> trainings, string calendarName, Func<Training, string> link) =>
        IcsCalendar.Write(calendarName, trainings.SelectMany(training =>
        {
            var sessions = training.Sessions.OrderBy(s => s.StartsAt).ToList();
            return sessions.Select((session, i) => new IcsEvent(
                $"{session.Id}@aposart",
                sessions.Count == 1 ? training.Title : $"{training.Title} (séance {i + 1}/{sessions.Count})",
                $"{training.Theme}\n{link(training)}".Trim(),
                session.Place,
                session.StartsAt,
                session.EndsAt,
                link(training),
                training.Status == TrainingStatus.Cancelled));
        }));
}
