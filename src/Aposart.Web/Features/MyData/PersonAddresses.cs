using Aposart.Web.Domain;

namespace Aposart.Web.Features.MyData;

/// <summary>Every address the portal may have written to or received from a person, lower-cased: the export and the erasure must agree on them.</summary>
public static class PersonAddresses
{
    public static string[] Of(AppUser user, Professional? professional) =>
        [.. new[] { user.Email, professional?.Email, professional?.SecureMailAddress }
            .Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim().ToLowerInvariant()).Distinct()];
}
