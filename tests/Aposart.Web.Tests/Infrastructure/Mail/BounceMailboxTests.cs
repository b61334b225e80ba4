using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Tests.Support;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Aposart.Web.Tests.Infrastructure.Mail;

/// <summary>The portal with a bounce address and its IMAP mailbox on a Dovecot server started for the class.</summary>
public sealed class BouncePortal : PortalFactory
{
    public ImapServer Imap { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Imap = await ImapServer.StartAsync();
        With("Mail:BounceAddress", "rebonds@cpts.test");
        With("Mail:BounceMailbox:Host", "127.0.0.1");
        With("Mail:BounceMailbox:Port", Imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Mail:BounceMailbox:Security", "None");
        With("Mail:BounceMailbox:User", ImapServer.User);
        With("Mail:BounceMailbox:Password", ImapServer.Password);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Imap.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class BounceMailboxTests(BouncePortal portal) : IClassFixture<BouncePortal>
{
    [Fact]
    public async Task A_permanent_failure_reported_by_a_delivery_status_notification_suppresses_the_address_and_fails_the_message()
    {
        var (address, id) = await SendNoticeAsync();
        var sent = await portal.Smtp.SingleMessageToAsync(address);
        Assert.Equal($"rebonds+o{id}@cpts.test", sent.Headers["X-Envelope-From"]);

        await AppendAsync(PostfixBounce(id, address));
        var outcome = await RunJobAsync();

        Assert.Contains("1 adresse(s) suspendue(s)", outcome);
        await using var db = NewContext();
        var subscriber = await db.MailSubscribers.SingleAsync(s => s.Address == address);
        Assert.NotNull(subscriber.BouncedAt);
        Assert.Contains("5.1.1", subscriber.BounceReason);
        var row = await db.OutboxMessages.SingleAsync(m => m.Id == id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.True(row.LastError!.Contains("User unknown", StringComparison.Ordinal), row.LastError);
        Assert.Empty(await UnreadAsync());
    }

    [Fact]
    public async Task A_bounce_that_names_only_the_verp_address_is_traced_back_to_the_message_recipient()
    {
        var (address, id) = await SendNoticeAsync();
        await portal.Smtp.SingleMessageToAsync(address);

        await AppendAsync(ExchangeStyleBounceWithoutRecipient(id));
        await RunJobAsync();

        await using var db = NewContext();
        Assert.NotNull((await db.MailSubscribers.SingleAsync(s => s.Address == address)).BouncedAt);
    }

    [Fact]
    public async Task A_delay_notice_and_an_auto_reply_change_nothing_but_are_marked_read()
    {
        var (address, id) = await SendNoticeAsync();
        await portal.Smtp.SingleMessageToAsync(address);

        await AppendAsync(DelayNotice(id, address));
        await AppendAsync(AutoReply(id, address));
        var outcome = await RunJobAsync();

        Assert.Contains("0 adresse(s) suspendue(s)", outcome);
        await using var db = NewContext();
        Assert.False(await db.MailSubscribers.AnyAsync(s => s.Address == address && s.BouncedAt != null));
        Assert.Equal(OutboxStatus.Sent, (await db.OutboxMessages.SingleAsync(m => m.Id == id)).Status);
        Assert.Empty(await UnreadAsync());
    }

    private async Task<(string Address, long Id)> SendNoticeAsync()
    {
        var address = PortalFactory.NewEmail("rebond");
        using var scope = portal.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<PortalMailer>().Queue(address, "Destinataire", "Avis", ["Un avis."], null);
        var db = scope.ServiceProvider.GetRequiredService<AposartDbContext>();
        await db.SaveChangesAsync();
        return (address, await db.OutboxMessages.Where(m => m.ToAddress == address).Select(m => m.Id).SingleAsync());
    }

    private async Task<string> RunJobAsync()
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BounceMailbox>().RunAsync(CancellationToken.None);
    }

    private AposartDbContext NewContext() => portal.Services.CreateScope().ServiceProvider.GetRequiredService<AposartDbContext>();

    private async Task AppendAsync(string raw)
    {
        using var client = await ConnectAsync();
        using var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(raw.ReplaceLineEndings("\r\n"))));
        await client.Inbox.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    private async Task<IList<UniqueId>> UnreadAsync()
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var unread = await client.Inbox.SearchAsync(MailKit.Search.SearchQuery.NotSeen);
        await client.DisconnectAsync(true);
        return unread;
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", portal.Imap.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(ImapServer.User, ImapServer.Password);
        return client;
    }

    /// <summary>What Postfix sends back for an unknown mailbox (RFC 3464 multipart/report).</summary>
    private static string PostfixBounce(long id, string address) => $"""
        Return-Path: <>
        Delivered-To: rebonds+o{id}@cpts.test
        Date: Wed,  2 Dec 2026 10:04:12 +0100 (CET)
        From: MAILER-DAEMON@mx1.exemple.fr (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        To: rebonds+o{id}@cpts.test
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
        	boundary="4F1C2A0B3.1764666252/mx1.exemple.fr"
        Message-Id: <20261202090412.7C81A0B4@mx1.exemple.fr>

        This is a MIME-encapsulated message.

        --4F1C2A0B3.1764666252/mx1.exemple.fr
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx1.exemple.fr.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        <{address}>: host mx2.exemple.fr[192.0.2.25] said: 550 5.1.1 <{address}>:
            Recipient address rejected: User unknown in virtual mailbox table (in reply
            to RCPT TO command)

        --4F1C2A0B3.1764666252/mx1.exemple.fr
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx1.exemple.fr
        X-Postfix-Queue-ID: 4F1C2A0B3
        X-Postfix-Sender: rfc822; rebonds+o{id}@cpts.test
        Arrival-Date: Wed,  2 Dec 2026 10:04:11 +0100 (CET)

        Final-Recipient: rfc822; {address}
        Original-Recipient: rfc822;{address}
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; mx2.exemple.fr
        Diagnostic-Code: smtp; 550 5.1.1 <{address}>: Recipient address rejected: User
            unknown in virtual mailbox table

        --4F1C2A0B3.1764666252/mx1.exemple.fr
        Content-Description: Undelivered Message Headers
        Content-Type: text/rfc822-headers

        Return-Path: <rebonds+o{id}@cpts.test>
        From: CPTS <ne-pas-repondre@cpts.test>
        To: Destinataire <{address}>
        Subject: Avis

        --4F1C2A0B3.1764666252/mx1.exemple.fr--
        """;

    /// <summary>A report whose recipient group names no usable address (a relay rewrote it): only the VERP address tells.</summary>
    private static string ExchangeStyleBounceWithoutRecipient(long id) => $"""
        From: postmaster@relais.exemple.fr
        To: rebonds+o{id}@cpts.test
        Subject: Non remis : Avis
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="frontiere"

        --frontiere
        Content-Type: text/plain; charset=us-ascii

        Delivery has failed to these recipients or groups.

        --frontiere
        Content-Type: message/delivery-status

        Reporting-MTA: dns;relais.exemple.fr
        Received-From-MTA: dns;cpts.test
        Arrival-Date: Wed, 2 Dec 2026 09:04:11 +0000

        Final-Recipient: x400; /O=EXCHANGE/OU=ADMIN/CN=RECIPIENTS/CN=ANCIEN
        Action: failed
        Status: 5.2.1
        Diagnostic-Code: smtp;550 5.2.1 Mailbox disabled

        --frontiere--
        """;

    private static string DelayNotice(long id, string address) => $"""
        From: MAILER-DAEMON@mx1.exemple.fr (Mail Delivery System)
        To: rebonds+o{id}@cpts.test
        Subject: Delayed Mail (still being retried)
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="retard"

        --retard
        Content-Type: text/plain; charset=us-ascii

        Your message has not been delivered yet. It will be retried until it is 5 days old.

        --retard
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx1.exemple.fr

        Final-Recipient: rfc822; {address}
        Action: delayed
        Status: 4.4.1
        Diagnostic-Code: X-Postfix; connect to mx2.exemple.fr[192.0.2.25]:25: Connection timed out

        --retard--
        """;

    private static string AutoReply(long id, string address) => $"""
        From: {address}
        To: rebonds+o{id}@cpts.test
        Subject: Absence du cabinet
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Je suis absent jusqu'au 15 decembre. En cas d'urgence, appelez le 15.
        """;
}
