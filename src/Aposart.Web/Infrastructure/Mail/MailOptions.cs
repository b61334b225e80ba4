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
    /// <summary>
    /// Where bounces go back (the envelope sender, Return-Path), as "rebonds@ma-cpts.fr": each outbox message leaves
    /// from "rebonds+o&lt;id&gt;@ma-cpts.fr", so a bounce names the message even when it quotes nothing of it. The mailbox
    /// must accept "+" addresses; empty leaves the envelope sender as the From address.
    /// </summary>
    public string BounceAddress { get; set; } = "";
    /// <summary>The IMAP mailbox that receives those bounces, read by a background job; no host, no reading.</summary>
    public BounceMailboxOptions BounceMailbox { get; set; } = new();
    /// <summary>The SPF include of the SMTP provider ("mx.ovh.com", "spf.brevo.com"…), shown in the record to publish.</summary>
    public string SpfInclude { get; set; } = "";
    /// <summary>A DNS server ("ip:port") for the health page's checks instead of the system's; the tests start their own.</summary>
    public string DnsServer { get; set; } = "";
}

public sealed class BounceMailboxOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 993;
    /// <summary>MailKit's SecureSocketOptions name: SslOnConnect (993), StartTls (143) or None (tests only).</summary>
    public string Security { get; set; } = "SslOnConnect";
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    public string Folder { get; set; } = "INBOX";
}

/// <summary>The VERP form of the bounce address: "rebonds+o42@ma-cpts.fr" for outbox row 42, and back.</summary>
public static partial class BounceAddress
{
    public static MimeKit.MailboxAddress? For(string bounceAddress, long outboxId) =>
        bounceAddress.Split('@') is [var local, var domain] && local.Length > 0 && domain.Length > 0
            ? new MimeKit.MailboxAddress("", $"{local}+o{outboxId}@{domain}")
            : null;

    public static long? OutboxIdIn(string? address) =>
        address is not null && Tagged().Match(address) is { Success: true } match ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"\+o(\d{1,18})@", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Tagged();
}
