using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Backup;
using Microsoft.AspNetCore.Identity;

namespace Aposart.Web.Configuration;

/// <summary>
/// Operations that Production runs on purpose rather than at start-up:
/// `dotnet Aposart.Web.dll migrate`, `create-admin --email X` (password on standard input),
/// `backup --output FILE` or `backup --dir FOLDER` (dated, with retention), `restore --input FILE [--yes]`,
/// `import-rpps FILE` (the Annuaire Santé's extraction, national file included: streamed).
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "create-admin" or "backup" or "restore" or "import-rpps";

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
            case "backup":
                return await BackupAsync(services.GetRequiredService<DatabaseBackup>(), args);
            case "restore":
                return await RestoreAsync(services.GetRequiredService<DatabaseBackup>(), args);
            case "import-rpps":
                return await ImportRegisterAsync(services.GetRequiredService<Features.Register.RegisterImporter>(), args);
            default:
                return 2;
        }
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var index and >= 0 && index + 1 < args.Length ? args[index + 1] : null;

    private static async Task<int> BackupAsync(DatabaseBackup backup, string[] args)
    {
        try
        {
            if (Option(args, "--output") is { } output)
            {
                var manifest = await backup.BackupAsync(output);
                await Console.Out.WriteLineAsync($"Sauvegarde écrite : {Path.GetFullPath(output)} ({manifest.Bytes / 1024} Kio, schéma {manifest.Migration}).");
                return 0;
            }
            if (Option(args, "--dir") is { } folder)
            {
                var (file, deleted) = await backup.BackupToFolderAsync(folder);
                await Console.Out.WriteLineAsync($"Sauvegarde écrite : {file} ; {deleted} ancienne(s) supprimée(s) (on garde 7 jours, 4 semaines, 12 mois).");
                return 0;
            }
        }
        catch (BackupException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }
        await Console.Error.WriteLineAsync("Usage : backup --output fichier.dump  |  backup --dir dossier");
        return 2;
    }

    private static async Task<int> RestoreAsync(DatabaseBackup backup, string[] args)
    {
        if (Option(args, "--input") is not { } input)
        {
            await Console.Error.WriteLineAsync("Usage : restore --input fichier.dump [--yes]");
            return 2;
        }
        if (!args.Contains("--yes"))
        {
            await Console.Out.WriteLineAsync("La restauration remplace tout le contenu de la base par celui de la sauvegarde. Tapez RESTAURER pour continuer :");
            if ((await Console.In.ReadLineAsync())?.Trim() != "RESTAURER")
            {
                await Console.Error.WriteLineAsync("Restauration annulée : rien n'a été modifié.");
                return 1;
            }
        }
        try
        {
            var outcome = await backup.RestoreAsync(input);
            await (outcome.Succeeded ? Console.Out : Console.Error).WriteLineAsync(outcome.Message);
            return outcome.Succeeded ? 0 : 1;
        }
        catch (BackupException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }
    }

    private static async Task<int> ImportRegisterAsync(Features.Register.RegisterImporter importer, string[] args)
    {
        if (args.Length < 2 || !File.Exists(args[1]))
        {
            await Console.Error.WriteLineAsync("Usage : import-rpps PS_LibreAcces_Personne_activite_AAAAMMJJhhmm.txt (fichier introuvable)");
            return 2;
        }
        try
        {
            await using var file = File.OpenRead(args[1]);
            var import = await importer.ImportAsync(file, args[1], "Commande import-rpps",
                read => Console.Out.WriteLine($"{read:N0} lignes lues ({100.0 * file.Position / Math.Max(1, file.Length):0} %)"));
            await Console.Out.WriteLineAsync($"Registre importé : {import.EntriesKept} situation(s) d'exercice du territoire sur {import.LinesRead:N0} lignes.");
            return 0;
        }
        catch (Features.Register.RppsFile.FormatException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
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
