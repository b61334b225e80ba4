using System.Security.Claims;
using System.Text.Json;
using Aposart.Web.Domain;

namespace Aposart.Web.Features.ProSanteConnect;

/// <summary>
/// What Pro Santé Connect says of the person, read from the claims of its identity token and user-info answer:
/// <c>sub</c>, <c>given_name</c>/<c>family_name</c>, <c>SubjectNameID</c> (the national identifier: « 8 » then the RPPS
/// number for professionals of the RPPS register, « 0 » then ADELI for the others) and <c>SubjectRefPro</c> (the
/// practices, each with its TRE_G15 profession code, savoir-faire and the name used in practice).
/// </summary>
public sealed record PscIdentity(string Subject, string? NationalId, string? Rpps, string FirstName, string LastName,
    Profession? Profession, Civility Civility)
{
    public string FullName => $"{FirstName} {LastName}".Trim();

    public static PscIdentity? From(ClaimsPrincipal principal)
    {
        var subject = First(principal, ClaimTypes.NameIdentifier, "sub");
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }
        var nationalId = First(principal, "SubjectNameID", "preferred_username")?.Trim();
        var rpps = nationalId is { Length: 12 } && nationalId[0] == '8' && nationalId.All(char.IsAsciiDigit) ? nationalId[1..] : null;
        var practice = FirstPractice(First(principal, "SubjectRefPro"));
        var firstName = Text(practice, "prenomDexercice") ?? First(principal, ClaimTypes.GivenName, "given_name") ?? "";
        var lastName = Text(practice, "nomDexercice") ?? First(principal, ClaimTypes.Surname, "family_name") ?? "";
        var civility = Text(practice, "codeCiviliteDexercice") switch
        {
            "DR" or "PR" => Civility.Doctor,
            _ => Civility.None,
        };
        return new PscIdentity(subject, nationalId, rpps, Tidy(firstName), Tidy(lastName),
            ProfessionText.FromNationalCode(Text(practice, "codeProfession"), Text(practice, "codeSavoirFaire")), civility);
    }

    /// <summary>Whether a directory record's name is this person's: accents, case and hyphens aside.</summary>
    public bool IsNamed(string lastName) => Fold(lastName) == Fold(LastName) && Fold(LastName).Length > 0;

    private static string? First(ClaimsPrincipal principal, params string[] types) =>
        types.Select(t => principal.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The first practice of SubjectRefPro, a JSON object the user-info answer carries as such (or as its text).</summary>
    private static JsonElement? FirstPractice(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("exercices", out var practices) && practices.ValueKind == JsonValueKind.Array
                && practices.GetArrayLength() > 0 && practices[0].ValueKind == JsonValueKind.Object
                    ? practices[0].Clone()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement? practice, string name) =>
        practice is { } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    /// <summary>The register writes names in capitals: « DUPONT » becomes « Dupont », « JEAN-MARIE » « Jean-Marie ».</summary>
    private static string Tidy(string name) =>
        name.Any(char.IsLower) ? name.Trim() : System.Globalization.CultureInfo.GetCultureInfo("fr-FR").TextInfo.ToTitleCase(name.Trim().ToLowerInvariant());

    private static string Fold(string name) =>
        // Decomposed, the accents are marks of their own, which are not letters: « Hélène » and « HELENE » fold alike.
        new([.. name.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsLetter).Select(char.ToLowerInvariant)]);
}
