namespace Aposart.Web.Features.WorkingGroups;

/// <summary>The addresses of working groups, written once: each route template beside the link that fills it.</summary>
public static class WorkingGroupsLinks
{
    public const string Admin = "/gestion/groupes";
    public const string Export = "/gestion/groupes.csv";
    public const string New = "/gestion/groupes/nouveau";

    public const string EditTemplate = Admin + "/{id:guid}";
    public static string Edit(Guid id) => $"{Admin}/{id}";

    public const string AddMemberTemplate = EditTemplate + "/membres";
    public static string AddMember(Guid id) => $"{Edit(id)}/membres";

    public const string LeadTemplate = EditTemplate + "/membres/{memberId:guid}/animation";
    public static string Lead(Guid id, Guid memberId) => $"{Edit(id)}/membres/{memberId}/animation";

    public const string Mine = "/espace/groupes";

    public const string GroupTemplate = Mine + "/{id:guid}";
    public static string Group(Guid id) => $"{Mine}/{id}";

    public const string JoinTemplate = GroupTemplate + "/rejoindre";
    public static string Join(Guid id) => $"{Group(id)}/rejoindre";

    public const string LeaveTemplate = GroupTemplate + "/quitter";
    public static string Leave(Guid id) => $"{Group(id)}/quitter";

    public const string DecideTemplate = GroupTemplate + "/demandes/{memberId:guid}";
    public static string Decide(Guid id, Guid memberId) => $"{Group(id)}/demandes/{memberId}";
}
