using Microsoft.Extensions.Options;
using MimeKit;

namespace Aposart.Web.Infrastructure.Mail;

public sealed class PickupDirectoryMailSender(IOptions<MailOptions> options, IHostEnvironment environment, DkimSigning dkim) : IMailSender
{
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        dkim.Sign(message);
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        await message.WriteToAsync(Path.Combine(Directory, name), cancellationToken);
    }
}
