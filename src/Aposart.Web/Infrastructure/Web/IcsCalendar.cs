using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>One event of an iCalendar file.</summary>
public sealed record IcsEvent(string Uid, string Summary, string? Description, string? Location, DateTimeOffset Start, DateTimeOffset End,
    string Url, bool Cancelled = false);

/// <summary>Events as iCalendar (RFC 5545), for trainings and meetings: times in UTC so that every agenda shows them right.</summary>
public static class IcsCalendar
{
    public const string ContentType = "text/calendar";

    public static string Write(string calendarName, IEnumerable<IcsEvent> events)
    {
        var calendar = new Ical.Net.Calendar { Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        foreach (var e in events)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = e.Uid,
                Summary = e.Summary,
                Description = e.Description,
                Location = e.Location,
                Start = new CalDateTime(e.Start.UtcDateTime, CalDateTime.UtcTzId),
                End = new CalDateTime(e.End.UtcDateTime, CalDateTime.UtcTzId),
                Url = new Uri(e.Url),
                Status = e.Cancelled ? "CANCELLED" : "CONFIRMED",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
