using Aposart.Web.Infrastructure.Background;
using Aposart.Web.Infrastructure.Mail;

namespace Aposart.Web.Configuration;

public static class MailSetup
{
    public static IServiceCollection AddAposartMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<MailComposer>().AddSingleton<DkimSigning>().AddSingleton<MailDns>();
        services.AddScoped<PortalMailer>();
        services.AddSingleton<PickupDirectoryMailSender>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<IMailSender>(provider =>
            configuration.GetSection(MailOptions.Section).Get<MailOptions>()?.Transport == MailTransport.Smtp
                ? provider.GetRequiredService<SmtpMailSender>()
                : provider.GetRequiredService<PickupDirectoryMailSender>());
        // The outbox carries every mail; the campaigns' side of it (IOutboxCampaigns) comes from the letters feature.
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton<CampaignMail>().AddSingleton<OutboxRateLimiter>().AddSingleton<MailConnections>();
        services.AddScoped<Outbox>();
        services.AddSingleton<JobRuns>().AddHostedService<OutboxWorker>();
        services.AddPeriodicJob<OutboxHousekeeping>();
        services.AddPeriodicJob<BounceMailbox>();
        return services;
    }
}
