using Aposart.Web.Domain;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Aposart.Web.Features.Trainings;

/// <summary>Trainings as iCalendar (RFC 5545): one event per session, times in UTC so that every agenda shows them right.</summary>
public static class TrainingCalendar
{
    public const string ContentType = "text/calendar";

    public static string Ics(IEnumerable<Training> trainings, string calendarName, Func<Training, string> link)
    {
        var calendar = new Ical.Net.Calendar { Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        foreach (var training in trainings)
        {
            var sessions = training.Sessions.OrderBy(s => s.StartsAt).ToList();
            for (var i = 0; i < sessions.Count; i++)
            {
                var session = sessions[i];
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = $"{session.Id}@aposart",
                    Summary = sessions.Count == 1 ? training.Title : $"{training.Title} (séance {i + 1}/{sessions.Count})",
                    Description = $"{training.Theme}\n{link(training)}".Trim(),
                    Location = session.Place,
                    Start = new CalDateTime(session.StartsAt.UtcDateTime, CalDateTime.UtcTzId),
                    End = new CalDateTime(session.EndsAt.UtcDateTime, CalDateTime.UtcTzId),
                    Url = new Uri(link(training)),
                    Status = training.Status == TrainingStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
                });
            }
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
