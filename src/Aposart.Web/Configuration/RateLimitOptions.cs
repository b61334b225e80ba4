namespace Aposart.Web.Configuration;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";
    public const string AuthPolicy = "auth";

    /// <summary>Login, registration, password reset and second-factor attempts allowed per client address per window.</summary>
    public int AuthPermitLimit { get; set; } = 10;
    public int AuthWindowSeconds { get; set; } = 60;
}
