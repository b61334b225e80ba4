using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Aposart.Web.Infrastructure.Mail;

/// <summary>An open way out for mail, reused for many messages by one outbox worker.</summary>
public interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);

    /// <summary>Sends an outbox row's message; its bounce, if any, comes back to an address that names the row (VERP).</summary>
    Task SendAsync(MimeMessage message, long outboxId, CancellationToken cancellationToken) => SendAsync(message, cancellationToken);
}

public sealed class MailConnections(IOptions<MailOptions> options, PickupDirectoryMailSender pickup, DkimSigning dkim)
{
    public async Task<IMailConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Transport == MailTransport.Pickup)
        {
            return new PickupConnection(pickup);
        }
        var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, Enum.Parse<SecureSocketOptions>(settings.SmtpSecurity, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUser))
            {
                await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }
        return new SmtpConnection(client, dkim, settings);
    }

    private sealed class SmtpConnection(SmtpClient client, DkimSigning dkim, MailOptions settings) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            dkim.Sign(message);
            await client.SendAsync(message, cancellationToken);
        }

        public async Task SendAsync(MimeMessage message, long outboxId, CancellationToken cancellationToken)
        {
            if (BounceAddress.For(settings.BounceAddress, outboxId) is not { } envelope)
            {
                await SendAsync(message, cancellationToken);
                return;
            }
            dkim.Sign(message);
            await client.SendAsync(message, envelope, message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes), cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception exception) when (exception is IOException or MailKit.ProtocolException or System.Net.Sockets.SocketException)
            {
                // The server went away first: nothing left to close.
            }
            client.Dispose();
        }
    }

    private sealed class PickupConnection(PickupDirectoryMailSender pickup) : IMailConnection
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => pickup.SendAsync(message, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
