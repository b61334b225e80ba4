using Aposart.Web.Data;
using Aposart.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Aposart.Web.Configuration;

/// <summary>
/// Operations that Production runs on purpose rather than at start-up:
/// `dotnet Aposart.Web.dll migrate` and `dotnet Aposart.Web.dll create-admin --email X` (password on standard input).
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (args[0])
        {
            case "migrate":
                await services.GetRequiredService<DatabaseInitializer>().MigrateAndSeedAsync();
                await Console.Out.WriteLineAsync("Base de données à jour.");
                return 0;
            case "create-admin":
                return await CreateAdminAsync(services.GetRequiredService<UserManager<AppUser>>(), args);
            default:
                return 2;
        }
    }

    private static async Task<int> CreateAdminAsync(UserManager<AppUser> users, string[] args)
    {
        var emailIndex = Array.IndexOf(args, "--email");
        if (emailIndex < 0 || emailIndex + 1 >= args.Length)
        {
            await Console.Error.WriteLineAsync("Usage : create-admin --email adresse@exemple.fr  (mot de passe lu sur l'entrée standard)");
            return 2;
        }
        var email = args[emailIndex + 1].Trim();
        var password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            await Console.Error.WriteLineAsync($"Un compte existe déjà pour {email}.");
            return 1;
        }
        user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FirstName = "", LastName = "Administrateur" };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                await Console.Error.WriteLineAsync(error.Description);
            }
            return 1;
        }
        await users.AddToRolesAsync(user, [Roles.Professional, Roles.Admin]);
        await Console.Out.WriteLineAsync($"Compte administrateur créé : {email}");
        return 0;
    }
}
