using Microsoft.AspNetCore.Mvc;

namespace Aposart.Web.Features.Errors;

[IgnoreAntiforgeryToken]
public sealed class ErrorsController : Controller
{
    // No method constraint: a failed POST is re-executed here as a POST.
    [Route("/erreur/{code:int}")]
    public IActionResult Index(int code)
    {
        var status = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = status;
        return View(new ErrorPageModel(status));
    }
}

public sealed record ErrorPageModel(int StatusCode)
{
    public string Title => StatusCode switch
    {
        400 => "Requête invalide",
        403 => "Accès refusé",
        404 => "Page introuvable",
        405 => "Action non permise",
        409 => "Modifié entre-temps",
        429 => "Trop de tentatives",
        503 => "Service momentanément indisponible",
        >= 500 => "Erreur du serveur",
        _ => "Erreur",
    };

    public string Explanation => StatusCode switch
    {
        400 => "Le formulaire envoyé n'a pas pu être accepté, par exemple parce que la page était ouverte depuis trop longtemps. Rechargez la page et recommencez.",
        403 => "Vous n'avez pas les droits nécessaires pour afficher cette page.",
        404 => "La page demandée n'existe pas ou a été déplacée. Vérifiez l'adresse ou repartez de l'accueil.",
        405 => "Cette action n'est pas possible à cette adresse.",
        409 => "Quelqu'un d'autre a modifié ou supprimé cet élément pendant que vous le consultiez. Rechargez la page pour voir son état actuel.",
        429 => "Vous avez fait trop de tentatives en peu de temps. Patientez une minute avant de réessayer.",
        503 => "Le service reprendra dans quelques instants.",
        >= 500 => "Une erreur inattendue s'est produite. Elle a été enregistrée et l'équipe en est informée. Réessayez dans un moment.",
        _ => "Une erreur s'est produite.",
    };
}
