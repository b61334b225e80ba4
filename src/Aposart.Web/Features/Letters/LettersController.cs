using System.ComponentModel.DataAnnotations;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Letters;

public sealed class LetterOptions
{
    public const string Section = "Letters";

    /// <summary>Distinct bureau members who must approve a quarterly letter before it can leave.</summary>
    public int RequiredApprovals { get; set; } = 2;

    /// <summary>Each PDF sent with a campaign: every recipient gets a copy, so it stays small.</summary>
    public int MaxAttachmentBytes { get; set; } = 2 * 1024 * 1024;
    public int MaxAttachments { get; set; } = 3;
}

/// <summary>The quarterly letter and flashmails: write, target, submit, approve, schedule or send, follow the sending.</summary>
[Authorize(Roles = Roles.BoardOrCoordinator)]
public sealed class LettersController(AposartDbContext db, UserManager<AppUser> users, CampaignAudience audience, CampaignMail renderer, IMailSender sender,
    IOptions<LetterOptions> options, IOptions<CptsOptions> cpts, TimeProvider clock) : Controller
{
    private const int PageSize = 25;

    [HttpGet(LetterLinks.List)]
    public async Task<IActionResult> List(int page = 1, CancellationToken cancellationToken = default)
    {
        var paged = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id).PageAsync(page, PageSize, cancellationToken);
        var ids = paged.Rows.Select(c => c.Id).ToList();
        var progress = await ProgressAsync(ids, cancellationToken);
        return View(new LetterList(paged.Rows, progress, paged.Total, paged.Pager(LetterLinks.List, "")));
    }

    [HttpGet(LetterLinks.Create)]
    public async Task<IActionResult> Create(CampaignKind kind = CampaignKind.QuarterlyLetter, CancellationToken cancellationToken = default) =>
        View("Edit", await FormAsync(new LetterInput { Kind = kind, Audience = kind == CampaignKind.QuarterlyLetter ? AudienceKind.DirectoryProfessionals : AudienceKind.Professions },
            LetterLinks.Create, null, cancellationToken));

    [HttpPost(LetterLinks.Create)]
    public async Task<IActionResult> Create([Bind(Prefix = nameof(LetterForm.Input))] LetterInput input, CancellationToken cancellationToken)
    {
        Validate(input);
        if (!ModelState.IsValid)
        {
            return View("Edit", await FormAsync(input, LetterLinks.Create, null, cancellationToken));
        }
        var user = (await users.GetUserAsync(User))!;
        var campaign = new Campaign { AuthorId = user.Id, AuthorName = user.NameOrEmail, Status = CampaignStatus.Draft };
        input.ApplyTo(campaign);
        campaign.Events.Add(Event(user, null, CampaignStatus.Draft, "créée"));
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"{campaign.Kind.Label()} enregistrée en brouillon.";
        return Redirect(LetterLinks.Campaign(campaign.Id));
    }

    /// <summary>
    /// Drafts the announcement of a training as a campaign to the people it is meant for; the coordinator reviews it, then
    /// sends it like a flashmail. Only those who kept « annonces de formation » in their preferences receive it.
    /// </summary>
    [HttpPost(LetterLinks.AnnounceTrainingRoute)]
    public async Task<IActionResult> AnnounceTraining(Guid trainingId, CancellationToken cancellationToken)
    {
        var training = await db.Trainings.AsNoTracking().Include(t => t.Sessions).SingleOrDefaultAsync(t => t.Id == trainingId, cancellationToken);
        if (training is null)
        {
            return NotFound();
        }
        var user = (await users.GetUserAsync(User))!;
        var sessions = training.Sessions.OrderBy(s => s.StartsAt)
            .Select(s => $"- {s.StartsAt.ToParisString("dddd d MMMM yyyy 'de' HH'h'mm")} à {s.EndsAt.ToParisString("HH'h'mm")} – {s.Place}");
        var link = cpts.Value.PublicUrl.TrimEnd('/') + Features.Trainings.TrainingLinks.Details(training.Id);
        var subject = $"Formation : {training.Title}";
        var campaign = new Campaign
        {
            Kind = CampaignKind.TrainingAnnouncement, Status = CampaignStatus.Draft, AuthorId = user.Id, AuthorName = user.NameOrEmail,
            Subject = subject.Length > 200 ? subject[..200] : subject,
            Body = $"""
                La CPTS organise la formation **{training.Title}**{(training.Theme is null ? "" : $" ({training.Theme})")}.

                {string.Join("\n", sessions)}

                {training.Capacity} places, {training.Audience.Label().ToLowerInvariant()}. {training.Meal.Label()}.

                Programme et inscription : {link}
                """,
            // A members-only training is announced to the members; otherwise to its professions, or to the whole directory.
            Audience = training.Audience == TrainingAudience.Members ? AudienceKind.UpToDateMembers
                : training.TargetProfessions.Count > 0 ? AudienceKind.Professions : AudienceKind.DirectoryProfessionals,
            AudienceProfessions = training.Audience == TrainingAudience.Members ? [] : [.. training.TargetProfessions],
        };
        campaign.Events.Add(Event(user, null, CampaignStatus.Draft, $"annonce de la formation « {training.Title} » préparée"));
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Annonce préparée en brouillon : relisez-la, vérifiez le nombre de destinataires, puis envoyez-la.";
        return Redirect(LetterLinks.Campaign(campaign.Id));
    }

    [HttpGet(LetterLinks.EditRoute)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null || !IsEditable(campaign))
        {
            return campaign is null ? NotFound() : Redirect(LetterLinks.Campaign(id));
        }
        return View(await FormAsync(LetterInput.From(campaign), LetterLinks.Edit(id), campaign, cancellationToken));
    }

    [HttpPost(LetterLinks.EditRoute)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = nameof(LetterForm.Input))] LetterInput input, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.Include(c => c.Approvals).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null || !IsEditable(campaign))
        {
            return campaign is null ? NotFound() : Redirect(LetterLinks.Campaign(id));
        }
        Validate(input);
        if (ModelState.IsValid && campaign.Version != input.Version)
        {
            ModelState.AddModelError("", "Ce message a été modifié ou approuvé par quelqu'un d'autre pendant que vous le modifiiez. Vos saisies sont conservées : "
                + "ouvrez-le dans un autre onglet pour voir la version enregistrée, puis enregistrez à nouveau.");
            input.Version = campaign.Version;
        }
        if (!ModelState.IsValid)
        {
            return View(await FormAsync(input, LetterLinks.Edit(id), campaign, cancellationToken));
        }
        var user = (await users.GetUserAsync(User))!;
        input.ApplyTo(campaign);
        var hadApprovals = campaign.Approvals.Count > 0 || campaign.Status != CampaignStatus.Draft;
        BackToDraft(campaign, user, hadApprovals ? "modifiée : retour en brouillon, approbations effacées" : "modifiée");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Message enregistré.";
        return Redirect(LetterLinks.Campaign(id));
    }

    [HttpGet(LetterLinks.CampaignRoute)]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Approvals).Include(c => c.Events).Include(c => c.Attachments)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }
        var count = campaign.Status is CampaignStatus.Sending or CampaignStatus.Sent
            ? await db.OutboxMessages.CountAsync(m => m.CampaignId == id, cancellationToken)
            : await audience.CountAsync(campaign, cancellationToken);
        var progress = (await ProgressAsync([id], cancellationToken)).GetValueOrDefault(id) ?? new CampaignProgress(0, 0, 0, null);
        var userId = Guid.Parse(users.GetUserId(User)!);
        return View(new LetterPage(campaign, count, await AudienceDescriptionAsync(campaign, cancellationToken), progress, options.Value.RequiredApprovals,
            CanApprove(campaign, userId), User.IsInRole(Roles.Board), clock.GetUtcNow()));
    }

    [HttpGet(LetterLinks.ProgressRoute)]
    public async Task<IActionResult> Progress(Guid id, CancellationToken cancellationToken)
    {
        var status = await db.Campaigns.Where(c => c.Id == id).Select(c => (CampaignStatus?)c.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            return NotFound();
        }
        var p = (await ProgressAsync([id], cancellationToken)).GetValueOrDefault(id) ?? new CampaignProgress(0, 0, 0, null);
        return Json(new { status = status.Value.Label(), sent = p.Sent, failed = p.Failed, pending = p.Pending, perMinute = p.PerMinute, done = status is CampaignStatus.Sent or CampaignStatus.Cancelled });
    }

    [HttpPost(LetterLinks.SubmitRoute)]
    public Task<IActionResult> Submit(Guid id, CancellationToken cancellationToken) => TransitionAsync(id, cancellationToken, (campaign, user) =>
        campaign.Status != CampaignStatus.Draft ? "Seul un brouillon peut être soumis au bureau." : Move(campaign, user, CampaignStatus.Submitted, "soumise au bureau"));

    [Authorize(Roles = Roles.Board)]
    [HttpPost(LetterLinks.ApproveRoute)]
    public Task<IActionResult> Approve(Guid id, CancellationToken cancellationToken) => TransitionAsync(id, cancellationToken, (campaign, user) =>
    {
        if (campaign.Status != CampaignStatus.Submitted)
        {
            return "Seul un message soumis au bureau peut être approuvé.";
        }
        if (!CanApprove(campaign, user.Id))
        {
            return campaign.AuthorId == user.Id ? "L'auteur du message ne peut pas l'approuver : il faut l'avis d'autres membres du bureau." : "Vous l'avez déjà approuvé.";
        }
        campaign.Approvals.Add(new CampaignApproval { UserId = user.Id, Name = user.NameOrEmail, At = clock.GetUtcNow() });
        var required = campaign.Kind == CampaignKind.QuarterlyLetter ? options.Value.RequiredApprovals : 1;
        if (campaign.Approvals.Count >= required)
        {
            return Move(campaign, user, CampaignStatus.Approved, $"approuvée ({campaign.Approvals.Count} approbation(s))");
        }
        campaign.Events.Add(Event(user, campaign.Status, campaign.Status, $"approbation {campaign.Approvals.Count} sur {required}"));
        return null;
    });

    [HttpPost(LetterLinks.ScheduleRoute)]
    public Task<IActionResult> Schedule(Guid id, DateTime? at, bool now, CancellationToken cancellationToken) => TransitionAsync(id, cancellationToken, (campaign, user) =>
    {
        var ready = campaign.Kind != CampaignKind.QuarterlyLetter
            ? campaign.Status is CampaignStatus.Draft or CampaignStatus.Submitted or CampaignStatus.Approved
            : campaign.Status == CampaignStatus.Approved;
        if (!ready)
        {
            return campaign.Kind == CampaignKind.QuarterlyLetter
                ? $"La lettre trimestrielle doit d'abord être approuvée par {options.Value.RequiredApprovals} membres du bureau."
                : "Ce message ne peut plus être planifié.";
        }
        var when = now ? clock.GetUtcNow() : at is { } local ? ParisTime.FromParis(local) : (DateTimeOffset?)null;
        if (when is null || (!now && when < clock.GetUtcNow().AddMinutes(-1)))
        {
            return "Choisissez une date et une heure à venir, ou « Envoyer maintenant ».";
        }
        campaign.ScheduledAt = when;
        return Move(campaign, user, CampaignStatus.Scheduled, now ? "envoi immédiat" : $"planifiée pour le {when.Value.ToParisString()}");
    });

    [HttpPost(LetterLinks.CancelRoute)]
    public Task<IActionResult> Cancel(Guid id, CancellationToken cancellationToken) => TransitionAsync(id, cancellationToken, (campaign, user) =>
        campaign.Status is CampaignStatus.Sent or CampaignStatus.Cancelled
            ? "Ce message ne peut plus être annulé."
            : Move(campaign, user, CampaignStatus.Cancelled, campaign.Status == CampaignStatus.Sending ? "annulée en cours d'envoi : le reste ne partira pas" : "annulée"));

    /// <summary>Sends the message as recipients will see it, to oneself only, at any step.</summary>
    [HttpPost(LetterLinks.TestRoute)]
    public async Task<IActionResult> Test(Guid id, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Attachments).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }
        var user = (await users.GetUserAsync(User))!;
        var subscriber = await audience.SubscriberAsync(user.Email!, cancellationToken);
        using var message = renderer.Render(campaign, 0, user.Email!, user.NameOrEmail, user.FirstName, subscriber.Token);
        message.Subject = "[ESSAI] " + message.Subject;
        await sender.SendAsync(message, cancellationToken);
        TempData["Message"] = $"Essai envoyé à {user.Email}.";
        return Redirect(LetterLinks.Campaign(id));
    }

    /// <summary>Adds a PDF, checked by its first bytes rather than its name; the message goes back to draft like any edit.</summary>
    [HttpPost(LetterLinks.AttachRoute)]
    [RequestSizeLimit(10 * 1024 * 1024)]
    public async Task<IActionResult> Attach(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.Include(c => c.Approvals).Include(c => c.Attachments).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null || !IsEditable(campaign))
        {
            return campaign is null ? NotFound() : Redirect(LetterLinks.Campaign(id));
        }
        var limit = options.Value.MaxAttachmentBytes;
        byte[] content = [];
        if (file is { Length: > 0 } && file.Length <= limit)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        var refusal = file is null || file.Length == 0 ? "Choisissez un fichier PDF."
            : file.Length > limit ? $"Le fichier dépasse {limit / 1024 / 1024} Mo : chaque destinataire en reçoit une copie."
            : !content.AsSpan().StartsWith("%PDF-"u8) ? "Ce fichier n'est pas un PDF : son contenu ne commence pas comme celui d'un PDF."
            : campaign.Attachments.Count >= options.Value.MaxAttachments ? $"{options.Value.MaxAttachments} pièces jointes au plus."
            : null;
        if (refusal is not null)
        {
            TempData["Error"] = refusal;
            return Redirect($"/gestion/lettres/{id}#pieces-jointes");
        }
        var name = AttachmentName(file!.FileName);
        campaign.Attachments.Add(new CampaignAttachment { FileName = name, Content = content, AddedAt = clock.GetUtcNow() });
        BackToDraft(campaign, (await users.GetUserAsync(User))!, $"pièce jointe ajoutée : {name}");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Pièce jointe « {name} » ajoutée.";
        return Redirect($"/gestion/lettres/{id}#pieces-jointes");
    }

    [HttpPost(LetterLinks.DetachRoute)]
    public async Task<IActionResult> Detach(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.Include(c => c.Approvals).Include(c => c.Attachments).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var attachment = campaign?.Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (campaign is null || attachment is null || !IsEditable(campaign))
        {
            return campaign is null || attachment is null ? NotFound() : Redirect(LetterLinks.Campaign(id));
        }
        campaign.Attachments.Remove(attachment);
        BackToDraft(campaign, (await users.GetUserAsync(User))!, $"pièce jointe retirée : {attachment.FileName}");
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/gestion/lettres/{id}#pieces-jointes");
    }

    [HttpPost(LetterLinks.Preview)]
    public IActionResult Preview(string? body) => Content(SafeMarkdown.Html(body), "text/html; charset=utf-8");

    private async Task<IActionResult> TransitionAsync(Guid id, CancellationToken cancellationToken, Func<Campaign, AppUser, string?> change)
    {
        var campaign = await db.Campaigns.Include(c => c.Approvals).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }
        var user = (await users.GetUserAsync(User))!;
        if (change(campaign, user) is { } refusal)
        {
            TempData["Error"] = refusal;
            return Redirect(LetterLinks.Campaign(id));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            TempData["Error"] = "Quelqu'un vient de modifier ce message : voici son état à jour.";
            return Redirect(LetterLinks.Campaign(id));
        }
        TempData["Message"] = $"{campaign.Kind.Label()} : {campaign.Status.Label().ToLowerInvariant()}.";
        return Redirect(LetterLinks.Campaign(id));
    }

    /// <summary>What was approved is no longer what would leave: approvals start again.</summary>
    private void BackToDraft(Campaign campaign, AppUser user, string note)
    {
        campaign.Approvals.Clear();
        campaign.Events.Add(Event(user, campaign.Status, CampaignStatus.Draft, note));
        campaign.Status = CampaignStatus.Draft;
    }

    private static string AttachmentName(string uploaded)
    {
        var name = new string([.. Path.GetFileNameWithoutExtension(uploaded).Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' ? c : '-')]).Trim();
        name = name.Length == 0 ? "document" : name.Length > 100 ? name[..100] : name;
        return name + ".pdf";
    }

    private string? Move(Campaign campaign, AppUser user, CampaignStatus to, string note)
    {
        campaign.Events.Add(Event(user, campaign.Status, to, note));
        campaign.Status = to;
        return null;
    }

    private CampaignEvent Event(AppUser user, CampaignStatus? from, CampaignStatus to, string note) =>
        new() { At = clock.GetUtcNow(), ByName = user.NameOrEmail, From = from, To = to, Note = note };

    private static bool CanApprove(Campaign campaign, Guid userId) =>
        campaign.Status == CampaignStatus.Submitted && campaign.AuthorId != userId && campaign.Approvals.All(a => a.UserId != userId);

    private static bool IsEditable(Campaign campaign) => campaign.Status is CampaignStatus.Draft or CampaignStatus.Submitted or CampaignStatus.Approved;

    private void Validate(LetterInput input)
    {
        foreach (var (field, message) in input.CrossFieldProblems())
        {
            ModelState.AddModelError($"{nameof(LetterForm.Input)}.{field}", message);
        }
    }

    private async Task<Dictionary<Guid, CampaignProgress>> ProgressAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddMinutes(-1);
        var rows = await db.OutboxMessages.Where(m => m.CampaignId != null && ids.Contains(m.CampaignId.Value))
            .GroupBy(m => m.CampaignId!.Value)
            .Select(g => new
            {
                Id = g.Key, Sent = g.Count(m => m.Status == OutboxStatus.Sent), Failed = g.Count(m => m.Status == OutboxStatus.Failed),
                Pending = g.Count(m => m.Status == OutboxStatus.Pending), LastMinute = g.Count(m => m.Status == OutboxStatus.Sent && m.SentAt >= since),
            }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new CampaignProgress(r.Sent, r.Failed, r.Pending, r.LastMinute));
    }

    private async Task<string> AudienceDescriptionAsync(Campaign c, CancellationToken cancellationToken) => c.Audience switch
    {
        AudienceKind.Professions => $"{c.Audience.Label()} : {string.Join(", ", c.AudienceProfessions.Select(p => p.Label()))}",
        AudienceKind.Communes => $"{c.Audience.Label()} : {string.Join(", ", await db.Communes.Where(x => c.AudienceCommunes.Contains(x.InseeCode)).Select(x => x.Name).ToListAsync(cancellationToken))}",
        AudienceKind.Colleges => $"{c.Audience.Label()} : {string.Join(", ", await db.Colleges.Where(x => c.AudienceColleges.Contains(x.Id)).Select(x => x.Name).ToListAsync(cancellationToken))}",
        AudienceKind.TrainingRegistrants => $"{c.Audience.Label()} : {await db.Trainings.Where(t => t.Id == c.AudienceTrainingId).Select(t => t.Title).SingleOrDefaultAsync(cancellationToken)}",
        AudienceKind.WorkingGroupMembers => $"{c.Audience.Label()} : {await db.WorkingGroups.Where(g => g.Id == c.AudienceWorkingGroupId).Select(g => g.Name).SingleOrDefaultAsync(cancellationToken)}",
        _ => c.Audience.Label(),
    };

    private async Task<LetterForm> FormAsync(LetterInput input, string action, Campaign? saved, CancellationToken cancellationToken)
    {
        var communes = await db.Communes.AsNoTracking().OrderBy(c => c.Name).Select(c => new SelectListItem(c.Name, c.InseeCode)).ToListAsync(cancellationToken);
        var colleges = await db.Colleges.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().AddDays(-60);
        var trainings = await db.Trainings.AsNoTracking().Where(t => t.Status != TrainingStatus.Draft && t.Sessions.Any(s => s.StartsAt >= now))
            .OrderBy(t => t.Sessions.Min(s => s.StartsAt)).Select(t => new SelectListItem(t.Title, t.Id.ToString())).ToListAsync(cancellationToken);
        var groups = await db.WorkingGroups.AsNoTracking().OrderBy(g => g.Name).Select(g => new SelectListItem(g.Name, g.Id.ToString())).ToListAsync(cancellationToken);
        var count = saved is null ? (int?)null : await audience.CountAsync(saved, cancellationToken);
        return new LetterForm(input, action, communes, colleges, trainings, groups, count);
    }
}

