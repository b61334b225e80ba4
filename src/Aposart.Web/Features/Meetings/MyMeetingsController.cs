using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Settings;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Aposart.Web.Features.Meetings;

public sealed record MyMeetingRow(Guid Id, string Title, MeetingKind Kind, DateTimeOffset StartsAt, MeetingStatus Status, MeetingAnswer Answer);

public sealed record MyTaskRow(MeetingTask Task, string MeetingTitle, string? Fiche);

public sealed record MyMeetingsPage(IReadOnlyList<MyMeetingRow> Meetings, IReadOnlyList<MyTaskRow> Tasks);

public sealed record MyMeetingPage(Meeting Meeting, MeetingInvitee Me, IReadOnlyList<MeetingInvitee> Holders, AnswerInput Reply, StatutesRules Rules,
    IReadOnlyDictionary<Guid, List<VoterRight>> Rights, string DoorCodeImage, string? ProxyHolderName, IReadOnlyList<string> ProxiesHeld, bool CanAnswer,
    IReadOnlyList<MeetingPaper> Papers);

/// <summary>My convocations: the answer (coming, not coming, proxy), my door code, and my votes while a vote is open.</summary>
[Authorize]
public sealed class MyMeetingsController(AposartDbContext db, UserManager<AppUser> users, PortalSettings settings, MeetingAnswers answers,
    MeetingVotes votes, MeetingConvocation convocation, MeetingTasks tasks, Infrastructure.Mail.PortalMailer mailer, TimeProvider clock) : Controller
{
    [HttpGet(MeetingLinks.Mine)]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken)
    {
        var me = Me();
        var rows = await db.MeetingInvitees.AsNoTracking().Where(i => i.UserId == me && i.Meeting!.Status != MeetingStatus.Draft)
            .OrderByDescending(i => i.Meeting!.StartsAt)
            .Select(i => new MyMeetingRow(i.MeetingId, i.Meeting!.Title, i.Meeting.Kind, i.Meeting.StartsAt, i.Meeting.Status, i.Answer))
            .Take(100).ToListAsync(cancellationToken);
        // Open tasks first, then the last done.
        var mine = await db.MeetingTasks.AsNoTracking().Include(t => t.Meeting).Where(t => t.AssigneeId == me)
            .OrderBy(t => t.DoneAt != null).ThenBy(t => t.DueOn).ThenByDescending(t => t.DoneAt).Take(50).ToListAsync(cancellationToken);
        var fiches = await tasks.FicheTitlesAsync(mine, cancellationToken);
        return View(new MyMeetingsPage(rows, [.. mine.Select(t => new MyTaskRow(t, t.Meeting!.Title, t.ActionSheetId is { } f ? fiches.GetValueOrDefault(f) : null))]));
    }

    [HttpPost(MeetingLinks.MyTaskDoneTemplate)]
    public async Task<IActionResult> TaskDone(Guid taskId, CancellationToken cancellationToken)
    {
        var me = await users.GetUserAsync(User);
        var done = me is not null && await tasks.DoneAsync(taskId, null, me.Id, me.NameOrEmail, cancellationToken);
        TempData[done ? "Message" : "Error"] = done ? "Action marquée comme faite." : "Cette action n'est pas à vous, ou elle est déjà faite.";
        return Redirect(MeetingLinks.MyTasks);
    }

    [HttpGet(MeetingLinks.AnswerTemplate)]
    public async Task<IActionResult> Answer(Guid id, CancellationToken cancellationToken) =>
        await PageAsync(id, null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost(MeetingLinks.AnswerTemplate)]
    public async Task<IActionResult> Answer(Guid id, [Bind(Prefix = nameof(MyMeetingPage.Reply))] AnswerInput input, CancellationToken cancellationToken)
    {
        if (input.Answer is { } value && !Enum.IsDefined(value) || input.Answer == MeetingAnswer.None)
        {
            ModelState.AddModelError($"{nameof(MyMeetingPage.Reply)}.{nameof(AnswerInput.Answer)}", "Choisissez une réponse de la liste.");
        }
        if (ModelState.IsValid)
        {
            var error = await answers.AnswerAsync(id, Me(), input.Answer!.Value, input.ProxyHolderId, cancellationToken);
            if (error is null)
            {
                TempData["Message"] = "Votre réponse est enregistrée.";
                return Redirect(MeetingLinks.Answer(id));
            }
            ModelState.AddModelError($"{nameof(MyMeetingPage.Reply)}.{(input.Answer == MeetingAnswer.Proxy ? nameof(AnswerInput.ProxyHolderId) : nameof(AnswerInput.Answer))}", error);
        }
        return await PageAsync(id, input, cancellationToken) is { } page ? View(page) : NotFound();
    }

    [HttpPost(MeetingLinks.VoteTemplate)]
    public async Task<IActionResult> Vote(Guid id, Guid resolutionId, Guid forInviteeId, BallotChoice? choice, Guid[] candidates, CancellationToken cancellationToken)
    {
        // A value that does not read (a choice or a candidate) must not turn into a blank vote.
        var error = ModelState.IsValid
            ? await votes.CastAsync(resolutionId, Me(), forInviteeId, choice, candidates, cancellationToken)
            : "Votre choix n'a pas pu être lu : votez à nouveau.";
        TempData[error is null ? "Message" : "Error"] = error ?? "Votre vote est enregistré. Le résultat sera affiché à la clôture du vote.";
        return Redirect(MeetingLinks.Answer(id) + "#votes");
    }

    [HttpGet(MeetingLinks.CalendarTemplate)]
    public async Task<IActionResult> Calendar(Guid id, CancellationToken cancellationToken)
    {
        var me = Me();
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.Invitees.Any(i => i.UserId == me), cancellationToken);
        return meeting is null
            ? NotFound()
            : File(convocation.IcsFile(meeting), IcsCalendar.ContentType, "reunion.ics");
    }

    private Guid Me() => Guid.Parse(users.GetUserId(User)!);

    private async Task<MyMeetingPage?> PageAsync(Guid id, AnswerInput? input, CancellationToken cancellationToken)
    {
        var userId = Me();
        var me = await db.MeetingInvitees.AsNoTracking().Include(i => i.Meeting!).ThenInclude(m => m.Resolutions).ThenInclude(r => r.Candidates)
            .Include(i => i.Meeting!).ThenInclude(m => m.Resolutions).ThenInclude(r => r.CollegeVotes).AsSplitQuery()
            .SingleOrDefaultAsync(i => i.MeetingId == id && i.UserId == userId && i.Meeting!.Status != MeetingStatus.Draft, cancellationToken);
        if (me?.Meeting is not { } meeting)
        {
            return null;
        }
        meeting.Resolutions.Sort((a, b) => a.Number.CompareTo(b.Number));
        var others = await db.MeetingInvitees.AsNoTracking().Where(i => i.MeetingId == id).OrderBy(i => i.Name).ToListAsync(cancellationToken);
        var rights = new Dictionary<Guid, List<VoterRight>>();
        foreach (var resolution in meeting.Resolutions.Where(r => r.VoteStatus == VoteStatus.Open))
        {
            rights[resolution.Id] = await votes.RightsAsync(resolution.Id, me, cancellationToken);
        }
        using var generator = new QRCodeGenerator();
        // The portal's public address, not the request's host (which behind the reverse proxy may be an internal one).
        using var data = generator.CreateQrCode(mailer.Link(MeetingLinks.Scan(me.AttendanceCode)), QRCodeGenerator.ECCLevel.M);
        var image = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
        return new MyMeetingPage(meeting, me,
            [.. others.Where(o => o.Id != me.Id && o.Answer != MeetingAnswer.Proxy)],
            input ?? new AnswerInput { Answer = me.Answer == MeetingAnswer.None ? null : me.Answer, ProxyHolderId = me.ProxyHolderId },
            settings.Get(SettingsSections.Statutes) ?? new StatutesRules(), rights, image,
            others.FirstOrDefault(o => o.Id == me.ProxyHolderId)?.Name,
            [.. others.Where(o => o.ProxyHolderId == me.Id && o.Answer == MeetingAnswer.Proxy).Select(o => o.Name)],
            meeting.Status == MeetingStatus.Convened && meeting.StartsAt > clock.GetUtcNow(), await MeetingPaper.OfAsync(db, id, cancellationToken));
    }
}
