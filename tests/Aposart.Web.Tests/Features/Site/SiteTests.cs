using System.Net;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Site;

public sealed class SiteTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Message(string subject) => new()
    {
        ["Input.Name"] = "Jeanne Martin", ["Input.Email"] = "jeanne.martin@exemple.fr", ["Input.Phone"] = "06 12 34 56 78", ["Input.Subject"] = subject,
        ["Input.Body"] = "Bonjour,\n\nNotre association de patients aimerait présenter ses actions à la CPTS.\n\nCordialement.",
    };

    [Fact]
    public async Task The_contact_form_keeps_the_message_and_mails_it_to_the_cpts_and_a_robot_filling_the_hidden_field_gets_nowhere()
    {
        var visitor = portal.NewBrowser();
        var sent = await visitor.FillAsync("/contact", Message("Partenariat avec une association de patients"));
        Assert.Contains("Merci, votre message a bien été envoyé.", sent.Text);
        var stored = await portal.WithDbAsync(db => db.ContactMessages.SingleAsync(m => m.Subject == "Partenariat avec une association de patients"));
        Assert.Equal(("Jeanne Martin", "jeanne.martin@exemple.fr"), (stored.Name, stored.Email));
        var mail = Assert.Single(await portal.Smtp.MessagesToAsync("contact@demo.aposart.fr", where: m => m.Subject == "[Contact] Partenariat avec une association de patients"));
        Assert.Contains("jeanne.martin@exemple.fr", mail.TextBody);
        Assert.Contains("Notre association de patients", mail.TextBody);

        var robot = Message("Gagnez un iPhone");
        robot["Input.Website"] = "http://spam.example";
        Assert.Contains("Merci, votre message a bien été envoyé.", (await visitor.FillAsync("/contact", robot)).Text);
        Assert.False(await portal.WithDbAsync(db => db.ContactMessages.AnyAsync(m => m.Subject == "Gagnez un iPhone")));

        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var list = await coordinator.GetAsync("/gestion/contact");
        Assert.Contains("Partenariat avec une association de patients", list.Text);
        var (member, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        Assert.True((await member.GetAsync("/gestion/contact")).IsRefused);

        // Until someone marks it handled, the message waits on the coordination's home; then it leaves the list to handle.
        Assert.Contains("message(s) du formulaire de contact à traiter", (await coordinator.GetAsync("/espace")).Text);
        var handled = await coordinator.SubmitAsync(list, $"/gestion/contact/{stored.Id}/traite", new Dictionary<string, string>());
        Assert.Contains("Message marqué comme traité.", handled.Text);
        Assert.DoesNotContain("Partenariat avec une association de patients", handled.Text);
        Assert.Contains("Partenariat avec une association de patients", (await coordinator.GetAsync("/gestion/contact?tous=true")).Text);
        Assert.DoesNotContain("formulaire de contact à traiter", (await coordinator.GetAsync("/espace")).Text);
        var again = await coordinator.PostFromAsync(list, $"/gestion/contact/{stored.Id}/traite");
        Assert.Contains("Ce message était déjà traité.", again.Text);
    }

    [Fact]
    public async Task A_bad_contact_message_is_explained_next_to_each_field_and_kept()
    {
        var visitor = portal.NewBrowser();
        var bad = await visitor.FillAsync("/contact", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Email"] = "pas-une-adresse", ["Input.Phone"] = "appelez-moi", ["Input.Subject"] = new string('x', 250), ["Input.Body"] = "Court",
        });
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.NotNull(bad.ErrorFor("Input.Name"));
        Assert.NotNull(bad.ErrorFor("Input.Email"));
        Assert.NotNull(bad.ErrorFor("Input.Phone"));
        Assert.Contains("200 caractères", bad.ErrorFor("Input.Subject"));
        Assert.Contains("Entre 10 et 5 000", bad.ErrorFor("Input.Body"));
        Assert.Equal("pas-une-adresse", bad.ValueOf("Input.Email"));
        Assert.Equal("Court", bad.ValueOf("Input.Body"));
    }

    [Fact]
    public async Task Legal_pages_sitemap_and_robots_are_served_and_every_page_has_a_title_and_a_description()
    {
        var visitor = portal.NewBrowser();
        foreach (var (path, heading) in new[] { ("/mentions-legales", "Mentions légales"), ("/confidentialite", "Vos données personnelles"), ("/accessibilite", "Déclaration d'accessibilité"),
            ("/", "APOSART"), ("/vaccination", "Se faire vacciner"), ("/contact", "Nous écrire") })
        {
            var page = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(heading, page.Find("h1")!.TextContent);
            Assert.False(string.IsNullOrWhiteSpace(page.Document.Title), path);
            Assert.False(string.IsNullOrWhiteSpace(page.Find("meta[name='description']")?.GetAttribute("content")), path);
        }
        var robots = await visitor.Http.GetStringAsync("/robots.txt");
        Assert.Contains("Disallow: /gestion/", robots);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
        var sitemap = await visitor.Http.GetAsync("/sitemap.xml");
        Assert.Equal("application/xml", sitemap.Content.Headers.ContentType?.MediaType);
        var xml = System.Xml.Linq.XDocument.Parse(await sitemap.Content.ReadAsStringAsync());
        var urls = xml.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains("http://localhost/vaccination", urls);
        Assert.Contains("http://localhost/mentions-legales", urls);
        Assert.DoesNotContain(urls, u => u.Contains("/gestion/", StringComparison.Ordinal));
    }
}

/// <summary>A portal whose contact form takes two messages an hour per address, to see the limit answer.</summary>
public sealed class ContactLimitPortal : PortalFactory
{
    public ContactLimitPortal() => With("RateLimits:ContactPermitLimit", "2");
}

public sealed class ContactLimitTests(ContactLimitPortal portal) : IClassFixture<ContactLimitPortal>
{
    [Fact]
    public async Task The_contact_form_is_rate_limited()
    {
        var visitor = portal.NewBrowser();
        var page = await visitor.GetAsync("/contact");
        var fields = new Dictionary<string, string> { ["Input.Name"] = "Robot", ["Input.Email"] = "robot@exemple.fr", ["Input.Subject"] = "Encore", ["Input.Body"] = "Un message de plus." };
        Assert.Contains("Merci", (await visitor.SubmitAsync(page, "/contact", fields)).Text);
        Assert.Contains("Merci", (await visitor.SubmitAsync(page, "/contact", fields)).Text);
        var third = await visitor.SubmitAsync(page, "/contact", fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal(2, await portal.WithDbAsync(db => db.ContactMessages.CountAsync(m => m.Subject == "Encore")));
    }
}
