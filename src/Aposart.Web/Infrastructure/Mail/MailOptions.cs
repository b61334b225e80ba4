namespace Aposart.Web.Infrastructure.Mail;

public enum MailTransport
{
    /// <summary>Each message is written as an .eml file: a new developer needs no mail server.</summary>
    Pickup,
    Smtp,
}

public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailTransport Transport { get; set; } = MailTransport.Pickup;
    public string PickupDirectory { get; set; } = ".data/mail";
    public string FromAddress { get; set; } = "ne-pas-repondre@demo.aposart.fr";
    public string FromName { get; set; } = "CPTS Sud Yvelines";
    public string SmtpHost { get; set; } = "localhost";
    public int SmtpPort { get; set; } = 25;
    /// <summary>None, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions names).</summary>
    public string SmtpSecurity { get; set; } = "StartTlsWhenAvailable";
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>The SPF include of the SMTP provider ("mx.ovh.com", "spf.brevo.com"…), shown in the record to publish.</summary>
    public string SpfInclude { get; set; } = "";
    /// <summary>A DNS server ("ip:port") for the health page's checks instead of the system's; the tests start their own.</summary>
    public string DnsServer { get; set; } = "";
}
