using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Configuration;

public static class MvcSetup
{
    public static IServiceCollection AddAposartMvc(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRouting(options => options.LowercaseUrls = true);
        services
            .AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.ModelBinderProviders.Insert(0, new FrenchDecimalModelBinderProvider());
                options.ModelValidatorProviders.Add(new SingleLineValidatorProvider());
                // Non-nullable strings must not get English "field is required" messages: each form says it in French.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                var messages = options.ModelBindingMessageProvider;
                messages.SetValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
                messages.SetValueMustBeANumberAccessor(_ => "Saisissez un nombre.");
                messages.SetMissingBindRequiredValueAccessor(_ => "Ce champ est obligatoire.");
                messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"La valeur « {value} » n'est pas valide.");
                messages.SetMissingKeyOrValueAccessor(() => "Ce champ est obligatoire.");
                messages.SetUnknownValueIsInvalidAccessor(_ => "Cette valeur n'est pas valide.");
                messages.SetValueMustNotBeNullAccessor(_ => "Ce champ est obligatoire.");
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
                messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Cette valeur n'est pas valide.");
                messages.SetNonPropertyValueMustBeANumberAccessor(() => "Saisissez un nombre.");
                messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
            })
            .AddRazorOptions(options =>
            {
                // Feature folders: a controller's views sit beside it in Features/<Feature>/.
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                options.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
                options.ViewLocationExpanders.Add(new FeatureViewLocationExpander());
            });
        services.AddSingleton<CookieTempDataProvider>();
        services.Replace(ServiceDescriptor.Singleton<ITempDataProvider>(provider => new QuietTempDataProvider(provider.GetRequiredService<CookieTempDataProvider>())));
        services.Configure<PublicPageCacheOptions>(configuration.GetSection(PublicPageCacheOptions.Section));
        services.AddOutputCache(options => options.SizeLimit = 64 * 1024 * 1024);
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PublicPageCacheOptions>>((options, pages) =>
            options.AddPolicy(PublicPageCache.PolicyName, new PublicPageCache(pages)));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "aposart.af";
            options.FormFieldName = "__RequestVerificationToken";
        });
        return services;
    }
}