public sealed class LetterInput
{
    [Display(Name = "Type")]
    public CampaignKind Kind { get; set; }

    [Display(Name = "Objet")]
    [Required(ErrorMessage = "Indiquez l'objet du message.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Subject { get; set; }

    [Display(Name = "Texte")]
    [Required(ErrorMessage = "Écrivez le texte du message.")]
    [StringLength(50000, ErrorMessage = "50 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Body { get; set; }

    [Display(Name = "Destinataires")]
    public AudienceKind Audience { get; set; }

    [Display(Name = "Professions")]
    public List<Profession> Professions { get; set; } = [];

    [Display(Name = "Communes")]
    public List<string> Communes { get; set; } = [];

    [Display(Name = "Collèges")]
    public List<int> Colleges { get; set; } = [];

    [Display(Name = "Formation")]
    public Guid? TrainingId { get; set; }

    [Display(Name = "Groupe de travail")]
    public Guid? WorkingGroupId { get; set; }

    public uint Version { get; set; }

    public IEnumerable<(string Field, string Message)> CrossFieldProblems()
    {
        if (Audience == AudienceKind.Professions && Professions.Count == 0)
        {
            yield return (nameof(Professions), "Choisissez au moins une profession.");
        }
        if (Audience == AudienceKind.Communes && Communes.Count == 0)
        {
            yield return (nameof(Communes), "Choisissez au moins une commune.");
        }
        if (Audience == AudienceKind.Colleges && Colleges.Count == 0)
        {
            yield return (nameof(Colleges), "Choisissez au moins un collège.");
        }
        if (Audience == AudienceKind.TrainingRegistrants && TrainingId is null)
        {
            yield return (nameof(TrainingId), "Choisissez la formation.");
        }
        if (Audience == AudienceKind.WorkingGroupMembers && WorkingGroupId is null)
        {
            yield return (nameof(WorkingGroupId), "Choisissez le groupe de travail.");
        }
    }

    public void ApplyTo(Campaign campaign)
    {
        campaign.Kind = Kind;
        campaign.Subject = Subject!.Trim();
        campaign.Body = Body!.Trim();
        campaign.Audience = Audience;
        campaign.AudienceProfessions = Audience == AudienceKind.Professions ? [.. Professions.Distinct().Where(Enum.IsDefined)] : [];
        campaign.AudienceCommunes = Audience == AudienceKind.Communes ? [.. Communes.Distinct()] : [];
        campaign.AudienceColleges = Audience == AudienceKind.Colleges ? [.. Colleges.Distinct()] : [];
        campaign.AudienceTrainingId = Audience == AudienceKind.TrainingRegistrants ? TrainingId : null;
        campaign.AudienceWorkingGroupId = Audience == AudienceKind.WorkingGroupMembers ? WorkingGroupId : null;
    }

    public static LetterInput From(Campaign c) => new()
    {
        Kind = c.Kind, Subject = c.Subject, Body = c.Body, Audience = c.Audience, Professions = [.. c.AudienceProfessions], Communes = [.. c.AudienceCommunes],
        Colleges = [.. c.AudienceColleges], TrainingId = c.AudienceTrainingId, WorkingGroupId = c.AudienceWorkingGroupId, Version = c.Version,
    };
}

public sealed record CampaignProgress(int Sent, int Failed, int Pending, int? PerMinute);

public sealed record LetterList(IReadOnlyList<Campaign> Rows, IReadOnlyDictionary<Guid, CampaignProgress> Progress, int Total, PagerModel Pager);

public sealed record LetterForm(LetterInput Input, string Action, IReadOnlyList<SelectListItem> Communes, IReadOnlyList<SelectListItem> Colleges,
    IReadOnlyList<SelectListItem> Trainings, IReadOnlyList<SelectListItem> Groups, int? RecipientCount);

public sealed record LetterPage(Campaign Campaign, int Recipients, string AudienceText, CampaignProgress Progress, int RequiredApprovals, bool CanApprove,
    bool IsBoard, DateTimeOffset Now);
