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

    public const string DetailsRoute = "/gestion/comptes/{id:guid}";

    public static string Details(Guid id) => $"/gestion/comptes/{id}";

    public const string RolesRoute = "/gestion/comptes/{id:guid}/roles";

    public static string Roles(Guid id) => $"/gestion/comptes/{id}/roles";

    public const string LockRoute = "/gestion/comptes/{id:guid}/suspendre";

    public static string Lock(Guid id) => $"/gestion/comptes/{id}/suspendre";

    public const string UnlockRoute = "/gestion/comptes/{id:guid}/reactiver";

    public static string Unlock(Guid id) => $"/gestion/comptes/{id}/reactiver";

    public const string ForceResetRoute = "/gestion/comptes/{id:guid}/mot-de-passe";

    public static string ForceReset(Guid id) => $"/gestion/comptes/{id}/mot-de-passe";

    public const string ResendRoute = "/gestion/comptes/invitations/{id:guid}/renvoyer";

    public static string Resend(Guid invitationId) => $"/gestion/comptes/invitations/{invitationId}/renvoyer";

    public const string WithdrawRoute = "/gestion/comptes/invitations/{id:guid}/retirer";

    public static string Withdraw(Guid invitationId) => $"/gestion/comptes/invitations/{invitationId}/retirer";

    public const string AcceptRoute = "/compte/invitation/{token}";

    public static string Accept(string token) => $"/compte/invitation/{token}";
}
