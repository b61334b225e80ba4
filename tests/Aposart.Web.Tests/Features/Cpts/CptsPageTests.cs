using System.Net;
using Aposart.Web.Tests.Support;

namespace Aposart.Web.Tests.Features.Cpts;

public sealed class CptsPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task La_cpts_lists_the_36_communes_of_the_territory_and_80722_inhabitants()
    {
        var page = await portal.NewBrowser().GetAsync("/la-cpts");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("table tbody tr");
        Assert.Equal(36, rows.Length);
        Assert.Equal("36", page.Find("#total-communes")!.TextContent);
        Assert.Equal("80722", Digits(page.Find("#total-population")!.TextContent));
        Assert.Equal("80722", Digits(page.Find("table tfoot td.fw-bold")!.TextContent));
        var rambouillet = rows.Single(r => r.QuerySelector("th")!.TextContent == "Rambouillet");
        Assert.Contains("78517", rambouillet.TextContent);
        Assert.Contains("78120", rambouillet.TextContent);
    }

    [Fact]
    public async Task La_cpts_presents_the_six_aci_missions()
    {
        var page = await portal.NewBrowser().GetAsync("/la-cpts");

        foreach (var title in new[] { "Accès aux soins", "Parcours pluriprofessionnels", "Prévention", "Crises sanitaires",
                     "Qualité et pertinence des soins", "Accompagnement des professionnels" })
        {
            Assert.Contains(title, page.Text);
        }
        Assert.Equal(6, page.Document.QuerySelectorAll(".mission-number").Length);
    }

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);
}
