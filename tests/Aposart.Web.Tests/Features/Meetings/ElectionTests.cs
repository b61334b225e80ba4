using Aposart.Web.Domain;
using Aposart.Web.Features.Meetings;
using Aposart.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Meetings;

/// <summary>Elections of the bureau, on a portal of their own: renewing the whole bureau closes every other open mandate.</summary>
public sealed class ElectionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly AssemblyDay = new(2033, 6, 15);

    private Task<Guid> InviteeIdAsync(Guid meetingId, AppUser user) => MeetingSteps.InviteeIdAsync(portal, meetingId, user);

    private Task<Guid> CandidateIdAsync(Guid resolutionId, AppUser user) =>
        portal.WithDbAsync(db => db.Candidates.Where(c => c.ResolutionId == resolutionId && c.Invitee!.UserId == user.Id).Select(c => c.Id).SingleAsync());

    private async Task<Page> VoteAsync(AppUser voter, Guid meetingId, Guid resolutionId, params Guid[] candidates)
    {
        var browser = await portal.SignedInAsync(voter);
        var page = await browser.GetAsync($"/espace/reunions/{meetingId}");
        return await browser.PostFromAsync(page, $"/espace/reunions/{meetingId}/resolutions/{resolutionId}/vote",
            [("forInviteeId", (await InviteeIdAsync(meetingId, voter)).ToString()), .. candidates.Select(c => ("candidates", c.ToString()))]);
    }

    private Task OpenMandateAsync(AppUser user, BureauTitle title) => portal.WithDbAsync(async db =>
    {
        db.BureauMandates.Add(new BureauMandate { UserId = user.Id, Title = title, StartsOn = new DateOnly(2025, 6, 1), EndsOn = new DateOnly(2034, 6, 1), CreatedByName = "test" });
        return await db.SaveChangesAsync();
    });

    private async Task<bool> InBureauRoleAsync(AppUser user)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.IsInRoleAsync((await users.FindByIdAsync(user.Id.ToString()))!, Roles.Board);
    }

    [Fact]
    public async Task The_assembly_elects_the_two_most_voted_candidates_and_a_bureau_member_seats_them_renewing_the_whole_bureau()
    {
        var year = AssemblyDay.Year;
        var anne = await MeetingSteps.AdherentAsync(portal, year, "Anne-Réélue");
        var bruno = await MeetingSteps.AdherentAsync(portal, year, "Bruno-Élu");
        var chloe = await MeetingSteps.AdherentAsync(portal, year, "Chloé-Battue");
        var denis = await MeetingSteps.AdherentAsync(portal, year, "Denis-Blanc");
        var olivier = await MeetingSteps.AdherentAsync(portal, year, "Olivier-Sortant");
        // The bureau in office: Anne stands again, Olivier does not.
        await OpenMandateAsync(anne, BureauTitle.Treasurer);
        await OpenMandateAsync(olivier, BureauTitle.President);
        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(olivier.Id.ToString()))!, Roles.Board);
        }
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member, Roles.Board);
        var (page, id) = await MeetingsTests.CreateMeetingAsync(board, MeetingsTests.MeetingForm(AssemblyDay));

        var election = new Dictionary<string, string>
        {
            ["NewResolution.Title"] = "Élection du bureau",
            ["NewResolution.IsElection"] = "true",
            ["NewResolution.SetsFees"] = "true",
            ["NewResolution.IndividualFee"] = "20",
            ["NewResolution.StructureFee"] = "50",
            ["NewResolution.Seats"] = "",
            ["NewResolution.RenewsBoard"] = "true",
        };
        var refused = await board.SubmitAsync(page, $"/gestion/reunions/{id}/resolutions", election);
        Assert.Contains("Indiquez le nombre de sièges", refused.ErrorFor("NewResolution.Seats"));
        Assert.Contains("Une élection ne fixe pas les cotisations", refused.ErrorFor("NewResolution.SetsFees"));
        Assert.Equal("Élection du bureau", refused.ValueOf("NewResolution.Title"));
        election["NewResolution.SetsFees"] = "false";
        election["NewResolution.Seats"] = "2";
        page = await board.SubmitAsync(refused, $"/gestion/reunions/{id}/resolutions", election);
        Assert.True(page.Text.Contains("Résolution n° 1 ajoutée"), page.Text);
        Assert.Contains("Élection : 2 siège(s) à pourvoir", page.Text);
        Assert.Contains("Les candidatures se déclarent une fois la réunion convoquée", page.Text);
        var resolution = await portal.WithDbAsync(db => db.Resolutions.Where(r => r.MeetingId == id).Select(r => r.Id).SingleAsync());

        page = await board.SubmitAsync(page, $"/gestion/reunions/{id}/convoquer", new Dictionary<string, string>());
        Assert.Contains("Les convocations sont parties", page.Text);
        foreach (var candidate in new[] { anne, bruno, chloe, denis })
        {
            page = await board.PostFromAsync(page, $"/gestion/reunions/{id}/resolutions/{resolution}/candidats", ("inviteeId", (await InviteeIdAsync(id, candidate)).ToString()));
            Assert.Contains("Candidature enregistrée", page.Text);
        }
        var twice = await board.PostFromAsync(page, $"/gestion/reunions/{id}/resolutions/{resolution}/candidats", ("inviteeId", (await InviteeIdAsync(id, anne)).ToString()));
        Assert.Contains("Claire Anne-Réélue est déjà candidat·e", twice.Text);
        var stranger = await board.PostFromAsync(page, $"/gestion/reunions/{id}/resolutions/{resolution}/candidats", ("inviteeId", Guid.NewGuid().ToString()));
        Assert.Contains("Choisissez un candidat parmi les adhérents convoqués", stranger.Text);
        page = await board.PostFromAsync(page, $"/gestion/reunions/{id}/resolutions/{resolution}/candidats/{await CandidateIdAsync(resolution, denis)}/retirer");
        Assert.Contains("Candidature retirée", page.Text);

        page = await board.PostFromAsync(page, $"/gestion/reunions/{id}/resolutions/{resolution}/ouvrir");
        Assert.Contains("Le vote est ouvert", page.Text);
        var late = await board.PostFromAsync(page, $"/gestion/reunions/{id}/resolutions/{resolution}/candidats", ("inviteeId", (await InviteeIdAsync(id, denis)).ToString()));
        Assert.Contains("avant l'ouverture du vote", late.Text);

        var (a, b, c) = (await CandidateIdAsync(resolution, anne), await CandidateIdAsync(resolution, bruno), await CandidateIdAsync(resolution, chloe));
        var ballotPage = await (await portal.SignedInAsync(denis)).GetAsync($"/espace/reunions/{id}");
        Assert.Contains("cochez au plus 2 nom(s)", ballotPage.Text);
        Assert.Contains("Sans nom coché, le bulletin est blanc", ballotPage.Text);
        Assert.Contains("Votre vote est enregistré", (await VoteAsync(anne, id, resolution, a, b)).Text);
        Assert.Contains("Votre vote est enregistré", (await VoteAsync(bruno, id, resolution, b, c)).Text);
        Assert.Contains("Cochez au plus 2 nom(s)", (await VoteAsync(chloe, id, resolution, a, b, c)).Text);
        Assert.Contains("Cochez des noms parmi les candidats", (await VoteAsync(chloe, id, resolution, Guid.NewGuid())).Text);
        Assert.Contains("Votre vote est enregistré", (await VoteAsync(chloe, id, resolution, c)).Text);
        Assert.Contains("Votre vote est enregistré", (await VoteAsync(denis, id, resolution)).Text);
        Assert.Contains("Votre vote est enregistré", (await VoteAsync(olivier, id, resolution, a)).Text);
        Assert.Contains("Vous avez déjà voté", (await VoteAsync(olivier, id, resolution, c)).Text);
        // One ballot per name ticked, one for the blank vote: 2 + 2 + 1 + 1 + 1.
        Assert.Equal(7, await portal.WithDbAsync(db => db.Ballots.CountAsync(x => x.ResolutionId == resolution)));

        // Online: Anne 2, Bruno 2, Chloé 2, one blank. In the room: one more for Anne and for Bruno, one blank.
        var bad = await board.PostFromAsync(page, $"/gestion/reunions/{id}/resolutions/{resolution}/clore", ($"CandidateVotes[{a}]", "-3"));
        Assert.Contains("Un nombre entre 0 et 100 000 pour chaque candidat", bad.Text);
        page = await board.PostFromAsync(page, $"/gestion/reunions/{id}/resolutions/{resolution}/clore",
            ($"CandidateVotes[{a}]", "1"), ($"CandidateVotes[{b}]", "1"), ($"CandidateVotes[{c}]", "0"), ("RoomAbstain", "1"));
        const string result = "Élu·e(s) : Claire Anne-Réélue (3 voix), Claire Bruno-Élu (3 voix). Non élu·e(s) : Claire Chloé-Battue (2 voix). 2 bulletin(s) blanc(s).";
        Assert.Contains(result, page.Text);
        Assert.Contains(result, (await (await portal.SignedInAsync(chloe)).GetAsync($"/espace/reunions/{id}")).Text);

        page = await board.PostFromAsync(page, $"/gestion/reunions/{id}/resolutions/{resolution}/installer");
        Assert.Contains("Les élus sont installés au bureau", page.Text);
        var mandates = await portal.WithDbAsync(db => db.BureauMandates.AsNoTracking().ToListAsync());
        var term = AssemblyDay.AddYears(3);
        // Anne keeps her one mandate (treasurer), now to the new term; Bruno's opens on the assembly's day; Olivier's is closed.
        var kept = Assert.Single(mandates, m => m.UserId == anne.Id);
        Assert.Equal((BureauTitle.Treasurer, (DateOnly?)term, true), (kept.Title, kept.EndsOn, kept.IsOpen));
        var seated = Assert.Single(mandates, m => m.UserId == bruno.Id);
        Assert.Equal((BureauTitle.Member, AssemblyDay, (DateOnly?)term, true), (seated.Title, seated.StartsOn, seated.EndsOn, seated.IsOpen));
        Assert.False(Assert.Single(mandates, m => m.UserId == olivier.Id).IsOpen);
        Assert.True(await InBureauRoleAsync(bruno));
        Assert.True(await InBureauRoleAsync(anne));
        Assert.False(await InBureauRoleAsync(olivier));
        Assert.DoesNotContain(mandates, m => m.UserId == chloe.Id || m.UserId == denis.Id);

        var again = await board.PostFromAsync(page, $"/gestion/reunions/{id}/resolutions/{resolution}/installer");
        Assert.Contains("déjà été appliqué au bureau", again.Text);
        Assert.Equal(mandates.Count, await portal.WithDbAsync(db => db.BureauMandates.CountAsync()));
    }

    [Theory]
    [InlineData(new[] { 5, 3, 1 }, 2, new[] { 0, 1 })]
    [InlineData(new[] { 5, 3, 3 }, 2, new[] { 0 })]
    [InlineData(new[] { 4, 4, 4 }, 1, new int[0])]
    [InlineData(new[] { 4, 0 }, 2, new[] { 0 })]
    [InlineData(new[] { 2, 2 }, 2, new[] { 0, 1 })]
    public void The_most_voted_are_elected_up_to_the_seats_and_a_tie_for_the_last_seat_elects_none_of_the_tied(int[] votes, int seats, int[] elected)
    {
        var candidates = votes.Select(v => (Guid.NewGuid(), v)).ToList();
        var chosen = MeetingVotes.Elected(candidates, seats);
        Assert.Equal(elected.Select(i => candidates[i].Item1).ToHashSet(), chosen);
    }
}
