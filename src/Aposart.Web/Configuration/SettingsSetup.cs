using Aposart.Web.Features.Letters;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Settings;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Configuration;

/// <summary>
/// Wires the settings saved from /gestion/parametres over the configuration's defaults: each options type below follows
/// its sections, and is rebuilt when they change.
/// </summary>
public static class SettingsSetup
{
    public static IServiceCollection AddAposartSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PortalSettings>();
        services.AddHostedService<SettingsPoller>();

        services.Follow<CptsOptions>((settings, cpts) =>
        {
            if (settings.Get(SettingsSections.Identity) is { } identity)
            {
                cpts.Name = identity.Name;
                cpts.ShortName = identity.ShortName;
                cpts.TerritoryName = identity.TerritoryName;
                cpts.Email = identity.Email;
                cpts.Telephone = identity.Telephone;
                cpts.PostalAddress = identity.PostalAddress;
                cpts.Siret = identity.Siret;
                cpts.Rna = identity.Rna;
                cpts.Finess = identity.Finess;
                cpts.PublicationDirector = identity.PublicationDirector;
                cpts.Host = identity.Host;
                cpts.MainColour = identity.MainColour;
                if (!string.IsNullOrWhiteSpace(identity.PublicUrl))
                {
                    cpts.PublicUrl = identity.PublicUrl;
                }
            }
            if (settings.Get(SettingsSections.Texts) is { } texts)
            {
                cpts.HomeIntroduction = texts.HomeIntroduction;
                cpts.AboutText = texts.AboutText;
                cpts.LegalComplement = texts.LegalComplement;
            }
            cpts.LogoVersion = settings.Get(SettingsSections.Logo) is { Base64.Length: > 0 } logo ? logo.Version : "";
            cpts.IsConfigured = !string.IsNullOrWhiteSpace(cpts.Name) && !string.IsNullOrWhiteSpace(cpts.Email);
            // Neutral words fill the gaps: never a blank in a page title or a mail's signature, never another CPTS's name.
            if (string.IsNullOrWhiteSpace(cpts.Name))
            {
                cpts.Name = CptsOptions.PlaceholderName;
            }
            if (string.IsNullOrWhiteSpace(cpts.ShortName))
            {
                cpts.ShortName = "CPTS";
            }
        });

        services.Follow<MailOptions>((settings, mail) =>
        {
            if (settings.Get(SettingsSections.MailSender) is { } sender)
            {
                mail.FromName = sender.FromName;
                mail.FromAddress = sender.FromAddress;
            }
            var identity = settings.Get(SettingsSections.Identity);
            if (string.IsNullOrWhiteSpace(mail.FromName))
            {
                mail.FromName = identity?.ShortName is { Length: > 0 } shortName ? shortName : CptsOptions.PlaceholderName;
            }
            if (string.IsNullOrWhiteSpace(mail.FromAddress))
            {
                // A new portal still mails its invitations: from a no-reply address of its own public host.
                var publicUrl = identity?.PublicUrl is { Length: > 0 } url ? url : configuration[$"{CptsOptions.Section}:PublicUrl"];
                mail.FromAddress = "ne-pas-repondre@" + (Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) ? uri.Host : "localhost");
            }
        });

        services.Follow<MembershipOptions>((settings, membership) =>
        {
            if (settings.Get(SettingsSections.Rules) is { } rules)
            {
                membership.PaymentDueDays = rules.PaymentDueDays;
            }
        });
        services.Follow<AciOptions>((settings, aci) =>
        {
            if (settings.Get(SettingsSections.Rules) is { } rules)
            {
                aci.Size = rules.AciSize;
            }
        });
        services.Follow<LetterOptions>((settings, letters) =>
        {
            if (settings.Get(SettingsSections.Rules) is { } rules)
            {
                letters.RequiredApprovals = rules.RequiredApprovals;
            }
        });
        services.Follow<CompensationOptions>((settings, compensation) =>
        {
            foreach (var (year, rates) in settings.Get(SettingsSections.Compensation)?.Years ?? [])
            {
                compensation.Years[year] = rates;
            }
        });
        return services;
    }

    private static void Follow<TOptions>(this IServiceCollection services, Action<PortalSettings, TOptions> apply) where TOptions : class
    {
        services.AddOptions<TOptions>();
        services.AddSingleton(provider => new FollowSettings<TOptions>(provider.GetRequiredService<PortalSettings>(), apply));
        services.AddSingleton<IPostConfigureOptions<TOptions>>(provider => provider.GetRequiredService<FollowSettings<TOptions>>());
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(provider => provider.GetRequiredService<FollowSettings<TOptions>>());
        services.AddSingleton<IOptions<TOptions>>(provider => new CurrentOptions<TOptions>(provider.GetRequiredService<IOptionsMonitor<TOptions>>()));
    }
}
