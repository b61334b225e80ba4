using System.Globalization;
using System.Net;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.News;

public sealed class NewsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToParis().DateTime);

    private static readonly byte[] Png =
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private async Task<(HttpStatusCode Status, string Html)> WriteAsync(Browser coordinator, string title, bool published, DateOnly on, (string Name, byte[] Content)? image = null)
    {
        var page = await coordinator.GetAsync("/gestion/actualites/nouvelle");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(page.Token), "__RequestVerificationToken" }, { new StringContent(title), "Input.Title" },
            { new StringContent("Un résumé de l'article."), "Input.Summary" }, { new StringContent("## Intertitre\n\nLe **texte** de l'article."), "Input.Body" },
            { new StringContent(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "Input.PublishedOn" }, { new StringContent(published ? "true" : "false"), "Input.Published" },
            { new StringContent("Une image d'essai"), "Input.ImageAlt" },
        };
        if (image is { } i)
        {
            form.Add(new ByteArrayContent(i.Content), "image", i.Name);
        }
        var response = await coordinator.Http.PostAsync("/gestion/actualites/nouvelle", form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private Task<Guid> IdAsync(string title) => portal.WithDbAsync(db => db.Articles.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task Published_articles_are_public_and_paged_drafts_and_future_ones_stay_hidden_an_image_is_checked_by_its_content()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        Assert.Contains("Article publié.", (await WriteAsync(coordinator, "Ouverture du centre de vaccination", true, Today, ("affiche.png", Png))).Html);
        Assert.Contains("Article enregistré en brouillon : il n'est pas visible du public.", (await WriteAsync(coordinator, "Brouillon en cours", false, Today)).Html);
        Assert.Contains("Article publié.", (await WriteAsync(coordinator, "Annonce de la semaine prochaine", true, Today.AddDays(7))).Html);
        for (var i = 0; i < 10; i++)
        {
            Assert.Contains("Article publié.", (await WriteAsync(coordinator, $"Ancienne nouvelle {i}", true, Today.AddDays(-30 - i))).Html);
        }

        var visitor = portal.NewBrowser();
        var list = await visitor.GetAsync("/actualites");
        Assert.Contains("Ouverture du centre de vaccination", list.Text);
        Assert.DoesNotContain("Brouillon en cours", list.Text);
        Assert.DoesNotContain("Annonce de la semaine prochaine", list.Text);
        Assert.DoesNotContain("Ancienne nouvelle 9", list.Text);
        Assert.Contains("Ancienne nouvelle 9", (await visitor.GetAsync("/actualites?page=2")).Text);
        Assert.Contains("Ouverture du centre de vaccination", (await visitor.GetAsync("/")).Text);

        var published = await IdAsync("Ouverture du centre de vaccination");
        var article = await visitor.GetAsync($"/actualites/{published}");
        Assert.Contains("Le texte de l'article.", article.Text);
        Assert.NotNull(article.Find("h2"));
        Assert.Equal("Une image d'essai", article.Find($"img[src='/actualites/{published}/image']")!.GetAttribute("alt"));
        var image = await visitor.Http.GetAsync($"/actualites/{published}/image");
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());

        var draft = await IdAsync("Brouillon en cours");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/actualites/{draft}")).Status);
        Assert.Contains("Brouillon", (await coordinator.GetAsync($"/actualites/{draft}")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/actualites/{await IdAsync("Annonce de la semaine prochaine")}")).Status);

        // A program renamed as a picture is refused, and what was typed stays.
        var (status, html) = await WriteAsync(coordinator, "Article avec un faux fichier", true, Today, ("photo.png", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("n'est pas une image PNG, JPEG ou WebP", html);
        Assert.Contains("value=\"Article avec un faux fichier\"", html);
        Assert.False(await portal.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "Article avec un faux fichier")));
        Assert.Contains("dépasse 1 Mo", (await WriteAsync(coordinator, "Trop lourd", true, Today, ("grande.png", [.. Png, .. new byte[1024 * 1024]]))).Html);
    }

    [Fact]
    public async Task Only_the_bureau_and_coordination_write_and_bad_input_is_explained()
    {
        var (member, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        Assert.True((await member.GetAsync("/gestion/actualites")).IsRefused);
        Assert.True((await member.GetAsync("/gestion/actualites/nouvelle")).IsRefused);

        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var bad = await board.FillAsync("/gestion/actualites/nouvelle", new Dictionary<string, string>
        {
            ["Input.Title"] = "", ["Input.Summary"] = new string('r', 600), ["Input.Body"] = "", ["Input.PublishedOn"] = "2026-02-31",
        });
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.NotNull(bad.ErrorFor("Input.Title"));
        Assert.Contains("500 caractères", bad.ErrorFor("Input.Summary"));
        Assert.NotNull(bad.ErrorFor("Input.Body"));
        Assert.NotNull(bad.ErrorFor("Input.PublishedOn"));
        Assert.Equal(HttpStatusCode.NotFound, (await portal.NewBrowser().GetAsync($"/actualites/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await portal.NewBrowser().GetAsync("/actualites?page=-3")).Status);
    }
}
