using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Settings;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Meetings;

public sealed record MeetingRow(Guid Id, string Title, MeetingKind Kind, DateTimeOffset StartsAt, MeetingStatus Status, int Convened, int Answered);

public sealed record MeetingAdminList(IReadOnlyList<MeetingRow> Rows, int Total, PagerModel Pager);

/// <summary>The meeting form; <c>FixedGroup</c> is the group's name when the meeting is a given group's (its kind and group are then not chosen on the form).</summary>
public sealed record MeetingFormPage(MeetingInput Input, string Action, bool IsNew, IReadOnlyDictionary<Guid, string> Groups, string? FixedGroup);

/// <summary>The bureau's and the coordination's list of meetings, their creation and editing, and the statutes' rules for assemblies.</summary>
[Authorize(Policy = MeetingManagerHandler.Policy)]
public sealed class MeetingsAdminController(AposartDbContext db, UserManager<AppUser> users, PortalSettings settings, MeetingConvocation convocation) : Controller
{
    private const int PageSize = 25;

    [HttpGet(MeetingLinks.Admin)]
    public async Task<IActionResult> List(int page = 1, CancellationToken cancellationToken = default)
    {
        var paged = await Rows().PageAsync(page, PageSize, cancellationToken);
        return View(new MeetingAdminList(paged.Rows, paged.Total, paged.Pager(MeetingLinks.Admin)));
    }

    [HttpGet(MeetingLinks.Export)]
    public async Task<IActionResult> Export(CancellationToken cancellationToken) =>
        CsvExport.File("reunions.csv", ["Date", "Réunion", "Type", "Statut", "Convoqués", "Réponses"],
            (await Rows().ToListAsync(cancellationToken)).Select(r => (IReadOnlyList<string?>)
                [r.StartsAt.ToParisString("dd/MM/yyyy HH:mm"), r.Title, r.Kind.Label(), r.Status.Label(), r.Convened.ToString(ParisTime.French), r.Answered.ToString(ParisTime.French)]));

    [HttpGet(MeetingLinks.New)]
    public async Task<IActionResult> New(CancellationToken cancellationToken) => View("Edit", await FormAsync(new MeetingInput(), MeetingLinks.New, true, cancellationToken));

    [HttpPost(MeetingLinks.New)]
    public Task<IActionResult> New([Bind(Prefix = nameof(MeetingFormPage.Input))] MeetingInput input, CancellationToken cancellationToken) =>
        CreateAsync(input, MeetingLinks.New, cancellationToken);

    [HttpGet(MeetingLinks.NewForGroupTemplate)]
    public async Task<IActionResult> NewForGroup(Guid groupId, CancellationToken cancellationToken) =>
        await db.WorkingGroups.AnyAsync(g => g.Id == groupId, cancellationToken)
            ? View("Edit", await FormAsync(new MeetingInput { Kind = MeetingKind.WorkingGroup, WorkingGroupId = groupId }, MeetingLinks.NewForGroup(groupId), true, cancellationToken))
            : NotFound();

    /// <summary>A group's meeting: the kind and the group come from the address, whatever the form says.</summary>
    [HttpPost(MeetingLinks.NewForGroupTemplate)]
    public async Task<IActionResult> NewForGroup(Guid groupId, [Bind(Prefix = nameof(MeetingFormPage.Input))] MeetingInput input, CancellationToken cancellationToken)
    {
        if (!await db.WorkingGroups.AnyAsync(g => g.Id == groupId, cancellationToken))
        {
            return NotFound();
        }
        input.Kind = MeetingKind.WorkingGroup;
        input.WorkingGroupId = groupId;
        ModelState.Remove($"{nameof(MeetingFormPage.Input)}.{nameof(MeetingInput.Kind)}");
        ModelState.Remove($"{nameof(MeetingFormPage.Input)}.{nameof(MeetingInput.WorkingGroupId)}");
        return await CreateAsync(input, MeetingLinks.NewForGroup(groupId), cancellationToken);
    }

    private async Task<IActionResult> CreateAsync(MeetingInput input, string action, CancellationToken cancellationToken)
    {
        await CheckGroupAsync(input, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Edit", await FormAsync(input, action, true, cancellationToken));
        }
        var meeting = new Meeting();
        input.ApplyTo(meeting);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "La réunion est créée. Ajoutez les résolutions, puis convoquez.";
        return Redirect(MeetingLinks.Manage(meeting.Id));
    }

    [HttpGet(MeetingLinks.EditTemplate)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } meeting
            ? View(await FormAsync(MeetingInput.From(meeting), MeetingLinks.Edit(id), false, cancellationToken))
            : NotFound();

