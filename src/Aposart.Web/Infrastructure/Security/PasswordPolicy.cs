using System.Reflection;
using Aposart.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Aposart.Web.Infrastructure.Security;

/// <summary>
/// CNIL 2022 policy for a password used alone: 12 to 128 characters, no composition rule, and no
/// password that is a common one with a few digits or symbols stuck around it.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly HashSet<string> CommonPasswords = LoadCommonPasswords();

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (password.Length > MaximumLength)
        {
            return Failed("PasswordTooLong", $"Le mot de passe ne peut pas dépasser {MaximumLength} caractères.");
        }
        if (IsCommon(password))
        {
            return Failed("PasswordTooCommon",
                "Ce mot de passe est trop courant et serait deviné rapidement : choisissez une phrase ou une suite de mots plus personnelle.");
        }
        var localPart = user.Email?.Split('@')[0].ToLowerInvariant();
        if (localPart is { Length: >= 4 } && password.ToLowerInvariant().Contains(localPart, StringComparison.Ordinal))
        {
            return Failed("PasswordContainsEmail", "Le mot de passe ne doit pas contenir votre adresse e-mail.");
        }
        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (lower.Distinct().Count() <= 2)
        {
            return true;
        }
        // "Motdepasse2024!" or "!!azerty123456" are the listed word in disguise.
        var core = lower.Trim("0123456789!?.,;:@#$%&*_-+=/\\ ".ToCharArray());
        return CommonPasswords.Contains(lower) || (core.Length > 0 && CommonPasswords.Contains(core));
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("Aposart.Web.Infrastructure.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim());
            }
        }
        return set;
    }
}
