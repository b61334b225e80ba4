namespace Aposart.Web.Domain;

/// <summary>The portal's roles; the names are shown to French users, so they stay French.</summary>
public static class Roles
{
    public const string Professional = "Professionnel";
    public const string Member = "Adherent";
    public const string Board = "Bureau";
    public const string Coordinator = "Coordinateur";
    public const string Admin = "Admin";

    public const string BoardOrCoordinator = Board + "," + Coordinator + "," + Admin;
    public const string Members = Member + "," + Board + "," + Coordinator + "," + Admin;

    public static readonly IReadOnlyList<string> All = [Professional, Member, Board, Coordinator, Admin];
}
