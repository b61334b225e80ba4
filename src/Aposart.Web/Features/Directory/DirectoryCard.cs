using Aposart.Web.Domain;

namespace Aposart.Web.Features.Directory;

/// <summary>
/// What one viewer may see of a professional. Every directory page goes through here, so a field the person
/// did not open to that audience is never even handed to a view.
/// </summary>
public sealed record DirectoryCard(
    Guid Id,
    string DisplayName,
    string Profession,
    string? Specialty,
    string? Email,
    string? SecureMailAddress,
    string? WebsiteUrl,
    bool AcceptsNewPatients,
    bool OffersUnscheduledCare,
    IReadOnlyList<string> Languages,
    IReadOnlyList<DirectorySite> Sites,
    IReadOnlyList<string> Organisations)
{
    public static DirectoryCard From(Professional p, bool viewerIsMember) => new(
        p.Id,
        p.DisplayName,
        p.Profession.Label(),
        p.Specialty,
        p.Shows(p.EmailVisibility, viewerIsMember) ? p.Email : null,
        p.Shows(p.SecureMailVisibility, viewerIsMember) ? p.SecureMailAddress : null,
        p.Shows(p.WebsiteVisibility, viewerIsMember) ? p.WebsiteUrl : null,
        p.Profession == Domain.Profession.GeneralPractitioner && p.AcceptsNewPatients,
        p.OffersUnscheduledCare,
        p.Languages,
        [.. p.PracticeSites.OrderBy(s => s.SortOrder).Select(s => new DirectorySite(
            s.Name,
            p.Shows(p.AddressVisibility, viewerIsMember) ? s.AddressLine : null,
            s.Postcode,
            s.City,
            p.Shows(p.PhoneVisibility, viewerIsMember) ? s.Phone : null))],
        [.. p.Organisations.Select(o => o.Name).Order()]);
}

public sealed record DirectorySite(string? Name, string? AddressLine, string Postcode, string City, string? Phone);

public sealed class DirectoryQuery
{
    public string? Q { get; set; }
    public Profession? Profession { get; set; }
    public string? Commune { get; set; }
    public bool Nouveaux { get; set; }
    public int Page { get; set; } = 1;

    /// <summary>The same search on another commune, from its first page: the directory map's links.</summary>
    public DirectoryQuery InCommune(string? commune) => new() { Q = Q, Profession = Profession, Commune = commune, Nouveaux = Nouveaux };

    public string Url(string baseUrl) => ToQueryString() is { Length: > 0 } query ? $"{baseUrl}?{query}" : baseUrl;

    public string ToQueryString()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            parts.Add("q=" + Uri.EscapeDataString(Q));
        }
        if (Profession is { } profession)
        {
            parts.Add("profession=" + profession);
        }
        if (!string.IsNullOrWhiteSpace(Commune))
        {
            parts.Add("commune=" + Uri.EscapeDataString(Commune));
        }
        if (Nouveaux)
        {
            parts.Add("nouveaux=true");
        }
        return string.Join("&", parts);
    }
}

public sealed record DirectoryPage(
    string Title, string BaseUrl, bool ForMembers, DirectoryQuery Query, IReadOnlyList<DirectoryCard> Cards, int Total, int Page, int PageCount,
    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Communes, Aposart.Web.Infrastructure.Maps.MapDrawing Map);
