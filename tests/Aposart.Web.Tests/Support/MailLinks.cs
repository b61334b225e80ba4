using System.Text.RegularExpressions;
using MimeKit;

namespace Aposart.Web.Tests.Support;

public static partial class MailLinks
{
    /// <summary>The portal path of the first link in a mail that starts with <paramref name="pathPrefix"/>.</summary>
    public static string PathOf(MimeMessage message, string pathPrefix)
    {
        var match = Link().Matches(message.TextBody ?? "")
            .Select(m => new Uri(m.Value))
            .FirstOrDefault(uri => uri.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal));
        Assert.NotNull(match);
        return match.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
