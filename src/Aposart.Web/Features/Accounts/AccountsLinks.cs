namespace Aposart.Web.Features.Accounts;

/// <summary>The addresses of the accounts' administration and of the invitation link, written here once.</summary>
public static class AccountsLinks
{
    public const string List = "/gestion/comptes";
    public const string Csv = "/gestion/comptes.csv";
    public const string Invite = "/gestion/comptes/inviter";
    public const string Bureau = "/gestion/comptes/bureau";
    public const string BureauCsv = "/gestion/comptes/bureau.csv";
    public const string MyBureauConsent = "/espace/bureau/consentement";

    public const string CloseMandateRoute = "/gestion/comptes/mandats/{id:guid}/terminer";

    public static string CloseMandate(Guid mandateId) => $"/gestion/comptes/mandats/{mandateId}/terminer";

    public static string Details(Guid id) => $"/gestion/comptes/{id}";

    public static string Roles(Guid id) => $"/gestion/comptes/{id}/roles";

    public static string Lock(Guid id) => $"/gestion/comptes/{id}/suspendre";

    public static string Unlock(Guid id) => $"/gestion/comptes/{id}/reactiver";

    public static string ForceReset(Guid id) => $"/gestion/comptes/{id}/mot-de-passe";

    public static string Resend(Guid invitationId) => $"/gestion/comptes/invitations/{invitationId}/renvoyer";

    public static string Withdraw(Guid invitationId) => $"/gestion/comptes/invitations/{invitationId}/retirer";

    public static string Accept(string token) => $"/compte/invitation/{token}";
}
