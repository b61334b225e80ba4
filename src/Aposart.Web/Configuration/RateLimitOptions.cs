namespace Aposart.Web.Configuration;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";
    public const string AuthPolicy = "auth";
    public const string ContactPolicy = "contact";
    public const string SasPolicy = "sas";
    public const string RegistrationPolicy = "registration";

    /// <summary>Messages through the contact form allowed per client address per hour.</summary>
    public int ContactPermitLimit { get; set; } = 5;

    /// <summary>Registrations to public meetings allowed per client address per hour (a family, a practice behind one address).</summary>
    public int RegistrationPermitLimit { get; set; } = 30;

    /// <summary>Login, registration, password reset and second-factor attempts allowed per client address per window.</summary>
    public int AuthPermitLimit { get; set; } = 10;
    public int AuthWindowSeconds { get; set; } = 60;
}
