namespace Aposart.Web.Features.Trainings;

/// <summary>The addresses of the trainings' public pages, written here once for views, controllers and mails.</summary>
public static class TrainingLinks
{
    public const string Calendar = "/formations";

    public static string Details(Guid id) => $"/formations/{id}";

    public static string Register(Guid id) => $"/formations/{id}/inscription";
}
