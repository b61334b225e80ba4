namespace Aposart.Web.Features.Snp;

/// <summary>The addresses of this feature's pages, written here once for controllers, views and mails.</summary>
public static class SnpLinks
{
    public const string Mine = "/espace/snp";
    public const string Publish = "/espace/snp/creneau";
    public const string PublishPattern = "/espace/snp/semaine";
    public const string Manage = "/gestion/snp";

    /// <summary>The free slots, filtered on a commune and a day when given.</summary>
    public static string Free(string? commune, DateOnly? day) => FreeQuery(commune, day) is { Length: > 0 } query ? $"{Manage}?{query}" : Manage;

    /// <summary>The free slots' filters as a query string (empty without any), for their pager too.</summary>
    public static string FreeQuery(string? commune, DateOnly? day) =>
        string.Join("&", new[] { commune is null ? null : "commune=" + Uri.EscapeDataString(commune), day is null ? null : $"jour={day:yyyy-MM-dd}" }.Where(q => q is not null));
    public const string Export = "/gestion/snp.csv";
    public const string AllowedDoctors = "/gestion/snp/medecins";
    public const string Participants = "/gestion/snp/participants";
    public const string AddRegulator = "/gestion/snp/regulateurs";

    public const string OutcomeRoute = "/espace/snp/{id:guid}/honore";

    public static string Outcome(Guid id) => $"/espace/snp/{id}/honore";

    public const string WithdrawRoute = "/espace/snp/{id:guid}/retirer";

    public static string Withdraw(Guid id) => $"/espace/snp/{id}/retirer";

    public const string RemoveRegulatorRoute = "/gestion/snp/regulateurs/{userId:guid}/retirer";

    public static string RemoveRegulator(Guid userId) => $"/gestion/snp/regulateurs/{userId}/retirer";

    /// <summary>Where the SAS platform sends a regulator for one slot (it adds its own <c>origin</c> parameter): the list, at that slot.</summary>
    public const string BookingRoute = "/gestion/snp/creneaux/{id:guid}";

    public static string Booking(Guid id) => $"/gestion/snp/creneaux/{id}";

    public const string GiveRoute = "/gestion/snp/{id:guid}/attribuer";

    public static string Give(Guid id) => $"/gestion/snp/{id}/attribuer";
}
