namespace Aposart.Web.Tests.Support;

/// <summary>The portal's clock in tests: the real time until a test moves it, so that yearly rules can be tried on any day.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

    /// <summary>Moves the clock to this Paris date and time, and lets it run from there.</summary>
    public void SetParis(int year, int month, int day, int hour = 10)
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var local = new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified);
        var target = new DateTimeOffset(local, paris.GetUtcOffset(local));
        offset = target - System.GetUtcNow();
    }

    public void Advance(TimeSpan by) => offset += by;

    public void Reset() => offset = TimeSpan.Zero;
}
