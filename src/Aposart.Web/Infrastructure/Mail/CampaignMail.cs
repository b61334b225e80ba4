using System.Net;
using Aposart.Web.Configuration;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Aposart.Web.Infrastructure.Mail;

/// <summary>
/// Renders a campaign for one recipient: responsive HTML (Markdown, sanitised) and plain text, personalised with the first
/// name, with RFC 8058 one-click unsubscribe headers and a Message-ID derived from the outbox row, so a resend is recognisable.
/// </summary>
public sealed class CampaignMail(IOptions<MailOptions> mailOptions, IOptions<CptsOptions> cptsOptions)
{
    // A campaign's body no longer changes once it is sending: render and sanitise it once, not once per recipient.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string> bodies = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, List<CampaignAttachment>> attachments = new();

    /// <summary>The attachments of a campaign being sent, loaded once.</summary>
    public async Task<List<CampaignAttachment>> AttachmentsAsync(Guid campaignId, Func<Task<List<CampaignAttachment>>> load)
    {
        if (attachments.TryGetValue(campaignId, out var cached))
        {
            return cached;
        }
        if (attachments.Count > 50)
        {
            attachments.Clear();
        }
        return attachments[campaignId] = await load();
    }

    private string Body(Campaign campaign)
    {
        if (campaign.Status is not (CampaignStatus.Sending or CampaignStatus.Sent))
        {
            return SafeMarkdown.Html(campaign.Body);
        }
        if (bodies.Count > 200)
        {
            bodies.Clear();
        }
        return bodies.GetOrAdd(campaign.Id, _ => SafeMarkdown.Html(campaign.Body));
    }

    public static string UnsubscribePath(string token) => $"/desabonnement/{token}";

    public MimeMessage Render(Campaign campaign, long rowId, string toAddress, string toName, string? firstName, string unsubscribeToken)
    {
        var mail = mailOptions.Value;
        var cpts = cptsOptions.Value;
        var unsubscribe = cpts.PublicUrl.TrimEnd('/') + UnsubscribePath(unsubscribeToken);
        var greeting = string.IsNullOrWhiteSpace(firstName) ? "Bonjour," : $"Bonjour {firstName},";
        var message = new MimeMessage
        {
            Subject = campaign.Subject,
            MessageId = $"{rowId}.{campaign.Id:N}@{mail.FromAddress.Split('@').Last()}",
        };
        message.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        message.To.Add(new MailboxAddress(toName, toAddress));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("List-Id", $"{campaign.Kind.Label()} <{campaign.Kind.ToString().ToLowerInvariant()}.{mail.FromAddress.Split('@').Last()}>");
        var footer = $"Vous recevez ce message de {cpts.ShortName} / {cpts.Name}. Se désabonner : {unsubscribe}";
        var body = new BodyBuilder
        {
            TextBody = $"{greeting}\n\n{campaign.Body}\n\n— \n{footer}",
            HtmlBody = $"""
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body style="margin:0;padding:0;background:#f4f6f8;"><div style="max-width:640px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;">
                <p style="font-weight:bold;color:#0b4f6c;">{WebUtility.HtmlEncode(cpts.ShortName)} – {WebUtility.HtmlEncode(cpts.Name)}</p>
                <p>{WebUtility.HtmlEncode(greeting)}</p>{Body(campaign)}
                <hr><p style="font-size:13px;color:#52606d;">Vous recevez ce message de {WebUtility.HtmlEncode(cpts.ShortName)}. <a href="{WebUtility.HtmlEncode(unsubscribe)}">Se désabonner</a></p>
                </div></body></html>
                """,
        };
        foreach (var attachment in campaign.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse("application/pdf"));
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}
