using System.Globalization;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Maps;
using Aposart.Web.Infrastructure.Pdf;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Dashboard;

/// <summary>
/// The yearly activity report a CPTS sends for its review with the CPAM and the ARS: territory, members, each mission with
/// its fiches and indicators against targets, trainings, communication, compensation and the ACI estimate.
/// </summary>
public sealed class ActivityReport(AposartDbContext db, DashboardFigures figures, TerritoryMaps maps, PdfFonts fonts, IOptions<CptsOptions> cpts, TimeProvider clock)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<byte[]> PdfAsync(int year, CancellationToken cancellationToken)
    {
        var c = cpts.Value;
        var tables = (await figures.AllAsync(year, cancellationToken)).ToDictionary(t => t.Key);
        var standings = await figures.IndicatorStandingsAsync(year, cancellationToken);
        var fiches = await db.ActionSheets.AsNoTracking().OrderBy(a => a.Number)
            .Select(a => new { a.Number, a.Title, a.Mission, a.Status, a.Progress, Pilots = a.Pilots.Select(p => p.FirstName + " " + p.LastName).ToList() })
            .ToListAsync(cancellationToken);
        var population = await db.Communes.SumAsync(x => x.Population, cancellationToken);
        var communes = await db.Communes.CountAsync(cancellationToken);

        var pdf = new PdfDocumentBuilder($"{c.ShortName} – {c.Name}", $"Rapport d'activité {year}", fonts);
        pdf.Space(160).Centered($"Rapport d'activité {year}", 28, isBold: true).Space(16)
            .Centered($"{c.ShortName} – {c.Name}", 16).Space(8)
            .Centered($"Communauté professionnelle territoriale de santé – territoire {c.TerritoryName}", 11).Space(8)
            .Centered($"{communes} communes · {population.ToString("N0", French)} habitants", 11).Space(30)
            .Centered($"Édité le {clock.GetUtcNow().ToParis().ToString("d MMMM yyyy", French)}", 10);

        var density = await maps.DensityAsync(cancellationToken);
        pdf.PageBreak().Heading("1. Le territoire");
        pdf.Paragraph($"Le territoire compte {communes} communes et {population.ToString("N0", French)} habitants.");
        pdf.Map(maps.Territory("carte-territoire", "Les communes du territoire", _ => null), 330);
        pdf.Map(density.Maps[0], 330);
        pdf.Paragraph("Offre de premier recours d'après l'annuaire de la CPTS :");
        Write(pdf, tables["densite"]);
        Write(pdf, tables["couverture"]);

        pdf.PageBreak().Heading("2. Les adhérents");
        foreach (var key in new[] { "adherents", "adherents-profession", "adherents-college", "adherents-mois" })
        {
            Write(pdf, tables[key]);
        }

        pdf.PageBreak().Heading("3. Les missions et leurs fiches action");
        Write(pdf, tables["fiches"]);
        foreach (var mission in Enum.GetValues<AciMission>())
        {
            pdf.Heading($"Mission {(int)mission} – {mission.Title()}", 2);
            var ofMission = fiches.Where(f => f.Mission == mission).ToList();
            if (ofMission.Count == 0)
            {
                pdf.Paragraph("Aucune fiche action pour cette mission.");
            }
            else
            {
                pdf.Table(["N°", "Fiche action", "Statut", "Avancement", "Pilotes"], [0.6f, 5, 1.6f, 1.3f, 3],
                    ofMission.Select(f => (IReadOnlyList<string>)[f.Number.ToString(CultureInfo.InvariantCulture), f.Title, f.Status.Label(),
                        $"{f.Progress} %", string.Join(", ", f.Pilots)]));
            }
            var indicators = standings.Where(s => s.Mission == mission).ToList();
            if (indicators.Count == 0)
            {
                pdf.Paragraph($"Aucun indicateur de cette mission n'a de cible pour {year}.", 9.5f);
            }
            else
            {
                pdf.Table(["Fiche", "Indicateur", "Cible", "Valeur", "Atteinte"], [0.8f, 6, 1.2f, 1.2f, 1.2f],
                    indicators.Select(s => (IReadOnlyList<string>)[$"n° {s.FicheNumber}", s.Name, s.Target.ToString("0.##", French),
                        s.Actual is { } v ? v.ToString("0.##", French) : "—", (100 * s.Achievement).ToString("0", French) + " %"]));
            }
        }

        pdf.Heading("Soins non programmés", 2);
        Write(pdf, tables["snp"]);
        Write(pdf, tables["snp-communes"]);

        pdf.PageBreak().Heading("4. Les formations");
        Write(pdf, tables["formations"]);
        Write(pdf, tables["satisfaction"]);

        pdf.Heading("5. La communication");
        Write(pdf, tables["communication"]);
        Write(pdf, tables["mssante"]);

        pdf.PageBreak().Heading("6. L'indemnisation des professionnels");
        Write(pdf, tables["indemnisation"]);

        pdf.Heading("7. Le financement ACI");
        Write(pdf, tables["aci"]);
        return pdf.ToPdf();
    }

    private static void Write(PdfDocumentBuilder pdf, DashboardTable table)
    {
        pdf.Heading(table.Title, 3);
        if (table.Rows.Count == 0)
        {
            pdf.Paragraph("Pas encore de données.", 9.5f);
        }
        else
        {
            var widths = new List<float> { table.Headers.Count > 3 ? 3.2f : 5f };
            widths.AddRange(Enumerable.Repeat(1.3f, table.Headers.Count - 1));
            pdf.Table(table.Headers, widths,
                table.Rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Values.Select((v, i) => table.Format(v, i + 1))]), size: 8.5f);
        }
        if (table.Note is not null)
        {
            pdf.Paragraph(table.Note, 8.5f);
        }
    }
}
