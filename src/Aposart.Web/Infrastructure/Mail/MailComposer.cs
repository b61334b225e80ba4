using System.Net;
using Aposart.Web.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Aposart.Web.Infrastructure.Mail;

/// <summary>Builds the portal's mails: one French plain-text body and the same in simple HTML.</summary>
public sealed class MailComposer(IOptions<MailOptions> mailOptions, IOptions<CptsOptions> cptsOptions)
{
    public MimeMessage Compose(string toAddress, string toName, string subject, IReadOnlyList<string> paragraphs,
        (string Label, string Url)? action = null, IReadOnlyList<MailAttachment>? attachments = null)
    {
        var mail = mailOptions.Value;
        var cpts = cptsOptions.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        message.To.Add(new MailboxAddress(toName, toAddress));
        message.Subject = subject;

        var text = new List<string> { $"Bonjour {toName},", "" };
        var html = new List<string> { $"<p>Bonjour {WebUtility.HtmlEncode(toName)},</p>" };
        foreach (var paragraph in paragraphs)
        {
            text.Add(paragraph);
            text.Add("");
            html.Add($"<p>{WebUtility.HtmlEncode(paragraph)}</p>");
        }
        if (action is { } link)
        {
            text.Add($"{link.Label} : {link.Url}");
            text.Add("");
            html.Add($"<p><a href=\"{WebUtility.HtmlEncode(link.Url)}\">{WebUtility.HtmlEncode(link.Label)}</a></p>");
        }
        text.Add($"— {cpts.ShortName} / {cpts.Name}");
        html.Add($"<p>— {WebUtility.HtmlEncode(cpts.ShortName)} / {WebUtility.HtmlEncode(cpts.Name)}</p>");

        var body = new BodyBuilder
        {
            TextBody = string.Join("\n", text),
            HtmlBody = $"<!DOCTYPE html><html lang=\"fr\"><body>{string.Join("", html)}</body></html>",
        };
        foreach (var attachment in attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The domain of the sender's address, for Message-IDs.</summary>
    public string Domain => mailOptions.Value.FromAddress.Split('@').Last();

    /// <summary>Absolute link to a path of the portal, from configuration and never from the request's Host header.</summary>
    public string Link(string pathAndQuery) => cptsOptions.Value.PublicUrl.TrimEnd('/') + pathAndQuery;
}
