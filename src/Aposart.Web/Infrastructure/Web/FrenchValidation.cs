using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>Checks of French identifiers and contact data, with messages that tell what is expected.</summary>
public static partial class FrenchFormats
{
    public static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);

    /// <summary>The RPPS number ends with a Luhn key; a failed key is worth a warning, not a refusal (typos happen both ways).</summary>
    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /// <summary>0X XX XX XX XX, whatever separators were typed; +33 is turned into 0.</summary>
    public static string? NormalisePhone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var digits = Digits(value);
        if (value.TrimStart().StartsWith("+33", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = "0" + digits[2..];
        }
        return digits.Length == 10 && digits[0] == '0' && digits[1] != '0'
            ? string.Join(' ', Enumerable.Range(0, 5).Select(i => digits.Substring(i * 2, 2)))
            : null;
    }

    [GeneratedRegex(@"^\d{11}$")]
    public static partial Regex Rpps();

    [GeneratedRegex(@"^\d{9}$")]
    public static partial Regex Adeli();

    [GeneratedRegex(@"^(\d{2}|2A|2B)\d{7}$")]
    public static partial Regex Finess();

    [GeneratedRegex(@"^\d{5}$")]
    public static partial Regex Postcode();
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class RppsAttribute() : ValidationAttribute("Le numéro RPPS compte 11 chiffres.")
{
    public override bool IsValid(object? value) =>
        value is not string text || text.Length == 0 || FrenchFormats.Rpps().IsMatch(text.Replace(" ", "", StringComparison.Ordinal));
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class AdeliAttribute() : ValidationAttribute("Le numéro ADELI compte 9 chiffres.")
{
    public override bool IsValid(object? value) =>
        value is not string text || text.Length == 0 || FrenchFormats.Adeli().IsMatch(text.Replace(" ", "", StringComparison.Ordinal));
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class FinessAttribute() : ValidationAttribute("Le numéro FINESS compte 9 caractères : des chiffres (2A ou 2B en tête pour la Corse).")
{
    public override bool IsValid(object? value) =>
        value is not string text || text.Length == 0 || FrenchFormats.Finess().IsMatch(text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class FrenchPhoneAttribute() : ValidationAttribute("Saisissez un numéro de téléphone à 10 chiffres, par exemple 01 34 00 00 00.")
{
    public override bool IsValid(object? value) =>
        value is not string text || text.Trim().Length == 0 || FrenchFormats.NormalisePhone(text) is not null;
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class PostcodeAttribute() : ValidationAttribute("Le code postal compte 5 chiffres.")
{
    public override bool IsValid(object? value) =>
        value is not string text || text.Length == 0 || FrenchFormats.Postcode().IsMatch(text.Trim());
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class WebLinkAttribute() : ValidationAttribute("Saisissez une adresse web complète, commençant par https://")
{
    public override bool IsValid(object? value) =>
        value is not string text || text.Length == 0
        || (text.Length <= 500 && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
