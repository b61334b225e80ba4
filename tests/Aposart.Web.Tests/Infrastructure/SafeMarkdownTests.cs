using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Support;

namespace Aposart.Web.Tests.Infrastructure;

public sealed class SafeMarkdownTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](java&#x73;cript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    public void A_link_with_a_scheme_other_than_web_mail_or_telephone_is_not_rendered_as_a_link(string markdown)
    {
        var html = SafeMarkdown.Html(markdown);
        // The text may stay, as text; no link or image may point to the script.
        Assert.DoesNotMatch(@"(href|src)\s*=\s*[""']?\s*(javascript|vbscript|data|java&)", html.ToLowerInvariant());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Web_mail_and_telephone_links_stay_links()
    {
        var html = SafeMarkdown.Html("[site](https://exemple.fr/a) [courriel](mailto:contact@exemple.fr) [tél](tel:+33130000000) [http](http://exemple.fr)");
        Assert.Contains("href=\"https://exemple.fr/a\"", html);
        Assert.Contains("href=\"mailto:contact@exemple.fr\"", html);
        Assert.Contains("href=\"tel:+33130000000\"", html);
        Assert.Contains("href=\"http://exemple.fr\"", html);
    }

    [Fact]
    public async Task A_news_article_with_a_javascript_link_shows_its_text_without_the_link()
    {
        var id = await portal.WithDbAsync(async db =>
        {
            var article = new Article
            {
                Title = "Lien piégé", Summary = "Résumé", Body = "Cliquez [ici](javascript:alert(document.cookie)) ou [là](https://exemple.fr).",
                Published = true, PublishedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)),
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });
        var page = await portal.NewBrowser().GetAsync($"/actualites/{id}");
        Assert.Contains("Cliquez", page.Text);
        Assert.DoesNotContain("javascript:", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://exemple.fr\"", page.Html);
    }
}
