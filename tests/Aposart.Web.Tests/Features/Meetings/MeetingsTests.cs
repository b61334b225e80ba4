using System.Globalization;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Meetings;

public sealed class MeetingsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<AppUser> AdherentAsync(int year, string lastName, MembershipStatus status = MembershipStatus.UpToDate) =>
        MeetingSteps.AdherentAsync(portal, year, lastName, status);

    internal static Dictionary<string, string> MeetingForm(DateOnly date, string title = "Assemblée générale ordinaire") => new()
    {
        ["Input.Kind"] = nameof(MeetingKind.OrdinaryAssembly),
        ["Input.Title"] = title,
        ["Input.Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Start"] = "18:30",
        ["Input.End"] = "20:30",
        ["Input.Place"] = "Salle polyvalente, Rambouillet",
        ["Input.Agenda"] = "1. Rapport d'activité\n2. Comptes de l'exercice\n3. Cotisations de l'an prochain",
    };

    internal static async Task<(Page Page, Guid Id)> CreateMeetingAsync(Browser board, Dictionary<string, string> form)
    {
        var page = await board.FillAsync("/gestion/reunions/nouvelle", form);
        Assert.True(Guid.TryParse(page.Url.Split('/').ElementAtOrDefault(3)?.Split('#')[0], out _), page.Url + " " + page.Text);
        return (page, Guid.Parse(page.Url.Split('/')[3].Split('#')[0]));
    }

    private static Task<Page> AddResolutionAsync(Browser board, Page page, Guid id, string title, MajorityRule rule, (string Individual, string Structure)? fees = null) =>
        board.SubmitAsync(page, $"/gestion/reunions/{id}/resolutions", new Dictionary<string, string>
        {
            ["NewResolution.Title"] = title,
            ["NewResolution.Majority"] = rule.ToString(),
            ["NewResolution.SetsFees"] = fees is null ? "false" : "true",
            ["NewResolution.IndividualFee"] = fees?.Individual ?? "",
            ["NewResolution.StructureFee"] = fees?.Structure ?? "",
        });

    private Task<Guid> InviteeIdAsync(Guid meetingId, Guid userId) =>
        portal.WithDbAsync(db => db.MeetingInvitees.Where(i => i.MeetingId == meetingId && i.UserId == userId).Select(i => i.Id).SingleAsync());

    private static Task<Page> AnswerAsync(Browser browser, Guid meetingId, MeetingAnswer answer, Guid? holder = null) =>
        browser.FillAsync($"/espace/reunions/{meetingId}", new Dictionary<string, string>
        {
            ["Reply.Answer"] = answer.ToString(),
            ["Reply.ProxyHolderId"] = holder?.ToString() ?? "",
        });

    [Fact]
    public async Task The_bureau_convenes_the_assembly_adherents_answer_with_proxies_presence_is_taken_the_quorum_reached_and_the_fee_vote_sets_next_years_fees()
    {
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(1)).Date);
        var year = today.AddDays(20).Year;
        var anne = await AdherentAsync(year, "Anne-Présente");
        var bruno = await AdherentAsync(year, "Bruno-Pouvoir");
        var chloe = await AdherentAsync(year, "Chloé-Pouvoir");
        var denis = await AdherentAsync(year, "Denis-Absent");
        var late = await AdherentAsync(year, "En-Retard", MembershipStatus.Late);
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member, Roles.Board);

        var (page, id) = await CreateMeetingAsync(board, MeetingForm(today.AddDays(20)));
        page = await AddResolutionAsync(board, page, id, "Approbation du rapport d'activité", MajorityRule.SimpleOfCast);
        page = await AddResolutionAsync(board, page, id, "Approbation des comptes", MajorityRule.SimpleOfCast);
        var missing = await AddResolutionAsync(board, page, id, "Cotisations de l'an prochain", MajorityRule.SimpleOfCast, ("25", ""));
        Assert.Contains("cotisation des structures", missing.ErrorFor("NewResolution.StructureFee"));
        Assert.Equal("Cotisations de l'an prochain", missing.ValueOf("NewResolution.Title"));
        page = await AddResolutionAsync(board, missing, id, "Cotisations de l'an prochain", MajorityRule.SimpleOfCast, ("25", "60"));
        Assert.Contains("Résolution n° 3 ajoutée", page.Text);
        Assert.Contains("4 personne(s) seront convoquées", page.Text);
        Assert.DoesNotContain("il manque", page.Text, StringComparison.OrdinalIgnoreCase);

        page = await board.SubmitAsync(page, $"/gestion/reunions/{id}/convoquer", new Dictionary<string, string>());
        Assert.Contains("Les convocations sont parties", page.Text);
        foreach (var adherent in new[] { anne, bruno, chloe, denis })
        {
            var mail = await portal.Smtp.SingleMessageToAsync(adherent.Email!);
            Assert.Equal("Convocation : Assemblée générale ordinaire", mail.Subject);
            Assert.Contains("Cotisations de l'an prochain", mail.TextBody);
            Assert.Contains(mail.Attachments, a => a.ContentType.MimeType == "text/calendar");
        }
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == late.Email)));
        var again = await board.SubmitAsync(await board.GetAsync($"/gestion/reunions/{id}"), $"/gestion/reunions/{id}/presences", new Dictionary<string, string>
        {
            ["inviteeId"] = (await InviteeIdAsync(id, anne.Id)).ToString(), ["present"] = "false",
        });
        Assert.Equal(4, await portal.WithDbAsync(db => db.MeetingInvitees.CountAsync(i => i.MeetingId == id)));
        Assert.Contains("Anne-Présente", again.Text);

        // Answers: Anne comes, Bruno and Chloé give her their proxy, Denis may not (two proxies is the statutes' limit).
        var anneId = await InviteeIdAsync(id, anne.Id);
        var anneBrowser = await portal.SignedInAsync(anne);
        Assert.Contains("Vous êtes convoqué·e à « Assemblée générale ordinaire »", (await anneBrowser.GetAsync("/espace")).Text);
        Assert.Contains("Votre réponse est enregistrée", (await AnswerAsync(anneBrowser, id, MeetingAnswer.Coming)).Text);
        Assert.DoesNotContain("Vous êtes convoqué·e", (await anneBrowser.GetAsync("/espace")).Text);
        Assert.Contains("Votre réponse est enregistrée", (await AnswerAsync(await portal.SignedInAsync(bruno), id, MeetingAnswer.Proxy, anneId)).Text);
        Assert.Contains("Votre réponse est enregistrée", (await AnswerAsync(await portal.SignedInAsync(chloe), id, MeetingAnswer.Proxy, anneId)).Text);
        var denisBrowser = await portal.SignedInAsync(denis);
        var refused = await AnswerAsync(denisBrowser, id, MeetingAnswer.Proxy, anneId);
        Assert.Contains("détient déjà 2 pouvoirs", refused.ErrorFor("Reply.ProxyHolderId"));
        Assert.Equal(nameof(MeetingAnswer.Proxy), refused.ValueOf("Reply.Answer"));
        var noHolder = await AnswerAsync(denisBrowser, id, MeetingAnswer.Proxy);
        Assert.Contains("Choisissez l'adhérent", noHolder.ErrorFor("Reply.ProxyHolderId"));
        await AnswerAsync(denisBrowser, id, MeetingAnswer.NotComing);
        Assert.Contains("Vous détenez le pouvoir de : Claire Bruno-Pouvoir, Claire Chloé-Pouvoir", (await anneBrowser.GetAsync($"/espace/reunions/{id}")).Text);

        // On the day: Anne's door code, read by a bureau member's phone.
        var code = await portal.WithDbAsync(db => db.MeetingInvitees.Where(i => i.Id == anneId).Select(i => i.AttendanceCode).SingleAsync());
        var scan = await board.GetAsync($"/gestion/reunions/presence/{code}");
        Assert.Contains("Présence : Claire Anne-Présente", scan.Text);
        var manage = await board.SubmitAsync(scan, $"/gestion/reunions/{id}/presences", new Dictionary<string, string>());
        Assert.Contains("Ensemble des convoqués : 3 présent(s) et représenté(s) (1 présent(s), 2 représenté(s)) sur 4 convoqué(s)", manage.Text);
        Assert.Contains("Le quorum est atteint", manage.Text);
        var csv = await board.Http.GetStringAsync($"/gestion/reunions/{id}/presences.csv");
        Assert.Contains("Claire Bruno-Pouvoir;", csv);
        Assert.Contains("Donne pouvoir;Claire Anne-Présente;non", csv);
        var sheet = PdfText.Squeezed(PdfText.All(await board.Http.GetByteArrayAsync($"/gestion/reunions/{id}/emargement.pdf")));
        Assert.Contains(PdfText.Squeezed("Feuille d'émargement"), sheet);
        // Cells wrap over several lines of the table: the words of one cell come interleaved with the next cell's.
        Assert.Contains(PdfText.Squeezed("Convoqués 4"), sheet);
        Assert.Contains(PdfText.Squeezed("Claire Anne-Présente Médecins détient : Claire présent·e"), sheet);
        Assert.Equal(2, sheet.Split(PdfText.Squeezed("donné à Claire")).Length - 1);
        Assert.Contains(PdfText.Squeezed("1 présent(s), 2 représenté(s) sur 4 convoqué(s)"), sheet);

        // The fee resolution's online vote: Anne votes for herself and for each proxy, once each.
        var fees = await MeetingSteps.ResolutionIdAsync(portal, id, 3);
        manage = await board.SubmitAsync(manage, $"/gestion/reunions/{id}/resolutions/{fees}/ouvrir", new Dictionary<string, string>());
        Assert.Contains("Le vote est ouvert", manage.Text);
        var ballotPage = await anneBrowser.GetAsync($"/espace/reunions/{id}");
        Assert.Contains("Pour Claire Bruno-Pouvoir (pouvoir)", ballotPage.Text);
        foreach (var forWhom in new[] { anneId, await InviteeIdAsync(id, bruno.Id), await InviteeIdAsync(id, chloe.Id) })
        {
            var voted = await anneBrowser.PostFromAsync(ballotPage, $"/espace/reunions/{id}/resolutions/{fees}/vote", ("forInviteeId", forWhom.ToString()), ("choice", "For"));
            Assert.Contains("Votre vote est enregistré", voted.Text);
            Assert.DoesNotContain("Adoptée", voted.Text);
        }
        var twice = await anneBrowser.PostFromAsync(ballotPage, $"/espace/reunions/{id}/resolutions/{fees}/vote", ("forInviteeId", anneId.ToString()), ("choice", "Against"));
        Assert.Contains("Vous avez déjà voté sur cette résolution", twice.Text);
        var forOther = await denisBrowser.PostFromAsync(await denisBrowser.GetAsync($"/espace/reunions/{id}"), $"/espace/reunions/{id}/resolutions/{fees}/vote",
            ("forInviteeId", anneId.ToString()), ("choice", "Against"));
        Assert.Contains("Vous ne pouvez pas voter pour cette personne", forOther.Text);
        // Denis said he would not come, but votes online: he counts among those who took part.
        var fromAfar = await denisBrowser.PostFromAsync(forOther, $"/espace/reunions/{id}/resolutions/{fees}/vote",
            ("forInviteeId", (await InviteeIdAsync(id, denis.Id)).ToString()), ("choice", "Against"));
        Assert.Contains("Votre vote est enregistré", fromAfar.Text);

        // The four who took part all voted online: an abstention more counted in the room is a slip, refused.
        manage = await board.SubmitAsync(await board.GetAsync($"/gestion/reunions/{id}"), $"/gestion/reunions/{id}/resolutions/{fees}/clore",
            new Dictionary<string, string> { ["RoomFor"] = "0", ["RoomAgainst"] = "0", ["RoomAbstain"] = "1" });
        Assert.Contains("5 voix pour 4 membre(s) présent(s), représenté(s) ou ayant voté en ligne : vérifiez les décomptes de la salle", manage.Text);
        manage = await board.SubmitAsync(manage, $"/gestion/reunions/{id}/resolutions/{fees}/clore",
            new Dictionary<string, string> { ["RoomFor"] = "0", ["RoomAgainst"] = "0", ["RoomAbstain"] = "0" });
        Assert.Contains("Adoptée : 3 pour, 1 contre, 0 abstention(s) ; 4 membre(s) présents et représentés", manage.Text);
        Assert.Contains("Adoptée : 3 pour, 1 contre, 0 abstention(s)", (await anneBrowser.GetAsync($"/espace/reunions/{id}")).Text);

        manage = await board.SubmitAsync(manage, $"/gestion/reunions/{id}/resolutions/{fees}/appliquer", new Dictionary<string, string>());
        Assert.Contains("Les cotisations de l'année suivante sont mises à jour", manage.Text);
        var nextYear = await portal.WithDbAsync(db => db.MembershipFees.AsNoTracking().Where(f => f.Year == year + 1).ToDictionaryAsync(f => f.Category, f => f.Amount));
        Assert.Equal(25m, nextYear[FeeCategory.Individual]);
        Assert.Equal(60m, nextYear[FeeCategory.Structure]);
        var applyAgain = await board.PostFromAsync(manage, $"/gestion/reunions/{id}/resolutions/{fees}/appliquer");
        Assert.Contains("déjà été appliquée", applyAgain.Text);

        // Secret ballot: the choices' table holds nothing that leads to a person (the collège is filled only for a resolution decided per collège).
        var columns = await portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = 'ballots' ORDER BY column_name").ToListAsync());
        Assert.Equal(["candidate_id", "choice", "college_id", "id", "resolution_id"], columns);
    }

    [Fact]
    public async Task Papers_joined_to_a_meeting_go_with_its_convocation_and_stay_on_the_adherents_page_a_new_file_under_a_title_being_its_next_version()
    {
        var year = 2036;
        var adherent = await AdherentAsync(year, "Papiers-Lectrice");
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member, Roles.Board);
        var (page, id) = await CreateMeetingAsync(board, MeetingForm(new DateOnly(year, 6, 20)));
        var report = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        var notPdf = await board.UploadAsync(page, $"/gestion/reunions/{id}/documents", ("file", "MZ exécutable"u8.ToArray(), "rapport.pdf"), ("title", "Rapport d'activité"));
        Assert.Contains("ni un PDF", notPdf.Text);
        var noTitle = await board.UploadAsync(page, $"/gestion/reunions/{id}/documents", ("file", report, "rapport.pdf"), ("title", " "));
        Assert.Contains("Donnez au document un titre", noTitle.Text);
        page = await board.UploadAsync(page, $"/gestion/reunions/{id}/documents", ("file", report, "rapport-v1.pdf"), ("title", "Rapport d'activité"));
        Assert.Contains("« Rapport d'activité » : version 1 ajoutée", page.Text);
        page = await board.SubmitAsync(page, $"/gestion/reunions/{id}/convoquer", new Dictionary<string, string>());
        var mail = await portal.Smtp.SingleMessageToAsync(adherent.Email!);
        Assert.Contains("Documents de la réunion : « Rapport d'activité »", mail.TextBody);
        var link = MailLinks.PathOf(mail, "/espace/documents/");

        // After the convocation, a corrected file under the same title: version 2, the first kept.
        page = await board.UploadAsync(page, $"/gestion/reunions/{id}/documents", ("file", report, "rapport-v2.pdf"), ("title", "Rapport d'activité"));
        Assert.Contains("version 2 ajoutée", page.Text);
        var reader = await portal.SignedInAsync(adherent);
        var answer = await reader.GetAsync($"/espace/reunions/{id}");
        Assert.Contains("Rapport d'activité (rapport-v2.pdf, version 2)", answer.Text);
        var first = await reader.Http.GetAsync(link);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, await portal.WithDbAsync(db => db.DocumentVersions.CountAsync(v => db.MeetingDocuments.Any(d => d.MeetingId == id && d.DocumentId == v.DocumentId))));
    }

    [Fact]
    public async Task Two_votes_of_one_adherent_sent_at_the_same_instant_count_once()
    {
        var year = 2031;
        var voter = await AdherentAsync(year, "Double-Clic");
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member, Roles.Board);
        var (page, id) = await CreateMeetingAsync(board, MeetingForm(new DateOnly(year, 3, 20), "AG de la course"));
        page = await AddResolutionAsync(board, page, id, "Résolution disputée", MajorityRule.SimpleOfCast);
        page = await board.SubmitAsync(page, $"/gestion/reunions/{id}/convoquer", new Dictionary<string, string>());
        var resolution = await MeetingSteps.ResolutionIdAsync(portal, id, 1);
        await board.SubmitAsync(page, $"/gestion/reunions/{id}/resolutions/{resolution}/ouvrir", new Dictionary<string, string>());
        var me = await InviteeIdAsync(id, voter.Id);

        // Eight tabs of the same person, each with its own session, press « Voter » together.
        var tabs = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var browser = await portal.SignedInAsync(voter);
            return (browser, await browser.GetAsync($"/espace/reunions/{id}"));
        }));
        await Task.WhenAll(tabs.Select(t => t.browser.PostFromAsync(t.Item2, $"/espace/reunions/{id}/resolutions/{resolution}/vote", ("forInviteeId", me.ToString()), ("choice", "For"))));

        Assert.Equal(1, await portal.WithDbAsync(db => db.Ballots.CountAsync(b => b.ResolutionId == resolution)));
        Assert.Equal(1, await portal.WithDbAsync(db => db.BallotCasts.CountAsync(c => c.ResolutionId == resolution)));
    }

    [Fact]
    public async Task Two_proxies_given_at_the_same_instant_to_a_holder_with_one_place_left_are_not_both_accepted()
    {
        var year = 2032;
        var holder = await AdherentAsync(year, "Détenteur");
        var givers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => AdherentAsync(year, $"Donneur-{i}")));
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member, Roles.Board);
        var (page, id) = await CreateMeetingAsync(board, MeetingForm(new DateOnly(year, 3, 20), "AG des pouvoirs"));
        await board.SubmitAsync(page, $"/gestion/reunions/{id}/convoquer", new Dictionary<string, string>());
        var holderId = await InviteeIdAsync(id, holder.Id);

        var browsers = await Task.WhenAll(givers.Select(async g =>
        {
            var browser = await portal.SignedInAsync(g);
            return (browser, await browser.GetAsync($"/espace/reunions/{id}"));
        }));
        await Task.WhenAll(browsers.Select(b => b.browser.SubmitAsync(b.Item2, $"/espace/reunions/{id}", new Dictionary<string, string>
        {
            ["Reply.Answer"] = nameof(MeetingAnswer.Proxy), ["Reply.ProxyHolderId"] = holderId.ToString(),
        })));

        Assert.Equal(2, await portal.WithDbAsync(db => db.MeetingInvitees.CountAsync(i => i.ProxyHolderId == holderId && i.Answer == MeetingAnswer.Proxy)));
    }

    [Fact]
    public async Task An_assembly_too_close_for_the_statutes_notice_is_convened_only_once_the_bureau_confirms_and_a_bureau_meeting_convenes_the_bureau_alone()
    {
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(1)).Date);
        var (board, boardUser) = await portal.SignedInAsync(Roles.Professional, Roles.Member, Roles.Board);
        var rules = await board.FillAsync("/gestion/reunions/regles", new Dictionary<string, string>
        {
            ["AssemblyNoticeDays"] = "30", ["MaxProxies"] = "abc", ["QuorumPercent"] = "150",
        });
        Assert.Contains("n'est pas valide", rules.ErrorFor("MaxProxies") ?? "n'est pas valide");
        Assert.Contains("Entre 0 et 100 %", rules.ErrorFor("QuorumPercent"));
        Assert.Equal("30", rules.ValueOf("AssemblyNoticeDays"));
        rules = await board.FillAsync("/gestion/reunions/regles", new Dictionary<string, string>
        {
            ["AssemblyNoticeDays"] = "15", ["MaxProxies"] = "2", ["QuorumPercent"] = "25",
        });
        Assert.Contains("Les règles des statuts sont enregistrées", rules.Text);

        var soon = today.AddDays(5);
        await AdherentAsync(soon.Year, "Pressé");
        var (page, id) = await CreateMeetingAsync(board, MeetingForm(soon, "AG convoquée tard"));
        Assert.Contains("il manque 10 jour(s)", page.Text, StringComparison.OrdinalIgnoreCase);
        var refused = await board.SubmitAsync(page, $"/gestion/reunions/{id}/convoquer", new Dictionary<string, string>());
        Assert.Contains("cochez la case", refused.Text);
        Assert.Equal(MeetingStatus.Draft, await portal.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        var convened = await board.SubmitAsync(refused, $"/gestion/reunions/{id}/convoquer", new Dictionary<string, string> { ["confirmShortNotice"] = "true" });
        Assert.Contains("Les convocations sont parties", convened.Text);

        await portal.WithDbAsync(async db =>
        {
            db.BureauMandates.Add(new BureauMandate { UserId = boardUser.Id, Title = BureauTitle.President, StartsOn = today.AddYears(-1), CreatedByName = "test" });
            return await db.SaveChangesAsync();
        });
        var form = MeetingForm(new DateOnly(2033, 1, 10), "Bureau de janvier");
        form["Input.Kind"] = nameof(MeetingKind.Board);
        var (boardPage, boardMeeting) = await CreateMeetingAsync(board, form);
        await board.SubmitAsync(boardPage, $"/gestion/reunions/{boardMeeting}/convoquer", new Dictionary<string, string>());
        Assert.Equal([boardUser.Id], await portal.WithDbAsync(db => db.MeetingInvitees.Where(i => i.MeetingId == boardMeeting).Select(i => i.UserId).ToListAsync()));
    }

    [Fact]
    public async Task A_meeting_form_with_bad_input_says_why_next_to_each_field_and_keeps_what_was_typed()
    {
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var form = MeetingForm(new DateOnly(2034, 5, 5));
        form["Input.End"] = "17:00";
        form["Input.Place"] = "";
        form["Input.Title"] = "AG à corriger";
        var page = await board.FillAsync("/gestion/reunions/nouvelle", form);
        Assert.Contains("finir après son début", page.ErrorFor("Input.End"));
        Assert.Contains("lieu ou un lien", page.ErrorFor("Input.Place"));
        Assert.Equal("AG à corriger", page.ValueOf("Input.Title"));
        form["Input.Kind"] = "7";
        Assert.Contains("La valeur « 7 » n'est pas valide", (await board.FillAsync("/gestion/reunions/nouvelle", form)).ErrorFor("Input.Kind"));
    }

    [Fact]
    public async Task An_adherent_sees_only_the_meetings_they_were_convened_to()
    {
        var year = 2035;
        var convened = await AdherentAsync(year, "Convoquée");
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member, Roles.Board);
        var (page, id) = await CreateMeetingAsync(board, MeetingForm(new DateOnly(year, 6, 1), "AG privée"));
        await board.SubmitAsync(page, $"/gestion/reunions/{id}/convoquer", new Dictionary<string, string>());
        var other = await AdherentAsync(2036, "Pas-Convoqué");
        var otherBrowser = await portal.SignedInAsync(other);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await otherBrowser.GetAsync($"/espace/reunions/{id}")).Status);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await otherBrowser.GetAsync($"/espace/reunions/{id}/reunion.ics")).Status);
        Assert.DoesNotContain("AG privée", (await otherBrowser.GetAsync("/espace/reunions")).Text);
        var mine = await (await portal.SignedInAsync(convened)).GetAsync("/espace/reunions");
        Assert.Contains("AG privée", mine.Text);
    }

    [Fact]
    public async Task The_day_before_those_who_come_or_have_not_answered_get_one_reminder_and_those_who_declined_none()
    {
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(1)).Date);
        var tomorrow = today.AddDays(1);
        var coming = await AdherentAsync(tomorrow.Year, "Rappel-Vient");
        var silent = await AdherentAsync(tomorrow.Year, "Rappel-Muet");
        var declined = await AdherentAsync(tomorrow.Year, "Rappel-Absent");
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member, Roles.Board);
        var (page, id) = await CreateMeetingAsync(board, MeetingForm(tomorrow, "AG de demain"));
        await board.SubmitAsync(page, $"/gestion/reunions/{id}/convoquer", new Dictionary<string, string> { ["confirmShortNotice"] = "true" });
        await AnswerAsync(await portal.SignedInAsync(coming), id, MeetingAnswer.Coming);
        await AnswerAsync(await portal.SignedInAsync(declined), id, MeetingAnswer.NotComing);

        string Run()
        {
            using var scope = portal.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<Web.Features.Meetings.MeetingReminders>().RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        Task<int> RemindersTo(AppUser user) => portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == user.Email && m.Subject!.StartsWith("Rappel : AG de demain")));

        // Two days ahead nothing is due; the evening before, it is.
        portal.Clock.Advance(TimeSpan.FromHours(-24));
        try
        {
            Run();
            Assert.Equal(0, await RemindersTo(coming));
        }
        finally
        {
            portal.Clock.Reset();
        }
        portal.Clock.Advance(ParisTime.FromParis(tomorrow, new TimeOnly(8, 0)) - portal.Clock.GetUtcNow());
        try
        {
            Run();
            Run();
        }
        finally
        {
            portal.Clock.Reset();
        }
        Assert.Equal(1, await RemindersTo(coming));
        Assert.Equal(1, await RemindersTo(silent));
        Assert.Equal(0, await RemindersTo(declined));
        // Queued at the travelled instant, the reminder waits in the outbox for it: read as it will leave.
        var mime = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == silent.Email && m.Subject!.StartsWith("Rappel")).Select(m => m.Mime).SingleAsync());
        using var mail = MimeKit.MimeMessage.Load(new MemoryStream(mime!));
        Assert.Contains("Vous n'avez pas encore répondu", mail.TextBody);
        Assert.Contains(mail.Attachments, a => a.ContentType.MimeType == "text/calendar");
    }

    [Theory]
    [InlineData(MajorityRule.SimpleOfCast, 5, 5, 20, false)]
    [InlineData(MajorityRule.SimpleOfCast, 6, 5, 20, true)]
    [InlineData(MajorityRule.TwoThirdsOfCast, 10, 5, 20, true)]
    [InlineData(MajorityRule.TwoThirdsOfCast, 9, 5, 20, false)]
    [InlineData(MajorityRule.TwoThirdsOfCast, 0, 0, 20, false)]
    [InlineData(MajorityRule.SimpleOfRepresented, 10, 0, 20, false)]
    [InlineData(MajorityRule.SimpleOfRepresented, 11, 0, 20, true)]
    [InlineData(MajorityRule.TwoThirdsOfRepresented, 13, 0, 20, false)]
    [InlineData(MajorityRule.TwoThirdsOfRepresented, 14, 0, 21, true)]
    public void A_resolution_is_adopted_by_its_own_majority_rule(MajorityRule rule, int votesFor, int votesAgainst, int represented, bool adopted) =>
        Assert.Equal(adopted, Web.Features.Meetings.MeetingVotes.Adopted(rule, votesFor, votesAgainst, represented));
}
