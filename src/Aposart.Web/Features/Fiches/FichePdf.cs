using System.Globalization;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Maps;
using Aposart.Web.Infrastructure.Pdf;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Fiches;

/// <summary>One fiche, and the whole projet de santé (cover, contents, territory, fiches by mission), as PDF.</summary>
public sealed partial class FichePdf(AposartDbContext db, IndicatorValues values, TerritoryMaps maps, PdfFonts fonts, IOptions<CptsOptions> cpts, TimeProvider clock)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<byte[]?> FicheAsync(Guid id, CancellationToken cancellationToken)
    {
        var fiche = (await LoadAsync(db.ActionSheets.Where(a => a.Id == id), cancellationToken)).SingleOrDefault();
        if (fiche is null)
        {
            return null;
        }
        var series = await values.SeriesAsync(fiche.Indicators, cancellationToken);
        var pdf = new PdfDocumentBuilder(Header, $"Fiche action n° {fiche.Number}", fonts);
        Write(pdf, fiche, series, level: 1);
        pdf.Paragraph($"Document édité le {Today}.", 8.5f);
        return pdf.ToPdf();
    }

    public async Task<byte[]> ProjectAsync(CancellationToken cancellationToken)
    {
        var fiches = await LoadAsync(db.ActionSheets, cancellationToken);
        var series = new Dictionary<Guid, IReadOnlyList<IndicatorSeries>>();
        foreach (var fiche in fiches)
        {
            series[fiche.Id] = await values.SeriesAsync(fiche.Indicators, cancellationToken);
        }
        var communes = await db.Communes.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var territory = maps.Territory("carte-territoire", "Les communes du territoire", _ => null);
        var doctors = (await maps.DensityAsync(cancellationToken)).Maps[0];
        IReadOnlyList<MapDrawing> territoryMaps = [territory, doctors];

        // Laid out twice: the first pass learns on which page each part starts, the second prints those pages in the contents.
        var pages = new List<int>();
        var first = Project(fiches, series, communes, territoryMaps, null, pages);
        return pages.Count == 0 ? first.ToPdf() : Project(fiches, series, communes, territoryMaps, [.. pages], []).ToPdf();
    }

    private PdfDocumentBuilder Project(IReadOnlyList<ActionSheet> fiches, Dictionary<Guid, IReadOnlyList<IndicatorSeries>> series,
        IReadOnlyList<Commune> communes, IReadOnlyList<MapDrawing> territoryMaps, IReadOnlyList<int>? knownPages, List<int> pages)
    {
        var c = cpts.Value;
        var population = communes.Sum(x => x.Population);
        var pdf = new PdfDocumentBuilder(Header, $"Projet de santé – {c.ShortName}", fonts);
        pdf.Space(180).Centered("Projet de santé", 30, isBold: true).Space(16)
            .Centered($"{c.ShortName} – {c.Name}", 16).Space(8)
            .Centered($"Communauté professionnelle territoriale de santé du territoire {c.TerritoryName}", 11).Space(40)
            .Centered($"{fiches.Count} fiches action · {communes.Count} communes · {population.ToString("N0", French)} habitants", 11).Space(8)
            .Centered($"Édité le {Today}", 10);

        var parts = new List<(string Title, int Level)> { ("Le territoire", 0) };
        foreach (var mission in Enum.GetValues<AciMission>())
        {
            parts.Add(($"Mission {(int)mission} – {mission.Title()}", 0));
            parts.AddRange(fiches.Where(f => f.Mission == mission).Select(f => ($"Fiche n° {f.Number} – {f.Title}", 1)));
        }
        pdf.PageBreak().Heading("Sommaire");
        pdf.Table(["Partie", "Page"], [9, 1], parts.Select((p, i) => (IReadOnlyList<string>)
            [(p.Level == 1 ? "     " : "") + p.Title, knownPages is null ? "" : knownPages[i].ToString(CultureInfo.InvariantCulture)]));

        pdf.PageBreak().Heading("Le territoire");
        pages.Add(pdf.CurrentPage);
        pdf.Paragraph($"Le territoire {c.TerritoryName} compte {communes.Count} communes et {population.ToString("N0", French)} habitants "
            + "(populations légales, découpage administratif officiel).");
        foreach (var map in territoryMaps)
        {
            pdf.Map(map, 330);
        }
        pdf.Table(["Commune", "Code INSEE", "Code postal", "Population"], [4, 1.4f, 1.6f, 1.4f],
            communes.Select(x => (IReadOnlyList<string>)[x.Name, x.InseeCode, string.Join(", ", x.Postcodes), x.Population.ToString("N0", French)]));

        foreach (var mission in Enum.GetValues<AciMission>())
        {
            pdf.PageBreak().Heading($"Mission {(int)mission} – {mission.Title()}");
            pages.Add(pdf.CurrentPage);
            pdf.Paragraph(mission.Summary());
            var ofMission = fiches.Where(f => f.Mission == mission).ToList();
            if (ofMission.Count == 0)
            {
                pdf.Paragraph("Aucune fiche action pour cette mission.");
            }
            foreach (var fiche in ofMission)
            {
                Write(pdf, fiche, series[fiche.Id], level: 2, pages);
            }
        }
        return pdf;
    }

    private void Write(PdfDocumentBuilder pdf, ActionSheet fiche, IReadOnlyList<IndicatorSeries> series, int level, List<int>? pages = null)
    {
        pdf.Heading($"Fiche n° {fiche.Number} – {fiche.Title}", level);
        pages?.Add(pdf.CurrentPage);
        pdf.KeyValues(new (string, string?)[]
        {
            ("Mission ACI", $"{(int)fiche.Mission}. {fiche.Mission.Title()}"),
            ("Thème", fiche.Theme),
            ("Statut", $"{fiche.Status.Label()} – avancement {fiche.Progress} %"),
            ("Pilotes", fiche.Pilots.Count == 0 ? "aucun" : string.Join(", ", fiche.Pilots.OrderBy(p => p.LastName).Select(p => p.DisplayName))),
            ("Structures partenaires", fiche.PartnerOrganisations.Count == 0 ? null : string.Join(", ", fiche.PartnerOrganisations.Select(o => o.Name).Order())),
            ("Lien avec le PRS", fiche.RegionalPlanLink),
            ("Lien avec le CLS", fiche.LocalContractLink),
            ("Lien avec l'ACI", fiche.AciLink),
        }.Where(kv => kv.Item2 is not null).Select(kv => (kv.Item1, kv.Item2!)));

        var sections = new (string Title, string? Text)[]
        {
            ("Contexte et constat", fiche.Context), ("Objectif général", fiche.GeneralObjective), ("Objectifs opérationnels", fiche.OperationalObjectives),
            ("Population cible", fiche.TargetPopulation), ("Acteurs concernés", fiche.Actors), ("Partenaires", fiche.Partners),
            ("Jalons", fiche.Milestones), ("Moyens", fiche.Resources),
        };
        foreach (var (title, text) in sections.Where(s => s.Text is not null))
        {
            pdf.Heading(title, 3).Paragraph(PdfMarkdown.PlainText(text!));
        }
        if (fiche.Steps.Count > 0)
        {
            pdf.Heading("Étapes", 3).Table(["Étape", "Échéance", "Responsable", "État"], [5, 1.6f, 2.4f, 1.4f],
                fiche.Steps.OrderBy(s => s.SortOrder).Select(s => (IReadOnlyList<string>)
                    [s.Title, s.DueOn?.ToString("dd/MM/yyyy", French) ?? "", s.Owner ?? "", s.Status.Label()]));
        }
        if (fiche.BudgetLines.Count > 0)
        {
            pdf.Heading("Budget", 3).Table(["Poste", "Montant"], [4, 1.4f],
                [.. fiche.BudgetLines.OrderBy(b => b.SortOrder).Select(b => (IReadOnlyList<string>)[b.Label, b.Amount.ToEuros()]),
                    ["Total", fiche.BudgetLines.Sum(b => b.Amount).ToEuros()]]);
        }
        if (series.Count > 0)
        {
            pdf.Heading("Indicateurs", 3).Table(["Indicateur", "Type", "Départ", "Cibles", "Dernière valeur"], [4, 1.3f, 1.2f, 2.4f, 2f],
                series.Select(s => (IReadOnlyList<string>)
                [
                    s.Indicator.Name + (s.Indicator.IsComputed ? " (calculé)" : ""),
                    s.Indicator.Kind.Label(),
                    s.Indicator.Baseline is { } b ? s.Indicator.Format(b) : "",
                    string.Join(" ; ", s.Points.Where(p => p.Target is not null).Select(p => $"{p.Year} : {s.Indicator.Format(p.Target)}")),
                    s.Latest is { } latest ? $"{latest.Year} : {s.Indicator.Format(latest.Actual)}" : "pas encore mesurée",
                ]));
        }
    }

    private string Header => $"{cpts.Value.ShortName} – {cpts.Value.Name}";

    private string Today => clock.GetUtcNow().ToParis().ToString("d MMMM yyyy", French);

    private static Task<List<ActionSheet>> LoadAsync(IQueryable<ActionSheet> query, CancellationToken cancellationToken) =>
        query.AsNoTracking().Include(a => a.Pilots).Include(a => a.PartnerOrganisations).Include(a => a.Steps).Include(a => a.BudgetLines)
            .Include(a => a.Indicators).ThenInclude(i => i.Targets).Include(a => a.Indicators).ThenInclude(i => i.Measurements)
            .OrderBy(a => a.Mission).ThenBy(a => a.Number).AsSplitQuery().ToListAsync(cancellationToken);
}
