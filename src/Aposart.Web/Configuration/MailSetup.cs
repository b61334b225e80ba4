using Aposart.Web.Infrastructure.Mail;

namespace Aposart.Web.Configuration;

public static class MailSetup
{
    public static IServiceCollection AddAposartMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<MailComposer>();
        services.AddScoped<PortalMailer>();
        services.AddSingleton<PickupDirectoryMailSender>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<IMailSender>(provider =>
            configuration.GetSection(MailOptions.Section).Get<MailOptions>()?.Transport == MailTransport.Smtp
                ? provider.GetRequiredService<SmtpMailSender>()
                : provider.GetRequiredService<PickupDirectoryMailSender>());
        return services;
    }
}
