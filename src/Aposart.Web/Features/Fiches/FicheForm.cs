using System.Globalization;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Fiches;

public sealed record FicheFormModel(FicheInput Input, string Action, IReadOnlyList<SelectListItem> Pilots, IReadOnlyList<SelectListItem> Organisations,
    bool CanChangePilots, IReadOnlyList<FieldConflict> Conflicts);

/// <summary>A field the other person saved differently from what this form sends.</summary>
public sealed record FieldConflict(string Field, string? Saved, string? Yours);

/// <summary>The fiche as a form, and its snapshot as labelled values: the same snapshot feeds the history and the conflict message.</summary>
public static class FicheForm
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static FicheInput FromEntity(ActionSheet a) => WithBlankRows(new FicheInput
    {
        Number = a.Number, Title = a.Title, Mission = a.Mission, Theme = a.Theme, Context = a.Context, GeneralObjective = a.GeneralObjective,
        OperationalObjectives = a.OperationalObjectives, TargetPopulation = a.TargetPopulation, Actors = a.Actors, Partners = a.Partners,
        Milestones = a.Milestones, Resources = a.Resources, RegionalPlanLink = a.RegionalPlanLink, LocalContractLink = a.LocalContractLink,
        AciLink = a.AciLink, Status = a.Status, Progress = a.Progress, Published = a.Published, PublicSummary = a.PublicSummary,
        PilotIds = [.. a.Pilots.Select(p => p.Id)], PartnerIds = [.. a.PartnerOrganisations.Select(o => o.Id)], Version = a.Version,
        Steps = [.. a.Steps.OrderBy(s => s.SortOrder).Select(s => new StepInput { Title = s.Title, DueOn = s.DueOn, Owner = s.Owner, Status = s.Status })],
        BudgetLines = [.. a.BudgetLines.OrderBy(b => b.SortOrder).Select(b => new BudgetLineInput { Label = b.Label, Amount = b.Amount })],
    });

    public static FicheInput WithBlankRows(FicheInput input)
    {
        input.Steps = [.. input.Steps.Where(s => !s.IsEmpty), .. Enumerable.Range(0, FicheInput.BlankSteps).Select(_ => new StepInput())];
        input.BudgetLines = [.. input.BudgetLines.Where(b => !b.IsEmpty), .. Enumerable.Range(0, FicheInput.BlankBudgetLines).Select(_ => new BudgetLineInput())];
        return input;
    }

    public static async Task<FicheFormModel> ModelAsync(AposartDbContext db, FicheInput input, string action, bool canChangePilots,
        IReadOnlyList<FieldConflict> conflicts, CancellationToken cancellationToken)
    {
        // Pilots are members of the CPTS: the professionals holding a membership that is or was valid.
        var pilots = await db.Professionals.AsNoTracking()
            .Where(p => p.AnonymisedAt == null && (p.Memberships.Any(m => MembershipText.ActiveStatuses.Contains(m.Status)) || input.PilotIds.Contains(p.Id)))
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new SelectListItem(p.LastName.ToUpper() + " " + p.FirstName, p.Id.ToString())).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(cancellationToken);
        return new FicheFormModel(WithBlankRows(input), action, pilots, organisations, canChangePilots, conflicts);
    }

    /// <summary>The fiche's content as the people reading the history name it.</summary>
    public static Dictionary<string, string?> Snapshot(FicheInput i, IReadOnlyDictionary<Guid, string> names) => new()
    {
        ["Numéro"] = i.Number?.ToString(CultureInfo.InvariantCulture),
        ["Titre"] = i.Title?.Trim(),
        ["Mission ACI"] = i.Mission?.Title(),
        ["Thème"] = i.Theme.TrimmedOrNull(),
        ["Contexte et constat"] = i.Context.TrimmedOrNull(),
        ["Objectif général"] = i.GeneralObjective.TrimmedOrNull(),
        ["Objectifs opérationnels"] = i.OperationalObjectives.TrimmedOrNull(),
        ["Population cible"] = i.TargetPopulation.TrimmedOrNull(),
        ["Acteurs concernés"] = i.Actors.TrimmedOrNull(),
        ["Partenaires"] = i.Partners.TrimmedOrNull(),
        ["Structures partenaires"] = Join(i.PartnerIds.Distinct().Select(id => names.GetValueOrDefault(id, "?")).Order()),
        ["Jalons"] = i.Milestones.TrimmedOrNull(),
        ["Moyens"] = i.Resources.TrimmedOrNull(),
        ["Budget"] = Join(i.BudgetLines.Where(b => !b.IsEmpty).Select(b => $"{b.Label?.Trim()} : {b.Amount.ToEuros()}")),
        ["Lien PRS"] = i.RegionalPlanLink.TrimmedOrNull(),
        ["Lien CLS"] = i.LocalContractLink.TrimmedOrNull(),
        ["Lien ACI"] = i.AciLink.TrimmedOrNull(),
        ["Statut"] = i.Status.Label(),
        ["Avancement"] = $"{i.Progress} %",
        ["Publiée"] = i.Published ? "oui" : "non",
        ["Résumé public"] = i.PublicSummary.TrimmedOrNull(),
        ["Pilotes"] = Join(i.PilotIds.Distinct().Select(id => names.GetValueOrDefault(id, "?")).Order()),
        ["Étapes"] = Join(i.Steps.Where(s => !s.IsEmpty).Select(s =>
            $"{s.Title?.Trim()}{(s.DueOn is { } d ? " (" + d.ToString("dd/MM/yyyy", French) + ")" : "")}{(string.IsNullOrWhiteSpace(s.Owner) ? "" : " – " + s.Owner.Trim())} : {s.Status.Label()}")),
    };

    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(AposartDbContext db, FicheInput input, ActionSheet? saved, CancellationToken cancellationToken)
    {
        var ids = input.PilotIds.Concat(input.PartnerIds).Concat(saved?.Pilots.Select(p => p.Id) ?? []).Concat(saved?.PartnerOrganisations.Select(o => o.Id) ?? []).Distinct().ToList();
        var people = await db.Professionals.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName }).ToListAsync(cancellationToken);
        var structures = await db.Organisations.Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return people.Select(p => (p.Id, p.Name)).Concat(structures.Select(o => (o.Id, o.Name))).ToDictionary(x => x.Id, x => x.Name);
    }

    public static IEnumerable<FieldConflict> Differences(Dictionary<string, string?> saved, Dictionary<string, string?> yours) =>
        saved.Where(kv => kv.Value != yours.GetValueOrDefault(kv.Key)).Select(kv => new FieldConflict(kv.Key, kv.Value, yours.GetValueOrDefault(kv.Key)));

    /// <summary>Copies the form onto the fiche and records every changed field in its history.</summary>
    public static async Task ApplyAsync(AposartDbContext db, FicheInput input, ActionSheet fiche, bool isNew, AppUser by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var names = await NamesAsync(db, input, fiche, cancellationToken);
        var before = isNew ? null : Snapshot(FromEntity(fiche), names);
        fiche.Number = input.Number!.Value;
        fiche.Title = input.Title!.Trim();
        fiche.Mission = input.Mission!.Value;
        fiche.Theme = input.Theme.TrimmedOrNull();
        fiche.Context = input.Context.TrimmedOrNull();
        fiche.GeneralObjective = input.GeneralObjective.TrimmedOrNull();
        fiche.OperationalObjectives = input.OperationalObjectives.TrimmedOrNull();
        fiche.TargetPopulation = input.TargetPopulation.TrimmedOrNull();
        fiche.Actors = input.Actors.TrimmedOrNull();
        fiche.Partners = input.Partners.TrimmedOrNull();
        fiche.Milestones = input.Milestones.TrimmedOrNull();
        fiche.Resources = input.Resources.TrimmedOrNull();
        fiche.RegionalPlanLink = input.RegionalPlanLink.TrimmedOrNull();
        fiche.LocalContractLink = input.LocalContractLink.TrimmedOrNull();
        fiche.AciLink = input.AciLink.TrimmedOrNull();
        fiche.Status = input.Status;
        fiche.Progress = input.Progress;
        fiche.Published = input.Published;
        fiche.PublicSummary = input.PublicSummary.TrimmedOrNull();

        var pilotIds = input.PilotIds.Distinct().ToList();
        fiche.Pilots.RemoveAll(p => !pilotIds.Contains(p.Id));
        var newPilots = pilotIds.Except(fiche.Pilots.Select(p => p.Id)).ToList();
        fiche.Pilots.AddRange(await db.Professionals.Where(p => newPilots.Contains(p.Id)).ToListAsync(cancellationToken));
        var partnerIds = input.PartnerIds.Distinct().ToList();
        fiche.PartnerOrganisations.RemoveAll(o => !partnerIds.Contains(o.Id));
        var newPartners = partnerIds.Except(fiche.PartnerOrganisations.Select(o => o.Id)).ToList();
        fiche.PartnerOrganisations.AddRange(await db.Organisations.Where(o => newPartners.Contains(o.Id)).ToListAsync(cancellationToken));

        db.ActionSteps.RemoveRange(fiche.Steps);
        fiche.Steps = [.. input.Steps.Where(s => !s.IsEmpty).Select((s, index) => new ActionStep
        {
            Title = s.Title!.Trim(), DueOn = s.DueOn, Owner = s.Owner.TrimmedOrNull(), Status = s.Status, SortOrder = index,
        })];
        db.BudgetLines.RemoveRange(fiche.BudgetLines);
        fiche.BudgetLines = [.. input.BudgetLines.Where(b => !b.IsEmpty).Select((b, index) => new BudgetLine
        {
            Label = b.Label!.Trim(), Amount = b.Amount!.Value, SortOrder = index,
        })];

        var after = Snapshot(input, names);
        var byName = by.NameOrEmail;
        if (before is null)
        {
            fiche.Changes.Add(new ActionChange { At = now, ByUserId = by.Id, ByName = byName, Field = "Fiche", NewValue = "créée" });
            return;
        }
        foreach (var (field, saved, yours) in Differences(before, after))
        {
            fiche.Changes.Add(new ActionChange { At = now, ByUserId = by.Id, ByName = byName, Field = field, OldValue = saved, NewValue = yours });
        }
        // Steps, budget lines and pilots live in other tables: touching the fiche's own row makes every save, even of
        // those alone, go through the row-version check, so that two people changing only steps still see each other.
        db.Entry(fiche).State = EntityState.Modified;
    }


    private static string? Join(IEnumerable<string> items)
    {
        var text = string.Join(" ; ", items);
        return text.Length == 0 ? null : text;
    }
}
