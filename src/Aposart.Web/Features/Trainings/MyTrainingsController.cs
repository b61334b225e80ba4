using System.ComponentModel.DataAnnotations;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Trainings;

/// <summary>A professional's trainings: registrations, attendance certificates, and the topics members suggest and vote for.</summary>
[Authorize]
public sealed class MyTrainingsController(AposartDbContext db, TrainingDocuments documents, TimeProvider clock) : Controller
{
    [HttpGet(TrainingLinks.Mine)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var professional = await CurrentProfessionalAsync(cancellationToken);
        var registrations = professional is null ? [] : await db.TrainingRegistrations.AsNoTracking()
            .Include(r => r.Training).ThenInclude(t => t!.Sessions).ThenInclude(s => s.Attendance.Where(a => a.ProfessionalId == professional.Id))
            .Where(r => r.ProfessionalId == professional.Id && r.Status != RegistrationStatus.Cancelled)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var topics = await db.TopicSuggestions.AsNoTracking().Include(t => t.Votes).Include(t => t.ProposedBy)
            .OrderByDescending(t => t.Votes.Count).ThenByDescending(t => t.CreatedAt).Take(50).ToListAsync(cancellationToken);
        return View("Mine", new MyTrainingsPage(professional, [.. registrations.OrderByDescending(r => r.Training!.StartsAt)], topics, clock.GetUtcNow(),
            TempData["TopicTitle"] as string, TempData["TopicDetails"] as string));
    }

    [HttpGet(TrainingLinks.CertificateRoute)]
    public async Task<IActionResult> Certificate(Guid id, CancellationToken cancellationToken)
    {
        var professional = await CurrentProfessionalAsync(cancellationToken);
        return professional is not null && await documents.CertificateAsync(id, professional.Id, cancellationToken) is { } pdf
            ? File(pdf, "application/pdf", "attestation-de-presence.pdf")
            : NotFound();
    }

    [HttpPost(TrainingLinks.Suggest)]
    public async Task<IActionResult> Suggest(string? title, [DataType(DataType.MultilineText)] string? details, CancellationToken cancellationToken)
    {
        var professional = await CurrentProfessionalAsync(cancellationToken);
        if (professional is null)
        {
            TempData["Error"] = "Pour proposer un sujet, complétez d'abord votre profil professionnel.";
            return Redirect(Features.Profile.ProfileLinks.Edit);
        }
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200 || details?.Length > 2000)
        {
            TempData["Error"] = "Le sujet a besoin d'un intitulé de 200 caractères au plus (et d'un détail de 2 000 caractères au plus).";
            TempData["TopicTitle"] = title?[..Math.Min(title.Length, 200)];
            TempData["TopicDetails"] = details?[..Math.Min(details.Length, 2000)];
            return Redirect("/espace/formations#sujets");
        }
        var topic = new TopicSuggestion { Title = title.Trim(), Details = details.TrimmedOrNull(), ProposedById = professional.Id, CreatedAt = clock.GetUtcNow() };
        // Whoever proposes a topic wants it: their vote comes with it.
        topic.Votes.Add(new TopicVote { ProfessionalId = professional.Id, At = topic.CreatedAt });
        db.TopicSuggestions.Add(topic);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Sujet proposé : les autres professionnels peuvent maintenant voter pour lui.";
        return Redirect("/espace/formations#sujets");
    }

    /// <summary>One vote per person and topic: voting again takes the vote back.</summary>
    [HttpPost(TrainingLinks.VoteRoute)]
    public async Task<IActionResult> Vote(Guid id, CancellationToken cancellationToken)
    {
        var professional = await CurrentProfessionalAsync(cancellationToken);
        if (professional is null || !await db.TopicSuggestions.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return NotFound();
        }
        var removed = await db.TopicVotes.Where(v => v.TopicSuggestionId == id && v.ProfessionalId == professional.Id).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            db.TopicVotes.Add(new TopicVote { TopicSuggestionId = id, ProfessionalId = professional.Id, At = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // The same vote sent twice at once: it counts once.
            }
        }
        TempData["Message"] = removed == 0 ? "Vote enregistré." : "Vote retiré.";
        return Redirect("/espace/formations#sujets");
    }

    private Task<Professional?> CurrentProfessionalAsync(CancellationToken cancellationToken) => db.Professionals.AsNoTracking().OfUserAsync(User, cancellationToken);
}

public sealed record MyTrainingsPage(Professional? Professional, IReadOnlyList<TrainingRegistration> Registrations, IReadOnlyList<TopicSuggestion> Topics,
    DateTimeOffset Now, string? TopicTitle, string? TopicDetails)
{
    public bool Attended(TrainingRegistration r) => r.Training!.Sessions.Any(s => s.Attendance.Any(a => a.Present));
}
