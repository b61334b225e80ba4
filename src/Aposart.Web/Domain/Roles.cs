namespace Aposart.Web.Domain;

/// <summary>The portal's roles; the names are shown to French users, so they stay French.</summary>
public static class Roles
{
    public const string Professional = "Professionnel";
    public const string Member = "Adherent";
    public const string Board = "Bureau";
    public const string Coordinator = "Coordinateur";
    public const string Admin = "Admin";
    /// <summary>Gives same-day (SNP) slots to patients: the coordinator, a CPTS secretary, the SAS regulation.</summary>
    public const string Regulator = "Regulateur";
    public const string Regulators = Regulator + "," + Coordinator + "," + Admin;

    public const string BoardOrCoordinator = Board + "," + Coordinator + "," + Admin;
    public const string Members = Member + "," + Board + "," + Coordinator + "," + Admin;

    public static readonly IReadOnlyList<string> All = [Professional, Member, Board, Coordinator, Admin, Regulator];

    /// <summary>Bureau, coordination or administration: the people who run the back office.</summary>
    public static bool IsStaff(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Board) || user.IsInRole(Coordinator) || user.IsInRole(Admin);

    /// <summary>Whoever reads the members' pages: adherents and staff.</summary>
    public static bool IsMember(this System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Member) || user.IsStaff();
}
