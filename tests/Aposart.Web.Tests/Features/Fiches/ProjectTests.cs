using System.Net;
using Aposart.Web.Data.Seeding;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Fiches;

/// <summary>The demo projet de santé, its PDFs and the public page of actions. This class's database holds the demo data.</summary>
public sealed class ProjectTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task SeedDemoAsync()
    {
        using var scope = portal.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(PortalFactory.Password);
    }

    private async Task<List<(int Number, string Title, Guid Id, AciMission Mission, bool Published)>> FichesAsync() =>
        (await portal.WithDbAsync(db => db.ActionSheets.OrderBy(a => a.Number).Select(a => new { a.Number, a.Title, a.Id, a.Mission, a.Published }).ToListAsync()))
        .Select(a => (a.Number, a.Title, a.Id, a.Mission, a.Published)).ToList();

    [Fact]
    public async Task The_demo_projet_de_sante_has_18_measured_fiches_over_the_six_missions_and_the_demo_member_pilots_some()
    {
        await SeedDemoAsync();
        var fiches = await portal.WithDbAsync(db => db.ActionSheets.Include(a => a.Pilots).Include(a => a.Steps)
            .Include(a => a.Indicators).ThenInclude(i => i.Measurements).AsSplitQuery().ToListAsync());

        Assert.Equal(18, fiches.Count);
        Assert.Equal(Enum.GetValues<AciMission>().Order(), fiches.Select(f => f.Mission).Distinct().Order());
        Assert.All(fiches, f =>
        {
            Assert.NotEmpty(f.Steps);
            Assert.InRange(f.Indicators.Count, 2, 4);
            Assert.All(f.Indicators, i => Assert.True(i.Measurements.Select(m => m.Year).Distinct().Count() >= 2, $"{f.Title} / {i.Name}"));
            Assert.NotEmpty(f.Pilots);
        });
        var memberUser = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "membre@demo.aposart.fr").Select(u => u.Id).SingleAsync());
        Assert.Contains(fiches, f => f.Pilots.Any(p => p.UserId == memberUser));
    }

    [Fact]
    public async Task The_projet_de_sante_pdf_has_a_cover_contents_the_territory_and_every_fiche_on_the_page_the_contents_give()
    {
        await SeedDemoAsync();
        var (reader, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        var response = await reader.Http.GetAsync("/gestion/fiches/projet-de-sante.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var pages = PdfText.Pages(pdf);

        Assert.Contains("Projet de santé", pages[0]);
        Assert.Contains("18 fiches action · 36 communes", pages[0]);
        Assert.Contains("Sommaire", pages[1]);
        var contents = pages[1];
        var territory = pages.Select((text, index) => (Text: text, Index: index)).Skip(2).First(p => p.Text.Contains("Le territoire", StringComparison.Ordinal)).Index;
        // The territory's map and its GP density map open the part, drawn as vector shapes, before the table of communes.
        Assert.True(pages[territory].Contains("Les communes du territoire", StringComparison.Ordinal), pages[territory]);
        Assert.True(PdfText.FilledShapes(pdf)[territory] >= 36, $"{PdfText.FilledShapes(pdf)[territory]} filled shapes on the territory's page");
        Assert.Contains(PdfText.Squeezed("Médecins généralistes pour 10 000 habitants"), PdfText.Squeezed(string.Join(" ", pages.Skip(territory).Take(2))));
        Assert.Contains("Rambouillet", string.Join(" ", pages.Skip(territory).Take(3)));
        Assert.Contains("Gazeran", string.Join(" ", pages));
        foreach (var (number, title, _, _, _) in await FichesAsync())
        {
            var heading = PdfText.Squeezed($"Fiche n° {number} – {title}");
            var page = pages.Select((text, index) => (Text: PdfText.Squeezed(text), Number: index + 1)).Skip(2).First(p => p.Text.Contains(heading, StringComparison.Ordinal)).Number;
            // Words come back line by line: a wrapped title's page number sits after its first line, before the next entry's number.
            Assert.Matches($@"Fiche n° {number} – \D*?\b{page}\b", contents);
        }
    }

    [Fact]
    public async Task A_fiche_pdf_carries_its_pilots_steps_indicators_targets_and_latest_values()
    {
        await SeedDemoAsync();
        var fiche = (await FichesAsync()).Single(f => f.Number == 16);
        var (reader, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        var response = await reader.Http.GetAsync($"/gestion/fiches/{fiche.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fiche-action-16.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var all = PdfText.All(await response.Content.ReadAsByteArrayAsync());
        var text = PdfText.Squeezed(all);


        Assert.Contains(PdfText.Squeezed("Messagerie sécurisée pour tous"), text);
        Assert.Contains("MaëlleMembre", text);
        Assert.Contains(PdfText.Squeezed("Choix du prestataire"), text);
        var year = Aposart.Web.Infrastructure.Web.ParisTime.ToParis(portal.Clock.GetUtcNow()).Year;
        Assert.Contains("Installations réalisées par le", all);
        Assert.Contains("Dernière valeur", all);
        Assert.Contains($"{year} : 22", all);
        Assert.Contains($"{year + 1} : 60", all);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync($"/gestion/fiches/{Guid.NewGuid()}/pdf")).StatusCode);
        var anonymous = await portal.NewBrowser().GetAsync($"/gestion/fiches/{fiche.Id}/pdf");
        Assert.StartsWith("/compte/connexion", anonymous.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_actions_page_shows_published_fiches_by_mission_with_their_summary_and_no_one_by_name()
    {
        await SeedDemoAsync();
        var page = await portal.NewBrowser().GetAsync("/actions");
        Assert.Equal(HttpStatusCode.OK, page.Status);

        foreach (var (_, title, _, mission, published) in await FichesAsync())
        {
            var section = page.Find($"section[aria-labelledby='mission-{(int)mission}']")?.TextContent ?? "";
            Assert.Equal(published, section.Contains(title, StringComparison.Ordinal));
        }
        Assert.Contains("Des étudiants en médecine, encadrés par des professionnels", page.Text);
        Assert.DoesNotContain("Bon usage des antibiotiques", page.Text);
        Assert.DoesNotContain("Maëlle", page.Text);
        Assert.DoesNotContain("Bastien", page.Text);
    }
}
