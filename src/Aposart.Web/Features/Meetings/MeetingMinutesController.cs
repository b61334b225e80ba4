using System.ComponentModel.DataAnnotations;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Meetings;

public sealed class MinutesInput
{
    [Display(Name = "Compte rendu (Markdown)")]
    [Required(ErrorMessage = "Écrivez le compte rendu.")]
    [StringLength(100_000, ErrorMessage = "100 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Text { get; set; }

    public uint Version { get; set; }
}

public sealed record MinutesPage(Meeting Meeting, MinutesInput Input, bool CanBeWritten, bool Saved, string? ApproverRefusal);

/// <summary>Writing, approving and publishing a meeting's minutes; the public PDF of an assembly's approved minutes.</summary>
[Authorize(Policy = MeetingManagerHandler.Policy)]
public sealed class MeetingMinutesController(AposartDbContext db, UserManager<AppUser> users, MeetingMinutes minutes, TimeProvider clock) : Controller
{
    [HttpGet(MeetingLinks.MinutesTemplate)]
    public async Task<IActionResult> Minutes(Guid id, CancellationToken cancellationToken)
    {
        var meeting = await LoadAsync(id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }
        var text = meeting.Minutes ?? (MeetingMinutes.CanBeWritten(meeting, clock.GetUtcNow()) ? await minutes.DraftAsync(meeting, cancellationToken) : "");
        return View(await PageAsync(meeting, new MinutesInput { Text = text, Version = meeting.Version }, cancellationToken));
    }

    [HttpPost(MeetingLinks.MinutesTemplate)]
    public async Task<IActionResult> Minutes(Guid id, [Bind(Prefix = nameof(MinutesPage.Input))] MinutesInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await minutes.SaveAsync(id, input.Text!, input.Version, cancellationToken) is { } error)
        {
            ModelState.AddModelError($"{nameof(MinutesPage.Input)}.{nameof(MinutesInput.Text)}", error);
        }
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) is { } meeting ? View(await PageAsync(meeting, input, cancellationToken)) : NotFound();
        }
        TempData["Message"] = "Le compte rendu est enregistré.";
        return Redirect(MeetingLinks.Minutes(id));
    }

    [HttpPost(MeetingLinks.ApproveMinutesTemplate)]
    public async Task<IActionResult> Approve(Guid id, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Challenge();
        }
        var error = await minutes.ApproveAsync(id, me, User.IsInRole(Roles.Board), cancellationToken);
        TempData[error is null ? "Message" : "Error"] = error ?? "Le compte rendu est approuvé et publié dans les documents des adhérents.";
        return Redirect(MeetingLinks.Minutes(id));
    }

    /// <summary>Showing minutes to the public is the bureau's choice.</summary>
    [HttpPost(MeetingLinks.PublishMinutesTemplate), Authorize(Roles = Roles.Board)]
    public async Task<IActionResult> Publish(Guid id, bool shown, CancellationToken cancellationToken)
    {
        var error = await minutes.SetPublicAsync(id, shown, cancellationToken);
        TempData[error is null ? "Message" : "Error"] = error
            ?? (shown ? "Le compte rendu est publié sur la page publique « La CPTS »." : "Le compte rendu est retiré de la page publique.");
        return Redirect(MeetingLinks.Minutes(id));
    }

    [HttpGet(MeetingLinks.MinutesPdfTemplate)]
    public async Task<IActionResult> Pdf(Guid id, CancellationToken cancellationToken) =>
        await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.Minutes != null, cancellationToken) is { } meeting
            ? File(minutes.Pdf(meeting), "application/pdf", MeetingMinutes.FileName(meeting))
            : NotFound();

    [HttpGet(MeetingLinks.PublicMinutesTemplate), AllowAnonymous]
    public async Task<IActionResult> PublicPdf(Guid id, CancellationToken cancellationToken) =>
        await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.MinutesPublicAt != null && m.MinutesApprovedAt != null, cancellationToken) is { } meeting
            ? File(minutes.Pdf(meeting), "application/pdf", MeetingMinutes.FileName(meeting))
            : NotFound();

    private Task<Meeting?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        db.Meetings.AsNoTracking().Include(m => m.Invitees).Include(m => m.Resolutions).ThenInclude(r => r.Candidates)
            .Include(m => m.Resolutions).ThenInclude(r => r.CollegeVotes).Include(m => m.Tasks)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    private async Task<MinutesPage> PageAsync(Meeting meeting, MinutesInput input, CancellationToken cancellationToken) =>
        new(meeting, input, MeetingMinutes.CanBeWritten(meeting, clock.GetUtcNow()), meeting.Minutes is not null,
            await minutes.ApproverRefusalAsync(meeting, Guid.Parse(users.GetUserId(User)!), User.IsInRole(Roles.Board), cancellationToken));
}
