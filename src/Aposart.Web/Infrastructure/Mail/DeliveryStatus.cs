using MimeKit;

namespace Aposart.Web.Infrastructure.Mail;

/// <summary>One recipient's fate as a delivery-status notification (RFC 3464) reports it.</summary>
public sealed record RecipientStatus(string? Address, string Action, string Status, string Diagnostic)
{
    /// <summary>A permanent failure (5.x.x): the address is to be suppressed. Delays and 4.x.x failures are not.</summary>
    public bool IsHardBounce => Action.Equals("failed", StringComparison.OrdinalIgnoreCase) && Status.StartsWith('5');
}

/// <summary>Reads a bounce: a multipart/report of type delivery-status, as Postfix, Exim, Exchange and Gmail send them.</summary>
public static class DeliveryStatus
{
    /// <summary>The per-recipient reports of the message, or an empty list when it is not a delivery-status notification.</summary>
    public static IReadOnlyList<RecipientStatus> Read(MimeMessage message)
    {
        var status = message.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (status is null)
        {
            return [];
        }
        // The first group is about the message; each following group is about one recipient.
        return [.. status.StatusGroups.Skip(1).Select(group => new RecipientStatus(
            Address(group["Final-Recipient"]) ?? Address(group["Original-Recipient"]),
            group["Action"]?.Trim() ?? "",
            FirstWord(group["Status"]),
            Unfold(group["Diagnostic-Code"])))];
    }

    /// <summary>"rfc822; jean@exemple.fr" gives "jean@exemple.fr".</summary>
    private static string? Address(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return null;
        }
        var value = field.Contains(';', StringComparison.Ordinal) ? field[(field.IndexOf(';', StringComparison.Ordinal) + 1)..] : field;
        value = value.Trim().Trim('<', '>');
        return value.Contains('@', StringComparison.Ordinal) ? value.ToLowerInvariant() : null;
    }

    private static string FirstWord(string? field) => (field ?? "").Trim().Split([' ', '\t', '('], 2)[0];

    private static string Unfold(string? field)
    {
        // Folded lines keep their indentation once unfolded: every run of white space becomes one space.
        var text = string.Join(' ', (field ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 400 ? text[..400] : text;
    }
}