    [HttpPost(MeetingLinks.EditTemplate)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = nameof(MeetingFormPage.Input))] MeetingInput input, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }
        if (meeting.Status != MeetingStatus.Draft)
        {
            ModelState.AddModelError("", "Une réunion convoquée ne se modifie plus : les convocations sont parties avec cette date et cet ordre du jour.");
        }
        else if (!User.IsStaff() && (input.Kind != MeetingKind.WorkingGroup || input.WorkingGroupId != meeting.WorkingGroupId))
        {
            // A lead runs their group's meetings; turning one into another kind of meeting is the bureau's.
            ModelState.AddModelError("", "Une réunion du groupe reste une réunion du groupe.");
        }
        else if (meeting.Version != input.Version)
        {
            ModelState.AddModelError("", "La réunion a été modifiée entre-temps : vos saisies sont conservées, vérifiez-les et enregistrez à nouveau.");
            input.Version = meeting.Version;
        }
        await CheckGroupAsync(input, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View(await FormAsync(input, MeetingLinks.Edit(id), false, cancellationToken));
        }
        input.ApplyTo(meeting);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "La réunion est enregistrée.";
        return Redirect(MeetingLinks.Manage(id));
    }

    [HttpPost(MeetingLinks.ConveneTemplate)]
    public async Task<IActionResult> Convene(Guid id, bool confirmShortNotice, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }
        if (convocation.DaysShort(meeting) is > 0 and var shortBy && !confirmShortNotice)
        {
            TempData["Error"] = $"Il manque {shortBy} jour(s) au délai de convocation des statuts : cochez la case pour convoquer quand même.";
            return Redirect(MeetingLinks.Manage(id));
        }
        var me = await users.GetUserAsync(User);
        var error = await convocation.ConveneAsync(id, me?.NameOrEmail ?? "", cancellationToken);
        TempData[error is null ? "Message" : "Error"] = error ?? (meeting.Kind == MeetingKind.Public
            ? "La réunion est publiée sur l'agenda : chacun peut s'y inscrire."
            : "Les convocations sont parties : chacun peut répondre sur le portail.");
        return Redirect(MeetingLinks.Manage(id));
    }

    [HttpGet(MeetingLinks.Rules)]
    public IActionResult Rules()
    {
        var rules = settings.Get(SettingsSections.Statutes) ?? new StatutesRules();
        return View(new StatutesRulesInput
        {
            AssemblyNoticeDays = rules.AssemblyNoticeDays, MaxProxies = rules.MaxProxies, QuorumPercent = rules.QuorumPercent, QuorumPerCollege = rules.QuorumPerCollege,
            MajorityPerCollege = rules.MajorityPerCollege, BoardTermYears = rules.BoardTermYears,
        });
    }

    [HttpPost(MeetingLinks.Rules)]
    public async Task<IActionResult> Rules(StatutesRulesInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }
        var me = await users.GetUserAsync(User);
        await settings.SaveAsync(db, SettingsSections.Statutes, new StatutesRules
        {
            AssemblyNoticeDays = input.AssemblyNoticeDays, MaxProxies = input.MaxProxies, QuorumPercent = input.QuorumPercent, QuorumPerCollege = input.QuorumPerCollege,
            MajorityPerCollege = input.MajorityPerCollege, BoardTermYears = input.BoardTermYears,
        }, me?.Id, me?.NameOrEmail ?? "", cancellationToken);
        TempData["Message"] = "Les règles des statuts sont enregistrées.";
        return Redirect(MeetingLinks.Rules);
    }

    private async Task CheckGroupAsync(MeetingInput input, CancellationToken cancellationToken)
    {
        if (input is { Kind: MeetingKind.WorkingGroup, WorkingGroupId: { } group } && !await db.WorkingGroups.AnyAsync(g => g.Id == group, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(MeetingFormPage.Input)}.{nameof(MeetingInput.WorkingGroupId)}", "Choisissez un groupe de la liste.");
        }
    }

    private async Task<MeetingFormPage> FormAsync(MeetingInput input, string action, bool isNew, CancellationToken cancellationToken)
    {
        var groups = await db.WorkingGroups.AsNoTracking().OrderBy(g => g.Name).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        // Someone who is not staff only ever edits a meeting of a group they lead: its kind and group stay.
        var fixedGroup = input.WorkingGroupId is { } id && (!User.IsStaff() || action == MeetingLinks.NewForGroup(id)) ? groups.GetValueOrDefault(id) : null;
        return new MeetingFormPage(input, action, isNew, groups, fixedGroup);
    }

    private IQueryable<MeetingRow> Rows() => db.Meetings.AsNoTracking().OrderByDescending(m => m.StartsAt)
        .Select(m => new MeetingRow(m.Id, m.Title, m.Kind, m.StartsAt, m.Status, m.Invitees.Count, m.Invitees.Count(i => i.Answer != MeetingAnswer.None)));
}
