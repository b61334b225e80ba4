using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>
/// Stricter than [EmailAddress], which accepts "a@b": one @, a domain with a dot, no spaces or control
/// characters (so a value can never smuggle a header line into a mail).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed partial class ValidEmailAttribute() : ValidationAttribute("Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.")
{
    public override bool IsValid(object? value) =>
        value is not string text || text.Length == 0 || (text.Length <= 254 && Pattern().IsMatch(text));

    [GeneratedRegex(@"^[^@\s\p{C}""(),:;<>\[\\\]]+@[A-Za-z0-9À-ÿ](?:[A-Za-z0-9À-ÿ-]*[A-Za-z0-9À-ÿ])?(?:\.[A-Za-z0-9À-ÿ](?:[A-Za-z0-9À-ÿ-]*[A-Za-z0-9À-ÿ])?)*\.[A-Za-z]{2,}$")]
    private static partial Regex Pattern();
}
