using System.Globalization;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>Instants are stored in UTC and always shown in the territory's own time.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    /// <summary>Names in the order a French reader expects (accents and case aside).</summary>
    public static readonly StringComparer FrenchOrder = StringComparer.Create(French, true);

    public static DateTimeOffset ToParis(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant of a wall-clock time in Paris, as typed in a form; in UTC, as PostgreSQL stores it.</summary>
    public static DateTimeOffset FromParis(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    public static DateTimeOffset FromParis(DateOnly date, TimeOnly time) => FromParis(date.ToDateTime(time));

    /// <summary>The instants a calendar year starts and ends in Paris, for "this year's" queries.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) YearBounds(int year) =>
        (FromParis(new DateOnly(year, 1, 1), TimeOnly.MinValue), FromParis(new DateOnly(year + 1, 1, 1), TimeOnly.MinValue));

    public static string ToParisString(this DateTimeOffset instant, string format = "dd/MM/yyyy 'à' HH:mm") =>
        instant.ToParis().ToString(format, French);
}

/// <summary>Amounts as a French reader writes them: "1 234,50 €".</summary>
public static class Euros
{
    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    public static string ToEuros(this decimal amount) => amount.ToString("#,##0.00", French) + " €";

    public static string ToEuros(this decimal? amount) => amount is { } value ? value.ToEuros() : "";
}
