namespace Aposart.Web.Features.Letters;

/// <summary>The addresses of the letters' pages, written here once for controllers, views and mails.</summary>
public static class LetterLinks
{
    public const string Preferences = "/espace/preferences";
    public const string Preview = "/gestion/lettres/apercu";
    public const string Create = "/gestion/lettres/nouvelle";

    public const string List = "/gestion/lettres";

    public const string CampaignRoute = "/gestion/lettres/{id:guid}";

    public static string Campaign(Guid id) => $"/gestion/lettres/{id}";

    public const string Archive = "/lettres";

    public const string UnsubscribeRoute = "/desabonnement/{token}";

    public static string Unsubscribe(string token) => $"/desabonnement/{token}";

    public const string AnnounceTrainingRoute = "/gestion/lettres/annonce-formation/{trainingId:guid}";

    public static string AnnounceTraining(Guid trainingId) => $"/gestion/lettres/annonce-formation/{trainingId}";

    public const string CancelRoute = "/gestion/lettres/{id:guid}/annuler";

    public static string Cancel(Guid id) => $"/gestion/lettres/{id}/annuler";

    public const string ApproveRoute = "/gestion/lettres/{id:guid}/approuver";

    public static string Approve(Guid id) => $"/gestion/lettres/{id}/approuver";

    public const string TestRoute = "/gestion/lettres/{id:guid}/essai";

    public static string Test(Guid id) => $"/gestion/lettres/{id}/essai";

    public const string EditRoute = "/gestion/lettres/{id:guid}/modifier";

    public static string Edit(Guid id) => $"/gestion/lettres/{id}/modifier";

    public const string AttachRoute = "/gestion/lettres/{id:guid}/pieces-jointes";

    public static string Attach(Guid id) => $"/gestion/lettres/{id}/pieces-jointes";

    public const string DetachRoute = "/gestion/lettres/{id:guid}/pieces-jointes/{attachmentId:guid}/supprimer";

    public static string Detach(Guid id, Guid attachmentId) => $"/gestion/lettres/{id}/pieces-jointes/{attachmentId}/supprimer";

    public const string ScheduleRoute = "/gestion/lettres/{id:guid}/planifier";

    public static string Schedule(Guid id) => $"/gestion/lettres/{id}/planifier";

    public const string ProgressRoute = "/gestion/lettres/{id:guid}/progression";

    public static string Progress(Guid id) => $"/gestion/lettres/{id}/progression";

    public const string SubmitRoute = "/gestion/lettres/{id:guid}/soumettre";

    public static string Submit(Guid id) => $"/gestion/lettres/{id}/soumettre";

    public const string LetterRoute = "/lettres/{id:guid}";

    public static string Letter(Guid id) => $"/lettres/{id}";
}
