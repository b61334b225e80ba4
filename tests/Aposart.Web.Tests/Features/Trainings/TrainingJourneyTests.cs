using System.Net;
using System.Text.RegularExpressions;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Aposart.Web.Tests.Features.Trainings;

public sealed partial class TrainingJourneyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string Spaces(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');

    [Fact]
    public async Task Two_seats_three_members_one_cancels_the_waitlisted_is_promoted_then_attendance_pdfs_and_survey_results()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var id = await TrainingSteps.CreateAsync(portal, coordinator, TrainingSteps.Training(portal, "Plaies chroniques en ville"));
        var (a, aUser, aId) = await TrainingSteps.MemberAsync(portal, "Arnaud");
        var (b, bUser, _) = await TrainingSteps.MemberAsync(portal, "Bernier");
        var (c, cUser, cId) = await TrainingSteps.MemberAsync(portal, "Collin");

        Assert.Contains("Inscription confirmée", (await TrainingSteps.RegisterAsync(a, id)).Text);
        var confirmation = (await portal.Smtp.MessagesToAsync(aUser.Email!)).Single(m => (m.Subject ?? "").Contains("Inscription confirmée", StringComparison.Ordinal));
        var ics = confirmation.Attachments.OfType<MimePart>().Single();
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        using (var content = new MemoryStream())
        {
            await ics.Content!.DecodeToAsync(content);
            var text = System.Text.Encoding.UTF8.GetString(content.ToArray());
            Assert.Contains("BEGIN:VEVENT", text);
            Assert.Contains("SUMMARY:Plaies chroniques en ville", text);
        }
        Assert.Contains("Inscription confirmée", (await TrainingSteps.RegisterAsync(b, id)).Text);
        var third = await TrainingSteps.RegisterAsync(c, id);
        Assert.Contains("liste d'attente, en position 1", third.Text);
        Assert.Contains(await portal.Smtp.MessagesToAsync(cUser.Email!), m => (m.Subject ?? "").Contains("Liste d'attente", StringComparison.Ordinal));
        Assert.Contains("Complète", (await coordinator.GetAsync("/gestion/formations")).Text);

        var cancelled = await b.SubmitAsync(await b.GetAsync($"/formations/{id}"), $"/formations/{id}/desinscription", new Dictionary<string, string>());
        Assert.Contains("Désinscription enregistrée", cancelled.Text);
        var promotion = (await portal.Smtp.MessagesToAsync(cUser.Email!, 2)).Single(m => (m.Subject ?? "").Contains("Une place s'est libérée", StringComparison.Ordinal));
        Assert.Single(promotion.Attachments);
        Assert.Contains("Vous êtes inscrit", (await c.GetAsync($"/formations/{id}")).Text);
        Assert.Contains(await portal.Smtp.MessagesToAsync(bUser.Email!, 2), m => (m.Subject ?? "").Contains("Désinscription", StringComparison.Ordinal));

        var sessionId = await portal.WithDbAsync(db => db.TrainingSessions.Where(s => s.TrainingId == id).Select(s => s.Id).SingleAsync());
        var manage = await coordinator.GetAsync($"/gestion/formations/{id}");
        var marked = await coordinator.SubmitAsync(manage, $"/gestion/formations/{id}/seances/{sessionId}/presences", new Dictionary<string, string> { ["present"] = aId.ToString() });
        Assert.Contains("1 présent(s) sur 2 inscrit(s)", marked.Text);

        var sheet = PdfText.All(await coordinator.Http.GetByteArrayAsync($"/gestion/formations/{id}/seances/{sessionId}/emargement.pdf"));
        Assert.Contains("Feuille d'émargement", sheet);
        Assert.Contains("ARNAUD", sheet);
        Assert.Contains("COLLIN", sheet);
        Assert.DoesNotContain("BERNIER", sheet);
        Assert.Contains("Signature", sheet);
        var certificate = PdfText.All(await coordinator.Http.GetByteArrayAsync($"/gestion/formations/{id}/attestations/{aId}.pdf"));
        Assert.Contains("Attestation de présence", certificate);
        Assert.Contains("Hélène Arnaud", certificate);
        Assert.Contains("Plaies chroniques en ville", certificate);
        Assert.Contains("2,5 heure(s)", certificate);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Http.GetAsync($"/gestion/formations/{id}/attestations/{cId}.pdf")).StatusCode);
        Assert.NotNull((await a.GetAsync("/espace/formations")).Find($"a[href='/espace/formations/{id}/attestation.pdf']"));
        Assert.Equal(HttpStatusCode.OK, (await a.Http.GetAsync($"/espace/formations/{id}/attestation.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.Http.GetAsync($"/espace/formations/{id}/attestation.pdf")).StatusCode);

        var sent = await coordinator.SubmitAsync(await coordinator.GetAsync($"/gestion/formations/{id}"), $"/gestion/formations/{id}/questionnaire", new Dictionary<string, string>());
        Assert.Contains("Questionnaire envoyé à 1 participant(s)", sent.Text);
        var surveyMail = (await portal.Smtp.MessagesToAsync(aUser.Email!, 2)).Single(m => (m.Subject ?? "").Contains("Votre avis", StringComparison.Ordinal));
        var link = SurveyLink().Match(surveyMail.TextBody ?? "").Value;
        Assert.DoesNotContain(await portal.Smtp.MessagesToAsync(cUser.Email!, 2), m => (m.Subject ?? "").Contains("Votre avis", StringComparison.Ordinal));

        var stranger = portal.NewBrowser();
        var bad = await stranger.FillAsync(link, new Dictionary<string, string> { ["Input.Content"] = "9", ["Input.Comment"] = "Très concret, merci." });
        Assert.Contains("note de 1 à 5", bad.ErrorFor("Input.Content"));
        Assert.Contains("note de 1 à 5", bad.ErrorFor("Input.Trainer"));
        Assert.Equal("Très concret, merci.", bad.ValueOf("Input.Comment"));
        var answered = await stranger.SubmitAsync(bad, link, new Dictionary<string, string>
        {
            ["Input.Content"] = "5", ["Input.Trainer"] = "4", ["Input.Organisation"] = "3", ["Input.Usefulness"] = "5",
        });
        Assert.Contains("Votre avis est enregistré", answered.Text);
        var again = await stranger.SubmitAsync(bad, link, new Dictionary<string, string>
        {
            ["Input.Content"] = "1", ["Input.Trainer"] = "1", ["Input.Organisation"] = "1", ["Input.Usefulness"] = "1",
        });
        Assert.Contains("déjà répondu", again.Text);
        Assert.Contains("pas valable", (await stranger.GetAsync("/formations/questionnaire/" + new string('0', 48))).Text);
        Assert.Equal(1, await portal.WithDbAsync(db => db.SurveyAnswers.CountAsync(x => x.TrainingId == id)));

        var results = await coordinator.GetAsync($"/gestion/formations/{id}");
        var table = Spaces(results.Find("#satisfaction")!.ParentElement!.TextContent);
        Assert.Contains("1 réponse(s)", table);
        var firstRow = results.Find("#satisfaction")!.ParentElement!.QuerySelector("tbody tr")!;
        Assert.Equal(("Contenu", "5,0"), (firstRow.QuerySelector("th")!.TextContent, firstRow.QuerySelector("td")!.TextContent));
        Assert.Contains("Très concret, merci.", table);
        Assert.DoesNotContain("Arnaud", table);
        var surveyItem = await portal.WithDbAsync(db => db.TrainingChecklistItems.SingleAsync(i => i.TrainingId == id && i.Label == "Questionnaire de satisfaction envoyé"));
        Assert.NotNull(surveyItem.DoneAt);
    }

    [Fact]
    public async Task A_published_training_shows_in_the_month_calendar_the_list_and_both_calendar_feeds()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var fields = TrainingSteps.Training(portal, "Repérage de la crise suicidaire", inDays: 40);
        fields["Input.Sessions[1].Date"] = TrainingSteps.InDays(portal, 47).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        fields["Input.Sessions[1].Start"] = "09:00";
        fields["Input.Sessions[1].End"] = "12:30";
        fields["Input.Sessions[1].RemoteUrl"] = "https://visio.exemple.fr/crise";
        fields["Input.TargetProfessions"] = nameof(Profession.Nurse);
        var id = await TrainingSteps.CreateAsync(portal, coordinator, fields);
        var draft = TrainingSteps.Training(portal, "Projet pas encore publié", inDays: 40);
        draft["Input.Status"] = nameof(TrainingStatus.Draft);
        await TrainingSteps.CreateAsync(portal, coordinator, draft);

        var month = TrainingSteps.InDays(portal, 40).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var visitor = portal.NewBrowser();
        var calendar = await visitor.GetAsync($"/formations?mois={month}");
        Assert.NotNull(calendar.Find($".calendar-month a[href='/formations/{id}']"));
        Assert.Contains("2 séances", calendar.Find("#a-venir")!.ParentElement!.TextContent);
        Assert.DoesNotContain("Projet pas encore publié", calendar.Text);
        Assert.Contains("Repérage de la crise suicidaire", (await visitor.GetAsync("/formations?profession=Nurse")).Text);
        Assert.DoesNotContain("Repérage de la crise suicidaire", (await visitor.GetAsync("/formations?profession=Pharmacist")).Text);

        var page = await visitor.GetAsync($"/formations/{id}");
        Assert.NotNull(page.Find("strong:contains('plaies chroniques')"));
        Assert.Contains("Se connecter pour s'inscrire", page.Text);
        var feed = await visitor.Http.GetAsync($"/formations/{id}.ics");
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var one = await feed.Content.ReadAsStringAsync();
        Assert.Equal(2, Regex.Matches(one, "BEGIN:VEVENT").Count);
        Assert.Contains("(séance 2/2)", one);
        Assert.Matches(@"DTSTART:\d{8}T\d{6}Z", one);
        var all = await visitor.Http.GetStringAsync("/formations.ics");
        Assert.Contains("Repérage de la crise suicidaire", all);
        Assert.DoesNotContain("Projet pas encore publié", all);
    }

    [GeneratedRegex(@"/formations/questionnaire/[0-9a-f]+")]
    private static partial Regex SurveyLink();
}
