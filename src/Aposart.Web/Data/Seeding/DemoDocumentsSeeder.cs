using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data.Seeding;

/// <summary>Demo members' documents: two headings, three short PDFs drawn for the demo, one of them in two versions.</summary>
public sealed class DemoDocumentsSeeder(AposartDbContext db, PdfFonts fonts, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.DocumentCategories.AnyAsync(cancellationToken))
        {
            return;
        }
        var protocols = new DocumentCategory { Name = "Protocoles pluriprofessionnels", SortOrder = 1 };
        var tools = new DocumentCategory { Name = "Outils et modèles", SortOrder = 2 };
        db.DocumentCategories.AddRange(protocols, tools);
        var now = clock.GetUtcNow();
        MemberDocument Document(DocumentCategory category, string title, string description, params (int DaysAgo, string Text)[] versions) => new()
        {
            Category = category, Title = title, Description = description, CreatedAt = now.AddDays(-versions[0].DaysAgo),
            Versions = [.. versions.Select((v, i) => new DocumentVersion
            {
                Number = i + 1, FileName = $"{title.ToLowerInvariant().Replace(' ', '-').Replace('\'', '-')}-v{i + 1}.pdf", ContentType = "application/pdf",
                Content = Pdf(title, v.Text), UploadedAt = now.AddDays(-v.DaysAgo), UploadedByName = "Camille Coordination",
            }).Select(v => { v.Size = v.Content.LongLength; return v; })],
        };
        db.MemberDocuments.AddRange(
            Document(protocols, "Protocole plaies chroniques", "Prise en charge partagée entre infirmiers libéraux et médecins vasculaires.",
                (90, "Première version du protocole, adoptée par le groupe de travail."), (20, "Version révisée après la formation d'octobre.")),
            Document(protocols, "Sortie d'hospitalisation des personnes âgées", "Qui appeler, quoi transmettre, dans quels délais.",
                (40, "Liste des contacts et des informations à transmettre à la sortie.")),
            Document(tools, "Modèle de compte rendu de groupe de travail", "À remplir après chaque réunion pour l'indemnisation.",
                (60, "Date, participants, durée, décisions, prochaines étapes.")));
        await db.SaveChangesAsync(cancellationToken);
    }

    private byte[] Pdf(string title, string text) => new PdfDocumentBuilder("APOSART – CPTS Sud Yvelines", title, fonts).Heading(title).Paragraph(text).ToPdf();
}
