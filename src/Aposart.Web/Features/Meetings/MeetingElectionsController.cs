using Aposart.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aposart.Web.Features.Meetings;

/// <summary>An election's candidacies, declared by the bureau or the coordination, and its result seated on the bureau by a bureau member.</summary>
[Authorize(Roles = Roles.BoardOrCoordinator)]
public sealed class MeetingElectionsController(UserManager<AppUser> users, MeetingElections elections) : Controller
{
    [HttpPost(MeetingLinks.AddCandidateTemplate)]
    public async Task<IActionResult> AddCandidate(Guid id, Guid resolutionId, Guid? inviteeId, CancellationToken cancellationToken)
    {
        var error = inviteeId is { } invitee
            ? await elections.AddCandidateAsync(id, resolutionId, invitee, cancellationToken)
            : "Choisissez un candidat parmi les adhérents convoqués.";
        TempData[error is null ? "Message" : "Error"] = error ?? "Candidature enregistrée.";
        return Redirect(MeetingLinks.Manage(id) + "#resolution-" + resolutionId);
    }

    [HttpPost(MeetingLinks.RemoveCandidateTemplate)]
    public async Task<IActionResult> RemoveCandidate(Guid id, Guid resolutionId, Guid candidateId, CancellationToken cancellationToken)
    {
        var error = await elections.RemoveCandidateAsync(id, resolutionId, candidateId, cancellationToken);
        TempData[error is null ? "Message" : "Error"] = error ?? "Candidature retirée.";
        return Redirect(MeetingLinks.Manage(id) + "#resolution-" + resolutionId);
    }

    /// <summary>A bureau member, not the coordination, seats the elected on the bureau: it gives them the Bureau role.</summary>
    [HttpPost(MeetingLinks.ApplyElectionTemplate), Authorize(Roles = Roles.Board)]
    public async Task<IActionResult> ApplyElection(Guid id, Guid resolutionId, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Challenge();
        }
        var error = await elections.ApplyAsync(id, resolutionId, me, cancellationToken);
        TempData[error is null ? "Message" : "Error"] = error ?? "Les élus sont installés au bureau : leurs mandats sont ouverts.";
        return Redirect(MeetingLinks.Manage(id) + "#resolution-" + resolutionId);
    }
}
