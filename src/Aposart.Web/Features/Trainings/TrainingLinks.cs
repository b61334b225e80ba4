namespace Aposart.Web.Features.Trainings;

/// <summary>The addresses of the trainings' public pages, written here once for views, controllers and mails.</summary>
public static class TrainingLinks
{
    public const string Mine = "/espace/formations";
    public const string Suggest = "/espace/formations/sujets";
    public const string Feed = "/formations.ics";
    public const string List = "/gestion/formations";
    public const string Export = "/gestion/formations.csv";
    public const string Create = "/gestion/formations/nouvelle";

    public const string Calendar = "/formations";

    public static string Details(Guid id) => $"/formations/{id}";

    public static string Register(Guid id) => $"/formations/{id}/inscription";
}
