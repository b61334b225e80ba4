using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Trainings;

public sealed record TrainingFormModel(TrainingInput Input, string Action, bool IsNew, IReadOnlyList<SelectListItem> Professionals,
    IReadOnlyList<SelectListItem> Fiches);

/// <summary>The training as a form, and the form copied onto the training.</summary>
public static class TrainingForm
{
    public static async Task<TrainingFormModel> ModelAsync(AposartDbContext db, TrainingInput input, string action, bool isNew, CancellationToken cancellationToken)
    {
        var chosen = input.Trainers.Where(t => t.ProfessionalId is not null).Select(t => t.ProfessionalId!.Value).ToList();
        // Trainers are preferably professionals of the territory: adherents first, plus whoever is already chosen.
        var professionals = await db.Professionals.AsNoTracking()
            .Where(p => p.AnonymisedAt == null && (p.Memberships.Any(m => MembershipText.ActiveStatuses.Contains(m.Status)) || chosen.Contains(p.Id)))
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new SelectListItem(p.LastName.ToUpper() + " " + p.FirstName, p.Id.ToString())).ToListAsync(cancellationToken);
        var fiches = await db.ActionSheets.AsNoTracking().OrderBy(a => a.Number)
            .Select(a => new SelectListItem("n° " + a.Number + " – " + a.Title, a.Id.ToString())).ToListAsync(cancellationToken);
        return new TrainingFormModel(input.WithBlankRows(), action, isNew, professionals, fiches);
    }

    public static async Task ApplyAsync(AposartDbContext db, TrainingInput input, Training training, CancellationToken cancellationToken)
    {
        training.Title = input.Title!.Trim();
        training.Theme = input.Theme.TrimmedOrNull();
        training.Description = input.Description.TrimmedOrNull();
        training.TargetProfessions = [.. input.TargetProfessions.Distinct().Where(Enum.IsDefined)];
        training.ActionSheetId = input.ActionSheetId is { } fiche && await db.ActionSheets.AnyAsync(a => a.Id == fiche, cancellationToken) ? fiche : null;
        training.Capacity = input.Capacity!.Value;
        training.RegistrationOpensAt = input.RegistrationOpensAt is { } opens ? ParisTime.FromParis(opens) : null;
        training.RegistrationClosesAt = input.RegistrationClosesAt is { } closes ? ParisTime.FromParis(closes) : null;
        training.Audience = input.Audience;
        training.Status = input.Status;
        training.Meal = input.Meal;

        // Sessions keep their identity (attendance hangs on them) when their date and time stay; others are replaced.
        var wanted = input.Sessions.Where(s => !s.IsEmpty).Select(s => new
        {
            StartsAt = ParisTime.FromParis(s.Date!.Value, s.Start!.Value), EndsAt = ParisTime.FromParis(s.Date.Value, s.End!.Value), s.Room, s.Address, s.RemoteUrl,
        }).ToList();
        foreach (var session in training.Sessions.Where(s => !wanted.Any(w => w.StartsAt == s.StartsAt)).ToList())
        {
            training.Sessions.Remove(session);
            db.TrainingSessions.Remove(session);
        }
        foreach (var w in wanted)
        {
            var session = training.Sessions.FirstOrDefault(s => s.StartsAt == w.StartsAt);
            if (session is null)
            {
                session = new TrainingSession { StartsAt = w.StartsAt };
                training.Sessions.Add(session);
            }
            session.EndsAt = w.EndsAt;
            session.Room = w.Room.TrimmedOrNull();
            session.Address = w.Address.TrimmedOrNull();
            session.RemoteUrl = w.RemoteUrl.TrimmedOrNull();
        }

        var professionalIds = input.Trainers.Where(t => t.ProfessionalId is not null).Select(t => t.ProfessionalId!.Value).ToList();
        var names = await db.Professionals.Where(p => professionalIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        db.TrainingTrainers.RemoveRange(training.Trainers);
        training.Trainers = [.. input.Trainers.Where(t => !t.IsEmpty && (t.ProfessionalId is { } id ? names.ContainsKey(id) : !string.IsNullOrWhiteSpace(t.Name)))
            .Select((t, index) => new TrainingTrainer
            {
                ProfessionalId = t.ProfessionalId, Name = t.ProfessionalId is { } id ? names[id] : t.Name!.Trim(), Role = t.Role.TrimmedOrNull(), SortOrder = index,
            })];
    }
}
