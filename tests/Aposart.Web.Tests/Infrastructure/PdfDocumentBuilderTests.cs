using Aposart.Web.Infrastructure.Pdf;
using Aposart.Web.Tests.Support;

namespace Aposart.Web.Tests.Infrastructure;

public sealed class PdfDocumentBuilderTests
{
    private static readonly PdfFonts Fonts = new("/usr/share/fonts/truetype/dejavu");

    private static IReadOnlyList<string> Pages(byte[] pdf) => PdfText.Pages(pdf);

    [Fact]
    public void Long_tables_break_across_pages_with_their_header_repeated_and_numbered_pages()
    {
        var rows = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[$"Ligne{i:D3}", "Infirmière à domicile, tournée des Essarts-le-Roi et du Perray", $"{i},00 €"]);
        var builder = new PdfDocumentBuilder("APOSART – CPTS Sud Yvelines", "Essai", Fonts)
            .Heading("Liste des adhérents")
            .Paragraph("Une phrase assez longue pour devoir passer à la ligne : " + string.Concat(Enumerable.Repeat("santé, coordination, prévention ; ", 20)))
            .Table(["Nom", "Profession", "Montant"], [2, 5, 1.5f], rows);
        var pages = Pages(builder.ToPdf());

        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains("APOSART", pages[i]);
            Assert.Contains($"Page {i + 1} sur {pages.Count}", pages[i]);
            Assert.Contains("Profession", pages[i]);
        }
        var all = string.Join(" ", pages);
        Assert.All(Enumerable.Range(1, 120), i => Assert.Contains($"Ligne{i:D3}", all));
        Assert.Contains("Infirmière", all);
        Assert.Contains("prévention", all);
    }

    [Fact]
    public void French_text_keeps_its_accents_and_ligature_free_letters()
    {
        var pdf = new PdfDocumentBuilder("Communauté", "Accents", Fonts)
            .Heading("Reçu de cotisation")
            .KeyValues([("Adhérente", "Maëlle Lœuvre-Çelik"), ("Montant", "20,00 €")])
            .ToPdf();
        var text = Pages(pdf)[0];
        Assert.Contains("Reçu", text);
        Assert.Contains("Maëlle", text);
        Assert.Contains("20,00", text);
        Assert.Contains("€", text);
    }
}
