using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Features.Trainings;
using Aposart.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Aposart.Web.Tests.Infrastructure;

public sealed class PublicPageCacheTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToParis().DateTime);

    private async Task<Guid> ArticleAsync(string title) => await portal.WithDbAsync(async db =>
    {
        var article = new Article { Title = title, Summary = "Résumé", Body = "Texte de l'article.", Published = true, PublishedOn = Today };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    });

    /// <summary>A write the portal cannot see, as another instance on the same database would make it.</summary>
    private async Task RenameElsewhereAsync(Guid articleId, string title)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE articles SET title = @title WHERE id = @id", connection);
        command.Parameters.AddWithValue("title", title);
        command.Parameters.AddWithValue("id", articleId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Anonymous_visitors_share_the_stored_page_until_the_portal_changes_what_it_shows()
    {
        var id = await ArticleAsync("Journée de dépistage du diabète");
        var first = await portal.NewBrowser().GetAsync("/actualites");
        Assert.Contains("Journée de dépistage du diabète", first.Text);
        Assert.False(first.Response.Headers.Contains("Set-Cookie"), "A public page must not set a cookie, or no cache may share it.");

        await RenameElsewhereAsync(id, "Journée de dépistage (titre changé ailleurs)");
        var second = await portal.NewBrowser().GetAsync("/actualites");
        Assert.Contains("Journée de dépistage du diabète", second.Text);
        Assert.True(second.Response.Headers.Age is not null, "The second visitor is served the stored page.");

        // Signed in, the page is always rendered afresh.
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        Assert.Contains("titre changé ailleurs", (await coordinator.GetAsync("/actualites")).Text);

        // A change saved through this portal evicts the stored pages at once.
        await portal.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == id);
            article.Title = "Journée de dépistage, nouvelle date";
            return await db.SaveChangesAsync();
        });
        var third = await portal.NewBrowser().GetAsync("/actualites");
        Assert.Contains("Journée de dépistage, nouvelle date", third.Text);
        Assert.Null(third.Response.Headers.Age);
    }

    [Fact]
    public async Task Ending_a_crisis_takes_the_banner_off_stored_pages_at_once()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var declared = await coordinator.SubmitAsync(await coordinator.GetAsync("/gestion/vaccination"), "/gestion/vaccination/crise", new Dictionary<string, string>
        {
            ["CrisisInput.Message"] = "Canicule : les centres ouvrent plus tôt.", ["CrisisInput.LinkUrl"] = "/vaccination", ["CrisisInput.LinkLabel"] = "Les centres",
        });
        Assert.Contains("Le bandeau de crise est affiché", declared.Text);
        Assert.Contains("Canicule", (await portal.NewBrowser().GetAsync("/")).Text);
        Assert.Contains("Canicule", (await portal.NewBrowser().GetAsync("/")).Text);

        // Ending it is one UPDATE that bypasses SaveChanges.
        var ended = await coordinator.SubmitAsync(await coordinator.GetAsync("/gestion/vaccination"), "/gestion/vaccination/crise/fin", new Dictionary<string, string>());
        Assert.Contains("Le bandeau de crise est retiré.", ended.Text);
        Assert.DoesNotContain("Canicule", (await portal.NewBrowser().GetAsync("/")).Text);
    }

    [Fact]
    public async Task A_registration_committed_in_its_transaction_updates_the_free_places_seen_by_visitors()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var trainingId = await TrainingSteps.CreateAsync(portal, coordinator, TrainingSteps.Training(portal, "Cache et places libres", capacity: 3));
        Assert.Contains("3 place(s) libre(s) sur 3", (await portal.NewBrowser().GetAsync($"/formations/{trainingId}")).Text);
        Assert.Contains("3 place(s) libre(s) sur 3", (await portal.NewBrowser().GetAsync($"/formations/{trainingId}")).Text);

        var (member, _, _) = await TrainingSteps.MemberAsync(portal, "Cachée");
        Assert.Contains("Vous êtes inscrit", (await TrainingSteps.RegisterAsync(member, trainingId)).Text);
        Assert.Contains("2 place(s) libre(s) sur 3", (await portal.NewBrowser().GetAsync($"/formations/{trainingId}")).Text);
    }

    [Fact]
    public async Task A_signed_in_visitor_never_gets_the_anonymous_copy_and_each_query_is_stored_apart()
    {
        var anonymous = await portal.NewBrowser().GetAsync("/");
        Assert.False(anonymous.IsSignedIn);
        var (member, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        Assert.True((await member.GetAsync("/")).IsSignedIn);

        await portal.WithDbAsync(async db =>
        {
            db.Professionals.AddRange(
                new Professional { FirstName = "Inès", LastName = "Cacheinfirmiere", Profession = Profession.Nurse, ListedInPublicDirectory = true },
                new Professional { FirstName = "Paul", LastName = "Cachepharmacien", Profession = Profession.Pharmacist, ListedInPublicDirectory = true });
            return await db.SaveChangesAsync();
        });
        var nurses = await portal.NewBrowser().GetAsync("/annuaire?profession=Nurse");
        var pharmacists = await portal.NewBrowser().GetAsync("/annuaire?profession=Pharmacist");
        Assert.Contains("Cacheinfirmiere", nurses.Text);
        Assert.DoesNotContain("Cachepharmacien", nurses.Text);
        Assert.Contains("Cachepharmacien", pharmacists.Text);
        Assert.DoesNotContain("Cacheinfirmiere", pharmacists.Text);
    }

    [Fact]
    public async Task A_flash_message_reaches_its_visitor_even_on_a_stored_page()
    {
        Assert.Null((await portal.NewBrowser().GetAsync("/")).Find("main > .alert-success[role=status]"));
        Assert.NotNull((await portal.NewBrowser().GetAsync("/")).Response.Headers.Age);

        // Without following the redirect, so that the message is still waiting when the visitor opens the home page. The hidden
        // field is filled, as a robot would: the same message and redirect, and no mail to the address other tests read.
        var visitor = new Browser(portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var sent = await visitor.SubmitAsync(await visitor.GetAsync("/contact"), "/contact", new Dictionary<string, string>
        {
            ["Input.Name"] = "Jeanne Visiteuse", ["Input.Email"] = "jeanne@exemple.fr", ["Input.Subject"] = "Horaires",
            ["Input.Body"] = "Bonjour, quels sont les horaires du centre ?", ["Input.Website"] = "https://robot.exemple",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.Status);
        var home = await visitor.GetAsync("/");
        Assert.Contains("Merci, votre message a bien été envoyé.", home.Find("main > .alert-success[role=status]")?.TextContent);
    }

    [Theory]
    [InlineData(200, "no-cache, no-store", null, false)]
    [InlineData(200, "private", null, false)]
    [InlineData(200, null, "aposart.af=token; path=/", false)]
    [InlineData(404, null, null, false)]
    [InlineData(200, null, null, true)]
    public async Task Only_a_response_every_visitor_may_see_is_stored(int status, string? cacheControl, string? setCookie, bool stored)
    {
        IOutputCachePolicy policy = new PublicPageCache(Options.Create(new PublicPageCacheOptions()));
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        var context = new OutputCacheContext { HttpContext = http };
        await policy.CacheRequestAsync(context, CancellationToken.None);
        Assert.True(context.AllowCacheStorage);
        http.Response.StatusCode = status;
        if (cacheControl is not null)
        {
            http.Response.Headers.CacheControl = cacheControl;
        }
        if (setCookie is not null)
        {
            http.Response.Headers.SetCookie = setCookie;
        }
        await policy.ServeResponseAsync(context, CancellationToken.None);
        Assert.Equal(stored, context.AllowCacheStorage);
    }
}
