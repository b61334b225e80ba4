using MimeKit;

namespace Aposart.Web.Infrastructure.Mail;

public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
