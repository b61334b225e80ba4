using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Settings;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Meetings;

public sealed record MeetingManagePage(Meeting Meeting, QuorumState Quorum, int DaysShort, int Audience, ResolutionInput NewResolution,
    IReadOnlyDictionary<Guid, int> ProxiesHeld, IReadOnlyDictionary<Guid, int> OnlineVotes, MeetingTaskInput NewTask, IReadOnlyDictionary<Guid, string> Fiches,
    IReadOnlyList<PublicRegistration> Registrations, IReadOnlyList<MeetingPaper> Papers);

public sealed record ScanPage(Meeting Meeting, MeetingInvitee Invitee);

/// <summary>A meeting from its preparation to its votes: resolutions, convocation, answers, presence at the door, quorum, results.</summary>
[Authorize(Policy = MeetingManagerHandler.Policy)]
public sealed class MeetingRunController(AposartDbContext db, UserManager<AppUser> users, PortalSettings settings, MeetingConvocation convocation,
    MeetingAnswers answers, MeetingVotes votes, MeetingDocuments documents, MeetingTasks tasks) : Controller
{
    [HttpGet(MeetingLinks.ManageTemplate)]
    public async Task<IActionResult> Manage(Guid id, CancellationToken cancellationToken) =>
        await PageAsync(id, NewResolution(), new MeetingTaskInput(), cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost(MeetingLinks.AddResolutionTemplate)]
    public async Task<IActionResult> AddResolution(Guid id, [Bind(Prefix = nameof(MeetingManagePage.NewResolution))] ResolutionInput input, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }
        if (meeting.Status is MeetingStatus.Held or MeetingStatus.Cancelled)
        {
            ModelState.AddModelError("", "La réunion est close : on n'y ajoute plus de résolution.");
        }
        if ((input.IsElection || input.SetsFees) && !meeting.Kind.IsAssembly())
        {
            ModelState.AddModelError("", "Seule une assemblée générale élit le bureau ou fixe les cotisations.");
        }
        if (!ModelState.IsValid)
        {
            return View(nameof(Manage), await PageAsync(id, input, new MeetingTaskInput(), cancellationToken));
        }
        var number = await db.Resolutions.Where(r => r.MeetingId == id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;
        db.Resolutions.Add(new Resolution
        {
            MeetingId = id, Number = number + 1, Title = input.Title!.Trim(), Text = input.Text.TrimmedOrNull(),
            Majority = input.Majority ?? MajorityRule.SimpleOfCast, Kind = input.ResolutionKind,
            IndividualFee = input.SetsFees ? input.IndividualFee : null, StructureFee = input.SetsFees ? input.StructureFee : null,
            Seats = input.IsElection ? input.Seats : null, RenewsBoard = input.IsElection && input.RenewsBoard,
            PerCollege = input.PerCollege && !input.IsElection && meeting.Kind.IsAssembly(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            ModelState.AddModelError("", "Une autre résolution vient d'être ajoutée en même temps : vos saisies sont conservées, enregistrez à nouveau.");
            db.ChangeTracker.Clear();
            return View(nameof(Manage), await PageAsync(id, input, new MeetingTaskInput(), cancellationToken));
        }
        TempData["Message"] = $"Résolution n° {number + 1} ajoutée.";
        return Redirect(MeetingLinks.Manage(id) + "#resolutions");
    }

    [HttpPost(MeetingLinks.AddTaskTemplate)]
    public async Task<IActionResult> AddTask(Guid id, [Bind(Prefix = nameof(MeetingManagePage.NewTask))] MeetingTaskInput input, CancellationToken cancellationToken)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return NotFound();
        }
        if (ModelState.IsValid && await tasks.AddAsync(id, input, cancellationToken) is { } refused)
        {
            ModelState.AddModelError($"{nameof(MeetingManagePage.NewTask)}.{refused.Field}", refused.Error);
        }
        if (!ModelState.IsValid)
        {
            return View(nameof(Manage), await PageAsync(id, NewResolution(), input, cancellationToken));
        }
        TempData["Message"] = "Décision enregistrée.";
        return Redirect(MeetingLinks.Manage(id) + "#actions");
    }

    [HttpPost(MeetingLinks.TaskDoneTemplate)]
    public async Task<IActionResult> TaskDone(Guid id, Guid taskId, CancellationToken cancellationToken)
    {
        var me = await users.GetUserAsync(User);
        var done = await tasks.DoneAsync(taskId, id, null, me?.NameOrEmail ?? "", cancellationToken);
        TempData[done ? "Message" : "Error"] = done ? "Action marquée comme faite." : "Cette action est déjà faite.";
        return Redirect(MeetingLinks.Manage(id) + "#actions");
    }

    [HttpPost(MeetingLinks.PresenceTemplate)]
    public async Task<IActionResult> Presence(Guid id, Guid inviteeId, bool present, CancellationToken cancellationToken)
    {
        var invitee = await answers.MarkPresentAsync(id, inviteeId, present, cancellationToken);
        if (invitee is null)
        {
            return NotFound();
        }
        TempData["Message"] = $"{invitee.Name} : {(present ? "présent·e" : "absent·e")}.";
        return Redirect(MeetingLinks.Manage(id) + "#presences");
    }

    [HttpGet(MeetingLinks.ScanTemplate)]
    public async Task<IActionResult> Scan(string code, CancellationToken cancellationToken) =>
        await db.MeetingInvitees.AsNoTracking().Include(i => i.Meeting).SingleOrDefaultAsync(i => i.AttendanceCode == code, cancellationToken) is { Meeting: { } meeting } invitee
            ? View(new ScanPage(meeting, invitee))
            : NotFound();

    [HttpGet(MeetingLinks.AttendanceCsvTemplate)]
    public async Task<IActionResult> AttendanceCsv(Guid id, CancellationToken cancellationToken)
    {
        var invitees = await db.MeetingInvitees.AsNoTracking().Where(i => i.MeetingId == id).OrderBy(i => i.Name).ToListAsync(cancellationToken);
        var names = invitees.ToDictionary(i => i.Id, i => i.Name);
        return CsvExport.File("presences.csv", ["Nom", "Collège", "Réponse", "Pouvoir donné à", "Présent"],
            invitees.Select(i => (IReadOnlyList<string?>)
                [i.Name, i.CollegeName, i.Answer.Label(), i.ProxyHolderId is { } h ? names.GetValueOrDefault(h) : null, i.Present ? "oui" : "non"]));
    }

    [HttpGet(MeetingLinks.ResultsCsvTemplate)]
    public async Task<IActionResult> ResultsCsv(Guid id, CancellationToken cancellationToken)
    {
        var resolutions = await db.Resolutions.AsNoTracking().Include(r => r.Candidates).Include(r => r.CollegeVotes).AsSplitQuery()
            .Where(r => r.MeetingId == id).OrderBy(r => r.Number).ToListAsync(cancellationToken);
        return CsvExport.File("resultats-des-votes.csv", ResolutionResult.CsvHeaders, resolutions.SelectMany(ResolutionResult.CsvRows));
    }

    [HttpGet(MeetingLinks.AttendanceSheetTemplate)]
    public async Task<IActionResult> AttendanceSheet(Guid id, CancellationToken cancellationToken) =>
        await documents.AttendanceSheetAsync(id, cancellationToken) is { } pdf ? File(pdf, "application/pdf", "feuille-emargement.pdf") : NotFound();

    [HttpPost(MeetingLinks.OpenVoteTemplate)]
    public async Task<IActionResult> OpenVote(Guid id, Guid resolutionId, CancellationToken cancellationToken)
    {
        var opened = await votes.OpenAsync(id, resolutionId, cancellationToken);
        TempData[opened ? "Message" : "Error"] = opened
            ? "Le vote est ouvert : les adhérents convoqués votent depuis leur espace."
            : "Ce vote ne peut pas être ouvert : il l'est déjà, il est clos, ou la réunion n'est pas convoquée.";
        return Redirect(MeetingLinks.Manage(id) + "#resolutions");
    }

    [HttpPost(MeetingLinks.CloseVoteTemplate)]
    public async Task<IActionResult> CloseVote(Guid id, Guid resolutionId, RoomCountInput input, CancellationToken cancellationToken)
    {
        if (input.CandidateVotes.Values.Any(v => v is < 0 or > 100_000))
        {
            ModelState.AddModelError(nameof(RoomCountInput.CandidateVotes), "Un nombre entre 0 et 100 000 pour chaque candidat.");
        }
        if (input.CollegeFor.Values.Concat(input.CollegeAgainst.Values).Concat(input.CollegeAbstain.Values).Any(v => v is < 0 or > 100_000))
        {
            ModelState.AddModelError(nameof(RoomCountInput.CollegeFor), "Un nombre entre 0 et 100 000 pour chaque collège.");
        }
        if (!ModelState.IsValid)
        {
            TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct());
            return Redirect(MeetingLinks.Manage(id) + "#resolutions");
        }
        var error = await votes.CloseAsync(id, resolutionId, input, cancellationToken);
        TempData[error is null ? "Message" : "Error"] = error ?? "Le vote est clos et son résultat enregistré.";
        return Redirect(MeetingLinks.Manage(id) + "#resolutions");
    }

    /// <summary>A bureau member, not the coordination, confirms the fees the assembly voted.</summary>
    [HttpPost(MeetingLinks.ApplyFeesTemplate), Authorize(Roles = Roles.Board)]
    public async Task<IActionResult> ApplyFees(Guid id, Guid resolutionId, CancellationToken cancellationToken)
    {
        var me = await users.GetUserAsync(User);
        var error = await votes.ApplyFeesAsync(id, resolutionId, me?.NameOrEmail ?? "", cancellationToken);
        TempData[error is null ? "Message" : "Error"] = error ?? "Les cotisations de l'année suivante sont mises à jour selon la résolution adoptée.";
        return Redirect(MeetingLinks.Manage(id) + "#resolutions");
    }

    /// <summary>A blank resolution, decided per collège when the statutes say so.</summary>
    private ResolutionInput NewResolution() => new() { PerCollege = (settings.Get(SettingsSections.Statutes) ?? new StatutesRules()).MajorityPerCollege };

    private async Task<MeetingManagePage?> PageAsync(Guid id, ResolutionInput input, MeetingTaskInput taskInput, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Resolutions).ThenInclude(r => r.Candidates)
            .Include(m => m.Resolutions).ThenInclude(r => r.CollegeVotes).Include(m => m.Invitees).Include(m => m.Tasks).AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return null;
        }
        meeting.Resolutions.Sort((a, b) => a.Number.CompareTo(b.Number));
        foreach (var resolution in meeting.Resolutions)
        {
            resolution.Candidates = [.. ResolutionResult.Ranked(resolution.Candidates)];
        }
        meeting.Invitees.Sort((a, b) => string.Compare(a.Name, b.Name, ParisTime.French, System.Globalization.CompareOptions.IgnoreCase));
        var quorum = QuorumState.Of(meeting.Invitees, settings.Get(SettingsSections.Statutes) ?? new StatutesRules());
        var audience = meeting.Status == MeetingStatus.Draft ? (await convocation.AudienceAsync(meeting, cancellationToken)).Count : meeting.Invitees.Count;
        var proxies = meeting.Invitees.Where(i => i.Answer == MeetingAnswer.Proxy && i.ProxyHolderId is not null)
            .GroupBy(i => i.ProxyHolderId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var resolutionIds = meeting.Resolutions.Select(r => r.Id).ToList();
        var online = await db.BallotCasts.AsNoTracking().Where(c => resolutionIds.Contains(c.ResolutionId)).GroupBy(c => c.ResolutionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var fiches = await db.ActionSheets.AsNoTracking().OrderBy(a => a.Number)
            .ToDictionaryAsync(a => a.Id, a => $"Fiche {a.Number} – {a.Title}", cancellationToken);
        meeting.Tasks.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        var registrations = meeting.Kind == MeetingKind.Public
            ? await db.PublicRegistrations.AsNoTracking().Where(r => r.MeetingId == id).OrderBy(r => r.Status).ThenBy(r => r.CreatedAt).Take(500).ToListAsync(cancellationToken)
            : [];
        return new MeetingManagePage(meeting, quorum, convocation.DaysShort(meeting), audience, input, proxies, online, taskInput, fiches, registrations,
            await MeetingPaper.OfAsync(db, id, cancellationToken));
    }
}
