using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Meetings;

/// <summary>
/// Statutes that weight the collèges: the quorum and the majority are judged in each collège. A class of its own, as the
/// statutes' rules it sets hold for its whole database.
/// </summary>
public sealed class CollegeVotesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task When_the_statutes_decide_per_college_a_resolution_carried_overall_but_voted_down_by_one_college_is_rejected_and_an_absent_college_blocks_nothing()
    {
        const int year = 2038;
        var colleges = await portal.WithDbAsync(db => db.Colleges.OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Name }).Take(3).ToListAsync());
        var (first, second, third) = (colleges[0], colleges[1], colleges[2]);
        var anne = await MeetingSteps.AdherentAsync(portal, year, "Anne-Collège-Un");
        var bruno = await MeetingSteps.AdherentAsync(portal, year, "Bruno-Collège-Un");
        var chloe = await MeetingSteps.AdherentAsync(portal, year, "Chloé-Collège-Un");
        var denis = await MeetingSteps.AdherentAsync(portal, year, "Denis-Collège-Deux", collegeRank: 1);
        var emma = await MeetingSteps.AdherentAsync(portal, year, "Emma-Collège-Deux", collegeRank: 1);
        await MeetingSteps.AdherentAsync(portal, year, "Fanny-Collège-Trois-Absente", collegeRank: 2);
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member, Roles.Board);

        var rules = await board.FillAsync("/gestion/reunions/regles", new Dictionary<string, string>
        {
            ["QuorumPerCollege"] = "true", ["MajorityPerCollege"] = "true",
        });
        Assert.Contains("Les règles des statuts sont enregistrées", rules.Text);

        // A new resolution starts decided per collège, as the statutes say; an election cannot be.
        var (page, id) = await MeetingsTests.CreateMeetingAsync(board, MeetingsTests.MeetingForm(new DateOnly(year, 6, 12)));
        Assert.NotNull(page.Find("input[type=checkbox][name='NewResolution.PerCollege'][checked]"));
        var election = await board.SubmitAsync(page, $"/gestion/reunions/{id}/resolutions", new Dictionary<string, string>
        {
            ["NewResolution.Title"] = "Élection du bureau", ["NewResolution.IsElection"] = "true", ["NewResolution.Seats"] = "2",
        });
        Assert.Contains("Une élection n'a pas de majorité par collège", election.ErrorFor("NewResolution.PerCollege"));
        Assert.Equal("Élection du bureau", election.ValueOf("NewResolution.Title"));
        page = await board.SubmitAsync(page, $"/gestion/reunions/{id}/resolutions", new Dictionary<string, string>
        {
            ["NewResolution.Title"] = "Modification des statuts", ["NewResolution.Majority"] = nameof(MajorityRule.SimpleOfCast),
        });
        Assert.Contains("Résolution n° 1 ajoutée", page.Text);
        Assert.Contains("Majorité simple des suffrages exprimés, requise dans chaque collège", page.Text);
        page = await board.SubmitAsync(page, $"/gestion/reunions/{id}/resolutions", new Dictionary<string, string>
        {
            ["NewResolution.Title"] = "Approbation des comptes", ["NewResolution.Majority"] = nameof(MajorityRule.SimpleOfCast), ["NewResolution.PerCollege"] = "false",
        });
        Assert.Contains("Résolution n° 2 ajoutée", page.Text);
        page = await board.SubmitAsync(page, $"/gestion/reunions/{id}/resolutions", new Dictionary<string, string>
        {
            ["NewResolution.Title"] = "Adhésion à la charte territoriale", ["NewResolution.Majority"] = nameof(MajorityRule.SimpleOfCast),
        });
        Assert.Contains("Résolution n° 3 ajoutée", page.Text);
        page = await board.SubmitAsync(page, $"/gestion/reunions/{id}/convoquer", new Dictionary<string, string>());
        Assert.Contains("Les convocations sont parties", page.Text);

        // Bruno gives Anne his proxy; Anne and Denis are present, Fanny is not: half of the convened overall, but her collège
        // has none of its members, and the statutes want the quorum in each.
        var anneId = await MeetingSteps.InviteeIdAsync(portal, id, anne);
        var anneBrowser = await portal.SignedInAsync(anne);
        await (await portal.SignedInAsync(bruno)).FillAsync($"/espace/reunions/{id}", new Dictionary<string, string>
        {
            ["Reply.Answer"] = nameof(MeetingAnswer.Proxy), ["Reply.ProxyHolderId"] = anneId.ToString(),
        });
        foreach (var present in new[] { anneId, await MeetingSteps.InviteeIdAsync(portal, id, denis) })
        {
            page = await board.SubmitAsync(await board.GetAsync($"/gestion/reunions/{id}"), $"/gestion/reunions/{id}/presences",
                new Dictionary<string, string> { ["inviteeId"] = present.ToString(), ["present"] = "true" });
        }
        Assert.Contains($"{first.Name} : 2 présent(s) et représenté(s) (1 présent(s), 1 représenté(s)) sur 3 convoqué(s)", page.Text);
        Assert.Contains($"{second.Name} : 1 présent(s) et représenté(s) (1 présent(s), 0 représenté(s)) sur 2 convoqué(s)", page.Text);
        Assert.Contains($"{third.Name} : 0 présent(s) et représenté(s) (0 présent(s), 0 représenté(s)) sur 1 convoqué(s)", page.Text);
        Assert.Contains("Ensemble des convoqués : 3 présent(s) et représenté(s) (2 présent(s), 1 représenté(s)) sur 6 convoqué(s)", page.Text);
        Assert.Contains("Le quorum n'est pas atteint", page.Text);

        // Online: the first collège for (Anne, her proxy Bruno, Chloé from home), the second against (Emma from home).
        var perCollege = await MeetingSteps.ResolutionIdAsync(portal, id, 1);
        page = await board.SubmitAsync(page, $"/gestion/reunions/{id}/resolutions/{perCollege}/ouvrir", new Dictionary<string, string>());
        var ballotPage = await anneBrowser.GetAsync($"/espace/reunions/{id}");
        Assert.Contains("requise dans chaque collège", ballotPage.Text);
        foreach (var (browser, forWhom, choice) in new[]
        {
            (anneBrowser, anneId, "For"), (anneBrowser, await MeetingSteps.InviteeIdAsync(portal, id, bruno), "For"),
            (await portal.SignedInAsync(chloe), await MeetingSteps.InviteeIdAsync(portal, id, chloe), "For"),
            (await portal.SignedInAsync(emma), await MeetingSteps.InviteeIdAsync(portal, id, emma), "Against"),
        })
        {
            var voted = await browser.PostFromAsync(await browser.GetAsync($"/espace/reunions/{id}"), $"/espace/reunions/{id}/resolutions/{perCollege}/vote",
                ("forInviteeId", forWhom.ToString()), ("choice", choice));
            Assert.Contains("Votre vote est enregistré", voted.Text);
        }
        // Each ballot knows its collège and nothing more of its voter.
        var boxes = await portal.WithDbAsync(db => db.Ballots.Where(b => b.ResolutionId == perCollege).GroupBy(b => b.CollegeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? 0, g => g.Count));
        Assert.Equal(new Dictionary<int, int> { [first.Id] = 3, [second.Id] = 1 }, boxes);

        // In the room, Denis votes against. A count for a collège nobody was convened from, below zero, or more voices than
        // the collège's members who took part, is refused and the vote stays open.
        var manage = await board.GetAsync($"/gestion/reunions/{id}");
        Assert.NotNull(manage.Find($"input[name='CollegeAgainst[{second.Id}]']"));
        var stranger = await board.SubmitAsync(manage, $"/gestion/reunions/{id}/resolutions/{perCollege}/clore", new Dictionary<string, string> { ["CollegeFor[99999]"] = "4" });
        Assert.Contains("Les décomptes de la salle doivent porter sur les collèges des convoqués", stranger.Text);
        var negative = await board.SubmitAsync(manage, $"/gestion/reunions/{id}/resolutions/{perCollege}/clore", new Dictionary<string, string> { [$"CollegeFor[{first.Id}]"] = "-1" });
        Assert.Contains("Un nombre entre 0 et 100 000 pour chaque collège", negative.Text);
        var overcount = await board.SubmitAsync(manage, $"/gestion/reunions/{id}/resolutions/{perCollege}/clore", new Dictionary<string, string> { [$"CollegeFor[{first.Id}]"] = "1" });
        Assert.Contains($"Collège {first.Name} : 4 voix pour 3 membre(s) présent(s), représenté(s) ou ayant voté en ligne", overcount.Text);
        Assert.Equal(VoteStatus.Open, await portal.WithDbAsync(db => db.Resolutions.Where(r => r.Id == perCollege).Select(r => r.VoteStatus).SingleAsync()));

        manage = await board.SubmitAsync(manage, $"/gestion/reunions/{id}/resolutions/{perCollege}/clore", new Dictionary<string, string> { [$"CollegeAgainst[{second.Id}]"] = "1" });
        Assert.Contains("Rejetée : 3 pour, 2 contre, 0 abstention(s)", manage.Text);
        var row = manage.Document.QuerySelectorAll("tr").Select(r => string.Join(' ', r.Children.Select(cell => cell.TextContent.Trim())));
        Assert.Contains($"{first.Name} 3 0 0 3 atteinte", row);
        Assert.Contains($"{second.Name} 0 2 0 2 non atteinte", row);
        Assert.Contains($"{third.Name} 0 0 0 0 non compté, aucun de ses membres n'ayant pris part au vote", row);
        var expected = $"Rejetée : 3 pour, 2 contre, 0 abstention(s). Majorité requise dans chaque collège : " +
            string.Join(" ; ", new[]
            {
                $"{first.Name} atteinte (3 pour, 0 contre, 0 abstention(s))", $"{second.Name} non atteinte (0 pour, 2 contre, 0 abstention(s))",
                $"{third.Name} non compté, aucun de ses membres n'ayant pris part au vote (0 pour, 0 contre, 0 abstention(s))",
            }
                .OrderBy(s => s, StringComparer.Create(new System.Globalization.CultureInfo("fr-FR"), true))) + ".";
        Assert.Contains(expected, (await anneBrowser.GetAsync($"/espace/reunions/{id}")).Text);

        // Decided overall, the room carries a resolution the second collège is against: Anne and her proxy for, Denis against.
        var overall = await MeetingSteps.ResolutionIdAsync(portal, id, 2);
        manage = await board.SubmitAsync(manage, $"/gestion/reunions/{id}/resolutions/{overall}/ouvrir", new Dictionary<string, string>());
        manage = await board.SubmitAsync(manage, $"/gestion/reunions/{id}/resolutions/{overall}/clore",
            new Dictionary<string, string> { ["RoomFor"] = "2", ["RoomAgainst"] = "1", ["RoomAbstain"] = "0" });
        Assert.Contains("Adoptée : 2 pour, 1 contre, 0 abstention(s) ;", manage.Text);
        Assert.Equal(0, await portal.WithDbAsync(db => db.CollegeVotes.CountAsync(c => c.ResolutionId == overall)));

        // Both collèges present vote for in the room: adopted, Fanny's absent collège blocking nothing.
        var charter = await MeetingSteps.ResolutionIdAsync(portal, id, 3);
        manage = await board.SubmitAsync(manage, $"/gestion/reunions/{id}/resolutions/{charter}/ouvrir", new Dictionary<string, string>());
        manage = await board.SubmitAsync(manage, $"/gestion/reunions/{id}/resolutions/{charter}/clore",
            new Dictionary<string, string> { [$"CollegeFor[{first.Id}]"] = "2", [$"CollegeFor[{second.Id}]"] = "1" });
        Assert.Contains("Adoptée : 3 pour, 0 contre, 0 abstention(s) ; 3 membre(s) présents et représentés à la clôture (dont dans la salle : 3 pour, 0 contre, 0 abstention(s))", manage.Text);

        // The results, with each collège's count, in a spreadsheet.
        Assert.NotNull(manage.Find($"a[href='/gestion/reunions/{id}/resultats.csv']"));
        var csv = (await board.Http.GetStringAsync($"/gestion/reunions/{id}/resultats.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 4 + 1 + 4, csv.Length);
        Assert.Contains("1;Modification des statuts;Majorité simple des suffrages exprimés, dans chaque collège;Ensemble;3;2;0;5;Rejetée", csv);
        Assert.Contains($"1;Modification des statuts;Majorité simple des suffrages exprimés, dans chaque collège;{second.Name};0;2;0;2;Majorité non atteinte", csv);
        Assert.Contains($"3;Adhésion à la charte territoriale;Majorité simple des suffrages exprimés, dans chaque collège;{third.Name};0;0;0;0;Non compté : aucun de ses membres n'a pris part au vote", csv);
        Assert.Contains("2;Approbation des comptes;Majorité simple des suffrages exprimés;Ensemble;2;1;0;3;Adoptée", csv);
    }
}
