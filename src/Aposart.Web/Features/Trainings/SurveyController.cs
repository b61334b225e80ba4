using System.ComponentModel.DataAnnotations;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Trainings;

/// <summary>
/// The satisfaction questionnaire, reached by the personal link mailed to each attendee: the link is the key, it works once,
/// and the answer is stored without any tie to the person.
/// </summary>
public sealed class SurveyController(AposartDbContext db, TimeProvider clock) : Controller
{
    [HttpGet(TrainingLinks.AnswerRoute)]
    public async Task<IActionResult> Answer(string token, CancellationToken cancellationToken)
    {
        var registration = await FindAsync(token, cancellationToken);
        if (registration is null)
        {
            return View("SurveyClosed", "Ce lien de questionnaire n'est pas valable.");
        }
        return registration.SurveyAnsweredAt is null
            ? View("Survey", new SurveyPage(registration.Training!.Title, token, new SurveyInput()))
            : View("SurveyClosed", "Vous avez déjà répondu à ce questionnaire : merci !");
    }

    [HttpPost(TrainingLinks.AnswerRoute)]
    public async Task<IActionResult> Answer(string token, [Bind(Prefix = nameof(SurveyPage.Input))] SurveyInput input, CancellationToken cancellationToken)
    {
        var registration = await FindAsync(token, cancellationToken);
        if (registration is null)
        {
            return View("SurveyClosed", "Ce lien de questionnaire n'est pas valable.");
        }
        if (!ModelState.IsValid)
        {
            return View("Survey", new SurveyPage(registration.Training!.Title, token, input));
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claiming the link and storing the answer commit together: a double submit stores one answer.
        var claimed = await db.TrainingRegistrations.Where(r => r.Id == registration.Id && r.SurveyAnsweredAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.SurveyAnsweredAt, now), cancellationToken);
        if (claimed == 0)
        {
            return View("SurveyClosed", "Vous avez déjà répondu à ce questionnaire : merci !");
        }
        db.SurveyAnswers.Add(new SurveyAnswer
        {
            TrainingId = registration.TrainingId, Content = input.Content!.Value, Trainer = input.Trainer!.Value, Organisation = input.Organisation!.Value,
            Usefulness = input.Usefulness!.Value, Comment = input.Comment.TrimmedOrNull(),
            // Rounded to the day, so that the time of an answer does not tell who gave it.
            AnsweredAt = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View("SurveyClosed", "Merci ! Votre avis est enregistré, sans votre nom.");
    }

    private Task<TrainingRegistration?> FindAsync(string token, CancellationToken cancellationToken) =>
        token.Length is < 20 or > 64
            ? Task.FromResult<TrainingRegistration?>(null)
            : db.TrainingRegistrations.AsNoTracking().Include(r => r.Training).SingleOrDefaultAsync(r => r.SurveyToken == token, cancellationToken);
}

public sealed class SurveyInput
{
    [Display(Name = "Le contenu de la formation")]
    [Required(ErrorMessage = "Choisissez une note de 1 à 5.")]
    [Range(1, 5, ErrorMessage = "Choisissez une note de 1 à 5.")]
    public int? Content { get; set; }

    [Display(Name = "L'intervenant")]
    [Required(ErrorMessage = "Choisissez une note de 1 à 5.")]
    [Range(1, 5, ErrorMessage = "Choisissez une note de 1 à 5.")]
    public int? Trainer { get; set; }

    [Display(Name = "L'organisation (lieu, horaires, accueil)")]
    [Required(ErrorMessage = "Choisissez une note de 1 à 5.")]
    [Range(1, 5, ErrorMessage = "Choisissez une note de 1 à 5.")]
    public int? Organisation { get; set; }

    [Display(Name = "L'utilité pour votre pratique")]
    [Required(ErrorMessage = "Choisissez une note de 1 à 5.")]
    [Range(1, 5, ErrorMessage = "Choisissez une note de 1 à 5.")]
    public int? Usefulness { get; set; }

    [Display(Name = "Un commentaire, une idée (facultatif)")]
    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Comment { get; set; }
}

public sealed record SurveyPage(string TrainingTitle, string Token, SurveyInput Input);
