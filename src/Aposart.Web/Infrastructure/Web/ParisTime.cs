using System.Globalization;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>Instants are stored in UTC and always shown in the territory's own time.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static DateTimeOffset ToParis(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static string ToParisString(this DateTimeOffset instant, string format = "dd/MM/yyyy 'à' HH:mm") =>
        instant.ToParis().ToString(format, French);
}
