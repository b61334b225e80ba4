using System.Security.Claims;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace Aposart.Web.Configuration;

public static class IdentitySetup
{
    public static IServiceCollection AddAposartIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Features.Account.StaffSecurityOptions>(configuration.GetSection(Features.Account.StaffSecurityOptions.Section));
        services
            .AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                // CNIL 2022 recommendation for a password alone: length and a ban list, no composition rules.
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AposartDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordPolicy>();
        services.AddScoped<Features.Account.AccountMails>();
        services.AddProSanteConnect(configuration);

        // A changed security stamp (logout, password change) must end the other sessions at their next request.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            // The refreshed principal is built from the database and would forget how the session was opened (Pro Santé
            // Connect's sessions count as strong authentication for the back office).
            o.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    foreach (var method in context.CurrentPrincipal?.FindAll(ClaimTypes.AuthenticationMethod) ?? [])
                    {
                        if (!identity.HasClaim(method.Type, method.Value))
                        {
                            identity.AddClaim(new Claim(method.Type, method.Value));
                        }
                    }
                }
                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "aposart.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/compte/connexion";
            options.LogoutPath = "/compte/deconnexion";
            options.AccessDeniedPath = "/compte/acces-refuse";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        return services;
    }
}

