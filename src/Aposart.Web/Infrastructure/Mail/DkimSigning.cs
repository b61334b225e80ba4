using System.Security.Cryptography;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace Aposart.Web.Infrastructure.Mail;

/// <summary>
/// Signs every mail that leaves with the CPTS's DKIM key, once the administrator has generated one (on the health
/// page); without a key mail leaves unsigned, as before. The large webmail providers require SPF, DKIM and DMARC
/// from whoever sends to many of their users: a quarterly letter to ninety members is exactly that.
/// </summary>
public sealed class DkimSigning(PortalSettings settings, IDataProtectionProvider protection, IOptions<MailOptions> mail)
{
    private const string Purpose = "Aposart.Dkim";

    /// <summary>What a signature covers: the headers a reader sees and a forger would change.</summary>
    private static readonly HeaderId[] SignedHeaders =
        [HeaderId.From, HeaderId.To, HeaderId.Cc, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId, HeaderId.ReplyTo,
         HeaderId.MimeVersion, HeaderId.ContentType, HeaderId.ListUnsubscribe, HeaderId.ListUnsubscribePost];

    private readonly Lock gate = new();
    // Keyed on the settings row in force: Sign runs for every mail, and the row only changes when a key is saved.
    private (SettingsVersion Row, DkimSigner? Signer)? cached;

    /// <summary>The key in force, or null while none has been generated.</summary>
    public DkimSettings? Current => settings.Get(SettingsSections.Dkim) is { ProtectedPrivateKey.Length: > 0 } key ? key : null;

    /// <summary>The domain a new key signs for by default: the sender address's.</summary>
    public string DefaultDomain => mail.Value.FromAddress.Split('@') is [_, var domain] ? domain : "";

    public void Sign(MimeMessage message)
    {
        var signer = Signer();
        if (signer is null)
        {
            return;
        }
        // Once signed, no server on the way may re-encode the body: choose 7-bit transfer encodings now.
        message.Prepare(EncodingConstraint.SevenBit);
        signer.Sign(message, SignedHeaders.Where(id => id is HeaderId.From || message.Headers.Contains(id)).ToList());
    }

    /// <summary>A new 2048-bit RSA key pair; the private half encrypted for storage.</summary>
    public DkimSettings Generate(string domain, string selector)
    {
        using var rsa = RSA.Create(2048);
        return new DkimSettings
        {
            Domain = domain,
            Selector = selector,
            ProtectedPrivateKey = protection.CreateProtector(Purpose).Protect(rsa.ExportRSAPrivateKeyPem()),
            PublicKey = Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()),
        };
    }

    /// <summary>The TXT record to publish at &lt;selector&gt;._domainkey.&lt;domain&gt;.</summary>
    public static string DnsRecord(DkimSettings key) => $"v=DKIM1; k=rsa; p={key.PublicKey}";

    private DkimSigner? Signer()
    {
        var row = settings.LastChange(SettingsSections.Dkim);
        if (row is null)
        {
            return null;
        }
        lock (gate)
        {
            if (cached is { } known && ReferenceEquals(known.Row, row))
            {
                return known.Signer;
            }
            var key = Current;
            DkimSigner? signer = null;
            if (key is not null)
            {
                var pem = protection.CreateProtector(Purpose).Unprotect(key.ProtectedPrivateKey);
                using var stream = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(pem));
                signer = new DkimSigner(stream, key.Domain, key.Selector, DkimSignatureAlgorithm.RsaSha256)
                {
                    // Relaxed survives the header folding and whitespace changes that relays make.
                    HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                    BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                };
            }
            cached = (row, signer);
            return signer;
        }
    }
}
