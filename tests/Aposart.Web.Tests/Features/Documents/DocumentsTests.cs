using System.IO.Compression;
using System.Net;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Documents;

public sealed class DocumentsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<xml/>");
            }
        }
        return buffer.ToArray();
    }

    private static async Task<string> UploadAsync(Browser coordinator, string action, Dictionary<string, string> fields, string fileName, byte[] content)
    {
        var page = await coordinator.GetAsync("/gestion/documents");
        using var form = new MultipartFormDataContent { { new StringContent(page.Token), "__RequestVerificationToken" }, { new ByteArrayContent(content), "file", fileName } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }
        var response = await coordinator.Http.PostAsync(action, form);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Members_download_documents_and_their_older_versions_others_are_refused_and_a_renamed_executable_is_refused()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var page = await coordinator.GetAsync("/gestion/documents");
        Assert.Contains("Rubrique « Protocoles pluriprofessionnels » ajoutée.",
            (await coordinator.SubmitAsync(page, "/gestion/documents/categories", new Dictionary<string, string> { ["name"] = "Protocoles pluriprofessionnels" })).Text);
        var categoryId = await portal.WithDbAsync(db => db.DocumentCategories.Where(c => c.Name == "Protocoles pluriprofessionnels").Select(c => c.Id).SingleAsync());
        var category = new Dictionary<string, string> { ["categoryId"] = categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["title"] = "Protocole plaies" };

        var pdf = new Aposart.Web.Infrastructure.Pdf.PdfDocumentBuilder("APOSART", "Protocole", new Aposart.Web.Infrastructure.Pdf.PdfFonts("/usr/share/fonts/truetype/dejavu"))
            .Heading("Protocole plaies, version 1").ToPdf();
        Assert.Contains("Document « Protocole plaies » ajouté", await UploadAsync(coordinator, "/gestion/documents", category, "protocole-plaies.pdf", pdf));
        Assert.Contains("n'est ni un PDF", await UploadAsync(coordinator, "/gestion/documents",
            new(category) { ["title"] = "Faux tableau" }, "tableau.xlsx", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]));
        Assert.Contains("n'est ni un PDF", await UploadAsync(coordinator, "/gestion/documents", new(category) { ["title"] = "Archive" }, "archive.docx", [.. "PK\u0003\u0004"u8, 1, 2, 3]));
        Assert.False(await portal.WithDbAsync(db => db.MemberDocuments.AnyAsync(d => d.Title == "Faux tableau" || d.Title == "Archive")));
        var document = await portal.WithDbAsync(db => db.MemberDocuments.SingleAsync(d => d.Title == "Protocole plaies"));
        Assert.Contains("Version 2 de « Protocole plaies » ajoutée", await UploadAsync(coordinator, $"/gestion/documents/{document.Id}/versions", [], "protocole-plaies-v2.docx", Docx()));
        var versions = await portal.WithDbAsync(db => db.DocumentVersions.Where(v => v.DocumentId == document.Id).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal(["application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"], versions.Select(v => v.ContentType));

        var (member, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        var list = await member.GetAsync("/espace/documents");
        Assert.Contains("Protocole plaies", list.Text);
        Assert.Contains("version 2", list.Text);
        Assert.NotNull(list.Find($"a[href='/espace/documents/{document.Id}/versions/{versions[0].Id}']"));
        var old = await member.Http.GetAsync($"/espace/documents/{document.Id}/versions/{versions[0].Id}");
        Assert.Equal("application/pdf", old.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await old.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/espace/documents/{Guid.NewGuid()}/versions/{versions[0].Id}")).Status);
        Assert.True((await member.GetAsync("/gestion/documents")).IsRefused);

        // A professional who is not an adherent, and a visitor, get nothing.
        var (professional, _) = await portal.SignedInAsync(Roles.Professional);
        Assert.True((await professional.GetAsync("/espace/documents")).IsRefused);
        Assert.True((await professional.GetAsync($"/espace/documents/{document.Id}/versions/{versions[0].Id}")).IsRefused);
        Assert.Contains("/compte/connexion", (await portal.NewBrowser().GetAsync($"/espace/documents/{document.Id}/versions/{versions[0].Id}")).Url);
    }
}
