using System.Net;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Adhesion;

public sealed class AdhesionJourneyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Professional_joins_is_approved_pays_downloads_receipt_and_certificate_and_appears_in_the_directory()
    {
        var (member, user, membershipId) = await Steps.ApplicantAsync(portal, "Quémener");
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member, Roles.Board);

        var queue = await board.GetAsync("/gestion/adhesions");
        Assert.Contains("Quémener", queue.Text);

        var approved = await Steps.DecideAsync(board, membershipId, "valider");
        Assert.Contains("Validée – cotisation due", approved.Find("#statut-adhesion")!.TextContent);
        var approvalMail = (await portal.Smtp.MessagesToAsync(user.Email!)).Single(m => (m.Subject ?? "").Contains("validée", StringComparison.Ordinal));
        Assert.Contains("20,00 €", approvalMail.TextBody);

        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var payment = await Steps.RecordPaymentAsync(coordinator, "20,00", membershipId);
        Assert.Contains("Paiement enregistré", payment.Text);
        var receiptNumber = payment.Find("h1")!.TextContent.Replace("Reçu ", "", StringComparison.Ordinal).Trim();
        Assert.Matches(@"^\d{4}-R-\d{4}$", receiptNumber);

        // The member now holds the Adherent role: a fresh sign-in carries it.
        await member.LogOutAsync();
        await member.LogInAsync(user.Email!, PortalFactory.Password);
        var space = await member.GetAsync("/espace/adhesion");
        Assert.Contains("À jour", space.Find("#statut-adhesion")!.TextContent);
        var receiptLink = space.Find("a[href^='/espace/adhesion/recus/']")!.GetAttribute("href")!;
        var certificateLink = space.Find("a[href^='/espace/adhesion/attestations/']")!.GetAttribute("href")!;

        var receipt = await member.Http.GetAsync(receiptLink);
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType!.MediaType);
        var receiptText = PdfText.All(await receipt.Content.ReadAsByteArrayAsync());
        Assert.Contains($"Reçu de cotisation n° {receiptNumber}", receiptText);
        Assert.Contains("Dr Hélène Quémener", receiptText);
        Assert.Contains("20,00 €", receiptText);

        var certificate = await member.Http.GetAsync(certificateLink);
        var certificateText = PdfText.All(await certificate.Content.ReadAsByteArrayAsync());
        Assert.Contains("Attestation d'adhésion", certificateText);
        Assert.Contains("Hélène Quémener", certificateText);
        Assert.Matches(@"\d{4}-A-\d{4}", certificateText);

        var members = await member.GetAsync("/espace/annuaire?q=Quémener");
        Assert.Equal(HttpStatusCode.OK, members.Status);

        // In the public directory: the consented fields, and nothing else.
        var anonymous = portal.NewBrowser();
        var list = await anonymous.GetAsync("/annuaire?q=Quémener");
        var entryLink = list.Find("a[href^='/annuaire/']:not([href^='/annuaire/structures'])")!.GetAttribute("href")!;
        var entry = await anonymous.GetAsync(entryLink);
        Assert.Contains("Dr Hélène Quémener", entry.Text);
        Assert.Contains("12 rue du Général de Gaulle", entry.Text);
        Assert.NotNull(entry.Find("a[href^='https://rdv.exemple.fr/']"));
        Assert.DoesNotContain(user.Email!, entry.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(".mss@", entry.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("01 34 83 00 00", entry.Text);

        var history = await board.GetAsync($"/gestion/adhesions/{membershipId}");
        Assert.Contains("Demande d'adhésion envoyée", history.Text);
        Assert.Contains("Adhésion validée par le bureau", history.Text);
        Assert.Contains($"Reçu {receiptNumber}", history.Text);
    }

    [Fact]
    public async Task Submitting_the_adhesion_twice_or_from_two_tabs_creates_one_application()
    {
        var (browser, user) = await portal.SignedInAsync(Roles.Professional);
        await Steps.FillProfileAsync(browser, Steps.Profile(user.Email!, "Doublon"));
        var tab1 = await browser.GetAsync("/espace/adhesion");
        var tab2 = await browser.GetAsync("/espace/adhesion");
        var college = tab1.Document.QuerySelector("select[name='Input.CollegeId'] option[value]:not([value=''])")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string>
        {
            ["Input.CollegeId"] = college,
            ["Input.FeeCategory"] = nameof(FeeCategory.Individual),
            ["Input.PaymentMethod"] = nameof(PaymentMethod.Transfer),
            ["Input.AcceptStatutes"] = "true",
        };
        var results = await Task.WhenAll(browser.SubmitAsync(tab1, "/espace/adhesion", fields), browser.SubmitAsync(tab2, "/espace/adhesion", fields));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        await browser.SubmitAsync(tab1, "/espace/adhesion", fields);

        var count = await portal.WithDbAsync(db => db.Memberships.CountAsync(m => m.Professional!.UserId == user.Id));
        Assert.Equal(1, count);
        var events = await portal.WithDbAsync(db => db.MembershipEvents.CountAsync(e => db.Memberships.Any(m => m.Id == e.MembershipId && m.Professional!.UserId == user.Id)));
        Assert.Equal(1, events);
    }

    [Fact]
    public async Task Applying_without_a_choice_shows_french_messages_and_keeps_the_comment()
    {
        var (browser, user) = await portal.SignedInAsync(Roles.Professional);
        await Steps.FillProfileAsync(browser, Steps.Profile(user.Email!, "Oubli"));
        var page = await browser.FillAsync("/espace/adhesion", new Dictionary<string, string> { ["Input.Comment"] = "Je rejoins le groupe plaies." });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.ErrorFor("Input.CollegeId"));
        Assert.NotNull(page.ErrorFor("Input.FeeCategory"));
        Assert.NotNull(page.ErrorFor("Input.PaymentMethod"));
        Assert.Contains("statuts", page.ErrorFor("Input.AcceptStatutes"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Je rejoins le groupe plaies.", page.ValueOf("Input.Comment"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Memberships.CountAsync(m => m.Professional!.UserId == user.Id)));
    }

    [Fact]
    public async Task Applying_without_a_directory_record_asks_to_fill_it_first()
    {
        var (browser, _) = await portal.SignedInAsync(Roles.Professional);
        var page = await browser.GetAsync("/espace/adhesion");
        Assert.NotNull(page.Find("a[href='/espace/profil']"));
        Assert.Null(page.Find("form[action='/espace/adhesion']"));
    }

    [Fact]
    public async Task Rejection_needs_a_reason_which_is_mailed_to_the_professional()
    {
        var (_, user, membershipId) = await Steps.ApplicantAsync(portal, "Refusé");
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);

        var withoutReason = await Steps.DecideAsync(board, membershipId, "refuser", "   ");
        Assert.Contains("Indiquez le motif", withoutReason.Text);
        Assert.Contains("En attente de validation", withoutReason.Find("#statut-adhesion")!.TextContent);

        var rejected = await Steps.DecideAsync(board, membershipId, "refuser", "Vous n'exercez pas sur le territoire.");
        Assert.Contains("Refusée", rejected.Find("#statut-adhesion")!.TextContent);
        var mail = (await portal.Smtp.MessagesToAsync(user.Email!)).Single();
        Assert.Contains("Vous n'exercez pas sur le territoire.", mail.TextBody);
    }

    [Fact]
    public async Task Information_request_lets_the_professional_complete_and_resubmit()
    {
        var (member, user, membershipId) = await Steps.ApplicantAsync(portal, "Complément");
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        await Steps.DecideAsync(board, membershipId, "complement", "Précisez votre lieu d'exercice principal.");
        Assert.Contains("Précisez votre lieu", (await portal.Smtp.MessagesToAsync(user.Email!)).Single().TextBody);

        var page = await member.GetAsync("/espace/adhesion");
        Assert.Contains("Précisez votre lieu d'exercice principal.", page.Text);
        var resubmitted = await Steps.ApplyAsync(member);
        Assert.Contains("En attente de validation", resubmitted.Find("#statut-adhesion")!.TextContent);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Memberships.CountAsync(m => m.Id == membershipId)));
    }

    [Fact]
    public async Task A_decision_made_on_a_stale_page_is_refused_with_a_message()
    {
        var (_, _, membershipId) = await Steps.ApplicantAsync(portal, "Concurrence");
        var (board1, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var (board2, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var stale = await board2.GetAsync($"/gestion/adhesions/{membershipId}");

        await Steps.DecideAsync(board1, membershipId, "valider");
        var second = await board2.SubmitAsync(stale, $"/gestion/adhesions/{membershipId}/refuser", new Dictionary<string, string> { ["Message"] = "Non." });
        Assert.Contains("a changé entre-temps", second.Text);
        Assert.Contains("Validée – cotisation due", second.Find("#statut-adhesion")!.TextContent);
    }

    [Fact]
    public async Task One_payment_covers_several_members_and_the_same_form_sent_twice_records_it_once()
    {
        var (_, _, first) = await Steps.ApplicantAsync(portal, "Structure-un");
        var (_, _, second) = await Steps.ApplicantAsync(portal, "Structure-deux");
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        await Steps.DecideAsync(board, first, "valider");
        await Steps.DecideAsync(board, second, "valider");

        var wrongAmount = await Steps.RecordPaymentAsync(board, "25", first, second);
        Assert.Contains("ne correspond pas au total dû", wrongAmount.ErrorFor("Input.Amount"));
        Assert.Equal("25", wrongAmount.ValueOf("Input.Amount"));
        Assert.Equal("0001234", wrongAmount.ValueOf("Input.Reference"));

        var form = await board.GetAsync("/gestion/paiements/nouveau");
        var formId = form.Document.QuerySelector("input[name='Input.FormId']")!.GetAttribute("value")!;
        var token = form.Document.QuerySelector("form[action='/gestion/paiements/nouveau'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        List<KeyValuePair<string, string>> values =
        [
            new("__RequestVerificationToken", token), new("Input.FormId", formId), new("Input.PaidOn", "2026-03-02"), new("Input.Amount", "40,00 €"),
            new("Input.Method", nameof(PaymentMethod.Transfer)), new("Input.PayerName", "MSP des Étangs"),
            new("Input.MembershipIds", first.ToString()), new("Input.MembershipIds", second.ToString()),
        ];
        var sent = await Task.WhenAll(board.PostAsync("/gestion/paiements/nouveau", values), board.PostAsync("/gestion/paiements/nouveau", values));
        Assert.All(sent, page => Assert.Equal(HttpStatusCode.OK, page.Status));

        var payments = await portal.WithDbAsync(db => db.Payments.Include(p => p.Allocations).Where(p => p.PayerName == "MSP des Étangs").ToListAsync());
        var payment = Assert.Single(payments);
        Assert.Equal(40m, payment.Amount);
        Assert.Equal(2, payment.Allocations.Count);
        var statuses = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == first || m.Id == second).Select(m => m.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(MembershipStatus.UpToDate, s));
    }

    [Fact]
    public async Task Receipt_and_certificate_numbers_follow_each_other_within_the_year()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await Steps.ApplicantAsync(portal, $"Suite{i}")).MembershipId);
        }
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        foreach (var id in ids)
        {
            await Steps.DecideAsync(coordinator, id, "valider");
            await Steps.RecordPaymentAsync(coordinator, "20", id);
        }
        var numbers = await portal.WithDbAsync(db => db.Payments.Select(p => p.ReceiptNumber).ToListAsync());
        var sequence = numbers.Select(n => int.Parse(n[^4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(sequence[0], sequence.Count), sequence);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }
}
