using System.ComponentModel.DataAnnotations;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Meetings;

public sealed class MeetingTaskInput : IValidatableObject
{
    [Display(Name = "Décision ou action")]
    [Required(ErrorMessage = "Écrivez la décision ou l'action.")]
    [StringLength(500, ErrorMessage = "500 caractères au plus.")]
    public string? What { get; set; }

    [Display(Name = "Qui (parmi les convoqués)")]
    public Guid? AssigneeInviteeId { get; set; }

    [Display(Name = "Ou une autre personne (nom)")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? AssigneeName { get; set; }

    [Display(Name = "Pour le")]
    public DateOnly? DueOn { get; set; }

    [Display(Name = "Fiche action concernée")]
    public Guid? ActionSheetId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AssigneeInviteeId is not null && !string.IsNullOrWhiteSpace(AssigneeName))
        {
            yield return new ValidationResult("Choisissez une personne convoquée ou écrivez un nom, pas les deux.", [nameof(AssigneeName)]);
        }
    }
}

/// <summary>A task in a sentence, for the minutes and the lists: what, who, by when, for which fiche.</summary>
public static class MeetingTaskText
{
    public static string Describe(MeetingTask task, string? fiche) =>
        task.What
        + (task.AssigneeName is { } who ? $" — {who}" : "")
        + (task.DueOn is { } due ? $", pour le {due:dd/MM/yyyy}" : "")
        + (fiche is not null ? $" ({fiche})" : "")
        + (task.DoneAt is { } done ? $" — faite le {done.ToParisString("dd/MM/yyyy")}" : "");
}

/// <summary>Decisions and tasks recorded during a meeting, and their completion by the person who carries them or by the bureau.</summary>
public sealed class MeetingTasks(AposartDbContext db, TimeProvider clock)
{
    /// <returns>The field and the French reason when refused, else null.</returns>
    public async Task<(string Field, string Error)?> AddAsync(Guid meetingId, MeetingTaskInput input, CancellationToken cancellationToken)
    {
        MeetingInvitee? assignee = null;
        if (input.AssigneeInviteeId is { } inviteeId
            && (assignee = await db.MeetingInvitees.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inviteeId && i.MeetingId == meetingId, cancellationToken)) is null)
        {
            return (nameof(MeetingTaskInput.AssigneeInviteeId), "Cette personne n'est pas convoquée à la réunion.");
        }
        if (input.ActionSheetId is { } fiche && !await db.ActionSheets.AnyAsync(a => a.Id == fiche, cancellationToken))
        {
            return (nameof(MeetingTaskInput.ActionSheetId), "Choisissez une fiche action de la liste.");
        }
        db.MeetingTasks.Add(new MeetingTask
        {
            Id = Guid.CreateVersion7(), MeetingId = meetingId, What = input.What!.Trim(), AssigneeId = assignee?.UserId,
            AssigneeName = assignee?.Name ?? input.AssigneeName.TrimmedOrNull(), DueOn = input.DueOn, ActionSheetId = input.ActionSheetId, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Marks a task done, once; <paramref name="assigneeId"/> limits it to the person's own tasks.</summary>
    public async Task<bool> DoneAsync(Guid taskId, Guid? meetingId, Guid? assigneeId, string byName, CancellationToken cancellationToken) =>
        await db.MeetingTasks.Where(t => t.Id == taskId && t.DoneAt == null && (meetingId == null || t.MeetingId == meetingId) && (assigneeId == null || t.AssigneeId == assigneeId))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.DoneAt, clock.GetUtcNow()).SetProperty(t => t.DoneByName, byName), cancellationToken) == 1;

    /// <summary>How a task names its fiche: « fiche 3 « Accès aux soins » ».</summary>
    public Task<Dictionary<Guid, string>> FicheTitlesAsync(IEnumerable<MeetingTask> tasks, CancellationToken cancellationToken)
    {
        var ids = tasks.Select(t => t.ActionSheetId).OfType<Guid>().Distinct().ToList();
        return db.ActionSheets.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => $"fiche {a.Number} « {a.Title} »", cancellationToken);
    }
}
