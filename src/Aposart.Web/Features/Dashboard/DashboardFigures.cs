using System.Globalization;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Fiches;
using Aposart.Web.Infrastructure.Maps;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Dashboard;

/// <summary>One row of a dashboard table: a label and its numbers; a null number is "no data yet".</summary>
public sealed record DashboardRow(string Label, IReadOnlyList<decimal?> Values)
{
    public DashboardRow(string label, decimal? value) : this(label, [value])
    {
    }
}

/// <summary>
/// A table of figures, shown beside its chart and exported as CSV under its key. Columns after the label carry a unit
/// ("", "%", "€"); cells equal to zero in the columns listed in <see cref="ZeroIsAlert"/> are highlighted.
/// </summary>
public sealed record DashboardTable(string Key, string Title, IReadOnlyList<string> Headers, IReadOnlyList<string> Units, IReadOnlyList<DashboardRow> Rows,
    string Chart = "bar", IReadOnlyList<int>? Charted = null, IReadOnlyList<int>? ZeroIsAlert = null, string? Note = null)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public string Format(decimal? value, int column) => value is not { } v ? "—" : Units[column] switch
    {
        "%" => v.ToString("0.#", French) + " %",
        "€" => v.ToString("N0", French) + " €",
        _ => v == decimal.Truncate(v) ? v.ToString("N0", French) : v.ToString("0.##", French),
    };

    public bool IsAlert(decimal? value, int column) => ZeroIsAlert?.Contains(column) == true && value == 0;
}

/// <summary>A mission's ACI funding for a year: what is fixed, what the indicators earn of the variable part, and why.</summary>
public sealed record AciLine(AciMission Mission, decimal Fixed, decimal VariableMax, int IndicatorsWithTarget, decimal? Achievement, decimal Variable)
{
    public decimal Total => Fixed + Variable;
}

public sealed record AciEstimate(int Year, int Size, decimal Functioning, IReadOnlyList<AciLine> Missions)
{
    public decimal Maximum => Functioning + Missions.Sum(m => m.Fixed + m.VariableMax);
    public decimal Expected => Functioning + Missions.Sum(m => m.Total);
}

/// <summary>The year's value of one indicator that has a target that year.</summary>
public sealed record IndicatorStanding(Guid Id, AciMission Mission, int FicheNumber, string Name, decimal Target, decimal? Actual)
{
    public bool OnTarget => Actual >= Target;

    /// <summary>Share of the target reached, capped at 1: a missing value counts as nothing reached.</summary>
    public decimal Achievement => Target <= 0 ? (Actual is null ? 0 : 1) : Math.Min(1, Math.Max(0, (Actual ?? 0) / Target));
}

/// <summary>
/// Every figure of the dashboard, the ACI estimate and the activity report, each from an aggregate query: the database
/// counts and sums, the portal only lays out what comes back.
/// </summary>
public sealed class DashboardFigures(AposartDbContext db, IndicatorValues values, IOptions<DashboardOptions> dashboard, IOptions<AciOptions> aci,
    IOptions<CompensationOptions> compensation, FirstLineCoverage coverage, TimeProvider clock)
{
    public static readonly Profession[] FirstLine = FirstLineCoverage.Professions;

    public int CurrentYear => clock.GetUtcNow().ToParis().Year;

    /// <summary>The years the portal holds something for, newest first, always with the current year.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken)
    {
        var first = await db.Memberships.MinAsync(m => (int?)m.Year, cancellationToken) ?? CurrentYear;
        return [.. Enumerable.Range(Math.Min(first, CurrentYear), Math.Max(CurrentYear, first) - Math.Min(first, CurrentYear) + 1).Reverse()];
    }

    public async Task<IReadOnlyList<DashboardTable>> AllAsync(int year, CancellationToken cancellationToken)
    {
        var standings = await IndicatorStandingsAsync(year, cancellationToken);
        return
        [
            await MembersSummaryAsync(year, cancellationToken),
            await MembersByProfessionAsync(year, cancellationToken),
            await MembersByCollegeAsync(year, cancellationToken),
            await MembersByCommuneAsync(year, cancellationToken),
            await MembersByMonthAsync(year, cancellationToken),
            await CoverageAsync(cancellationToken),
            await DensityAsync(cancellationToken),
            await DensityByCommuneAsync(cancellationToken),
            await FichesAsync(cancellationToken),
            IndicatorsTable(standings),
            await TrainingsAsync(year, cancellationToken),
            await SatisfactionAsync(year, cancellationToken),
            await CommunicationAsync(year, cancellationToken),
            await SecureMailAsync(cancellationToken),
            await CompensationAsync(year, cancellationToken),
            await SnpAsync(year, cancellationToken),
            await SnpByWeekAsync(year, cancellationToken),
            await SnpByCommuneAsync(year, cancellationToken),
            AciTable(Aci(year, standings)),
        ];
    }

    public async Task<DashboardTable?> TableAsync(string key, int year, CancellationToken cancellationToken) =>
        (await AllAsync(year, cancellationToken)).FirstOrDefault(t => t.Key == key);

    private IQueryable<Membership> ActiveMemberships(int year) =>
        db.Memberships.Where(m => m.Year == year && MembershipText.ActiveStatuses.Contains(m.Status));

    public async Task<DashboardTable> MembersSummaryAsync(int year, CancellationToken cancellationToken)
    {
        var byStatus = await db.Memberships.Where(m => m.Year == year).GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var active = MembershipText.ActiveStatuses.Sum(s => byStatus.GetValueOrDefault(s));
        // Members of last year who have not applied again this year.
        var toRenew = await ActiveMemberships(year - 1)
            .CountAsync(m => !db.Memberships.Any(n => n.ProfessionalId == m.ProfessionalId && n.Year == year && n.Status != MembershipStatus.Rejected), cancellationToken);
        var income = await FeeIncomeAsync(year, cancellationToken);
        return new DashboardTable("adherents", "Adhérents de l'année", ["Indicateur", "Valeur"], ["", ""],
        [
            new("Adhérents (validés, à jour, en retard ou exonérés)", active),
            new("Dont à jour de cotisation", byStatus.GetValueOrDefault(MembershipStatus.UpToDate)),
            new("Validés, cotisation due", byStatus.GetValueOrDefault(MembershipStatus.ApprovedFeeDue)),
            new("En retard de paiement", byStatus.GetValueOrDefault(MembershipStatus.Late)),
            new("Demandes à examiner", byStatus.GetValueOrDefault(MembershipStatus.PendingValidation) + byStatus.GetValueOrDefault(MembershipStatus.InformationRequested)),
            new($"Adhérents {year - 1} pas encore renouvelés", toRenew),
        ], Chart: "none", Note: $"Cotisations encaissées pour {year} : {income.ToString("N2", CultureInfo.GetCultureInfo("fr-FR"))} €.");
    }

    public async Task<decimal> FeeIncomeAsync(int year, CancellationToken cancellationToken) =>
        await db.PaymentAllocations.Where(a => a.Membership!.Year == year).SumAsync(a => (decimal?)a.Amount, cancellationToken) ?? 0;

    public async Task<DashboardTable> MembersByProfessionAsync(int year, CancellationToken cancellationToken)
    {
        var rows = await ActiveMemberships(year).GroupBy(m => m.Professional!.Profession).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new DashboardTable("adherents-profession", "Adhérents par profession", ["Profession", "Adhérents"], ["", ""],
            [.. rows.OrderByDescending(r => r.Count).ThenBy(r => r.Key.Label()).Select(r => new DashboardRow(r.Key.Label(), [r.Count]))]);
    }

    public async Task<DashboardTable> MembersByCollegeAsync(int year, CancellationToken cancellationToken)
    {
        var rows = await db.Colleges.OrderBy(c => c.SortOrder)
            .Select(c => new { c.Name, Count = ActiveMemberships(year).Count(m => m.CollegeId == c.Id) }).ToListAsync(cancellationToken);
        return new DashboardTable("adherents-college", "Adhérents par collège", ["Collège", "Adhérents"], ["", ""],
            [.. rows.Select(r => new DashboardRow(r.Name, [r.Count]))]);
    }

    public async Task<DashboardTable> MembersByCommuneAsync(int year, CancellationToken cancellationToken)
    {
        var members = ActiveMemberships(year).Select(m => m.ProfessionalId);
        var rows = await db.PracticeSites.Where(s => members.Contains(s.ProfessionalId))
            .GroupBy(s => s.Commune == null ? null : s.Commune.Name)
            .Select(g => new { Name = g.Key, Count = g.Select(s => s.ProfessionalId).Distinct().Count() }).ToListAsync(cancellationToken);
        return new DashboardTable("adherents-commune", "Adhérents par commune d'exercice", ["Commune", "Adhérents"], ["", ""],
            [.. rows.OrderByDescending(r => r.Count).ThenBy(r => r.Name).Select(r => new DashboardRow(r.Name ?? "Hors territoire", [r.Count]))],
            Note: "Un adhérent qui exerce dans deux communes compte dans chacune.");
    }

    private sealed class MonthCount
    {
        public int Month { get; init; }
        public int Count { get; init; }
    }

    public async Task<DashboardTable> MembersByMonthAsync(int year, CancellationToken cancellationToken)
    {
        // The month a membership started counting: its decision, or its creation for one recorded directly.
        // In SQL: the month is taken in Paris time, which LINQ cannot say.
        var statuses = MembershipText.ActiveStatuses.Select(s => (int)s).ToArray();
        var byMonth = await db.Database.SqlQuery<MonthCount>($"""
            SELECT date_part('month', coalesce(decided_at, created_at) AT TIME ZONE 'Europe/Paris')::int AS "Month", count(*)::int AS "Count"
            FROM memberships WHERE year = {year} AND status = ANY({statuses}) GROUP BY 1
            """).ToDictionaryAsync(g => g.Month, g => g.Count, cancellationToken);
        var lastMonth = year < CurrentYear ? 12 : year == CurrentYear ? clock.GetUtcNow().ToParis().Month : 0;
        var cumulative = 0;
        var rows = new List<DashboardRow>();
        for (var month = 1; month <= Math.Max(lastMonth, byMonth.Keys.DefaultIfEmpty(0).Max()); month++)
        {
            cumulative += byMonth.GetValueOrDefault(month);
            rows.Add(new DashboardRow(CultureInfo.GetCultureInfo("fr-FR").DateTimeFormat.GetMonthName(month), [byMonth.GetValueOrDefault(month), cumulative]));
        }
        return new DashboardTable("adherents-mois", "Évolution des adhésions, mois par mois", ["Mois", "Nouveaux adhérents", "Total"], ["", "", ""], rows,
            Chart: "line", Charted: [2]);
    }

    public async Task<DashboardTable> CoverageAsync(CancellationToken cancellationToken)
    {
        var counts = await coverage.InDirectoryAsync(cancellationToken);
        var register = await coverage.InRegisterAsync(cancellationToken);
        var communes = await db.Communes.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.InseeCode, c.Name, c.Population }).ToListAsync(cancellationToken);
        if (register is null)
        {
            var rows = communes.Select(c => new DashboardRow(c.Name,
                [c.Population, .. FirstLine.Select(p => (decimal?)counts.GetValueOrDefault((c.InseeCode, p)))])).ToList();
            var without = FirstLine.Select(p => $"{communes.Count(c => counts.GetValueOrDefault((c.InseeCode, p)) == 0)} sans {Short(p)}");
            return new DashboardTable("couverture", "Couverture du territoire par commune", ["Commune", "Population", "MG", "IDEL", "MK", "Pharmaciens"],
                ["", "", "", "", "", ""], rows, Chart: "none", ZeroIsAlert: [2, 3, 4, 5],
                Note: $"{communes.Count} communes : {string.Join(", ", without)}. Les cases à zéro sont signalées.");
        }
        // With the register: the territory's professionals (the State's file) beside the members of the directory.
        var both = communes.Select(c => new DashboardRow(c.Name,
            [c.Population, .. FirstLine.SelectMany(p => new decimal?[] { register.GetValueOrDefault((c.InseeCode, p)), counts.GetValueOrDefault((c.InseeCode, p)) })])).ToList();
        var lacking = FirstLine.Select(p => $"{communes.Count(c => register.GetValueOrDefault((c.InseeCode, p)) == 0)} sans {Short(p)}");
        var import = await db.RegisterImports.OrderByDescending(i => i.Id).Select(i => new { i.FileDate, i.FinishedAt }).FirstAsync(cancellationToken);
        return new DashboardTable("couverture", "Couverture du territoire par commune : registre national et annuaire de la CPTS",
            ["Commune", "Population", .. FirstLine.SelectMany(p => new[] { $"{Plural(p)} (registre)", $"{Plural(p)} (annuaire)" })],
            ["", "", .. FirstLine.SelectMany(_ => new[] { "", "" })], both, Chart: "none", ZeroIsAlert: [2, 4, 6, 8],
            Note: $"{communes.Count} communes, d'après le registre national (extraction du {(import.FileDate ?? import.FinishedAt).ToParisString("dd/MM/yyyy")}) : "
                + $"{string.Join(", ", lacking)}. Les cases à zéro du registre sont signalées ; « annuaire » compte les membres inscrits sur le portail.");
    }

    private static string Plural(Profession profession) => profession == Profession.Pharmacist ? "Pharmaciens" : Short(profession);

    public static string Short(Profession profession) => profession switch
    {
        Profession.GeneralPractitioner => "MG",
        Profession.Nurse => "IDEL",
        Profession.Physiotherapist => "MK",
        Profession.Pharmacist => "pharmacien",
        _ => profession.Label(),
    };

    public async Task<DashboardTable> DensityAsync(CancellationToken cancellationToken)
    {
        var population = await db.Communes.SumAsync(c => c.Population, cancellationToken);
        var totals = await coverage.Sites().GroupBy(s => s.Profession).Select(g => new { g.Key, Count = g.Select(s => s.ProfessionalId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var register = await coverage.InRegisterAsync(cancellationToken);
        var inRegister = register?.GroupBy(r => r.Key.Profession).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
        decimal? Density(int count) => population == 0 ? null : FirstLineCoverage.Density(count, population);
        var rows = FirstLine.Select(p =>
        {
            var count = totals.GetValueOrDefault(p);
            var density = Density(count);
            decimal? reference = dashboard.Value.NationalDensity.TryGetValue(p, out var r) ? r : null;
            decimal? gap = density is { } d && reference is > 0 ? Math.Round(100m * (d - reference.Value) / reference.Value) : null;
            return new DashboardRow(p.Label(), inRegister is null
                ? [count, density, reference, gap]
                : [count, density, reference, gap, inRegister.GetValueOrDefault(p), Density(inRegister.GetValueOrDefault(p))]);
        }).ToList();
        // A professional in two communes counts in each: the register's totals are per practice commune.
        return new DashboardTable("densite", "Densité pour 10 000 habitants",
            ["Profession", "Professionnels", "Densité du territoire", "Référence nationale", "Écart (%)", .. inRegister is null ? Array.Empty<string>() : ["Registre national", "Densité (registre)"]],
            ["", "", "", "", "%", .. inRegister is null ? Array.Empty<string>() : ["", ""]], rows, Charted: inRegister is null ? [2, 3] : [2, 3, 6],
            Note: $"Population du territoire : {population.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} habitants. Les références nationales se règlent dans la configuration (Dashboard:NationalDensity).");
    }

    /// <summary>The density maps' figures: per commune and profession, from the register once imported, else from the directory.</summary>
    public async Task<DashboardTable> DensityByCommuneAsync(CancellationToken cancellationToken)
    {
        var register = await coverage.InRegisterAsync(cancellationToken);
        var counts = register ?? await coverage.InDirectoryAsync(cancellationToken);
        var communes = await db.Communes.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.InseeCode, c.Name, c.Population }).ToListAsync(cancellationToken);
        var rows = communes.Select(c => new DashboardRow(c.Name,
            [c.Population, .. FirstLine.Select(p => c.Population <= 0 ? (decimal?)null : FirstLineCoverage.Density(counts.GetValueOrDefault((c.InseeCode, p)), c.Population))]))
            .ToList();
        return new DashboardTable("densite-communes", $"Densité par commune pour 10 000 habitants ({(register is null ? "annuaire de la CPTS" : "registre national")})",
            ["Commune", "Population", .. FirstLine.Select(Plural)], ["", "", "", "", "", ""], rows, Chart: "none", ZeroIsAlert: [2, 3, 4, 5],
            Note: "Les cartes hachurent les communes sans aucun professionnel de la profession ; les cases à zéro sont signalées.");
    }

    public async Task<DashboardTable> FichesAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime);
        var byStatus = await db.ActionSheets.GroupBy(a => new { a.Mission, a.Status }).Select(g => new { g.Key.Mission, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var late = await db.ActionSteps.Where(s => s.Status != StepStatus.Done && s.DueOn < today)
            .Join(db.ActionSheets, s => s.ActionSheetId, a => a.Id, (s, a) => a.Mission)
            .GroupBy(m => m).Select(g => new { Mission = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Mission, g => g.Count, cancellationToken);
        var statuses = Enum.GetValues<ActionStatus>();
        var rows = Enum.GetValues<AciMission>().Select(m => new DashboardRow($"{(int)m}. {m.Title()}",
            [.. statuses.Select(s => (decimal?)byStatus.Where(r => r.Mission == m && r.Status == s).Sum(r => r.Count)), late.GetValueOrDefault(m)])).ToList();
        return new DashboardTable("fiches", "Fiches action par mission et statut", ["Mission", .. statuses.Select(s => s.Label()), "Étapes en retard"],
            ["", .. statuses.Select(_ => ""), ""], rows, Charted: [.. Enumerable.Range(1, statuses.Length)], Chart: "stacked");
    }

    /// <summary>Every indicator with a target this year, with its value (entered, or computed by the portal).</summary>
    public async Task<IReadOnlyList<IndicatorStanding>> IndicatorStandingsAsync(int year, CancellationToken cancellationToken)
    {
        var rows = await db.IndicatorTargets.Where(t => t.Year == year)
            .Join(db.Indicators, t => t.IndicatorId, i => i.Id, (t, i) => new
            {
                i.Id, i.Name, i.Source, i.ActionSheet!.Mission, i.ActionSheet.Number, Target = t.Value,
                Entered = db.Measurements.Where(m => m.IndicatorId == i.Id && m.Year == year).Select(m => (decimal?)m.Value).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        var standings = new List<IndicatorStanding>();
        foreach (var r in rows.OrderBy(r => r.Number).ThenBy(r => r.Name))
        {
            var computed = r.Source == IndicatorSource.Manual ? null : await values.ComputeAsync(r.Source, year, cancellationToken);
            standings.Add(new IndicatorStanding(r.Id, r.Mission, r.Number, r.Name, r.Target, computed ?? r.Entered));
        }
        return standings;
    }

    private static DashboardTable IndicatorsTable(IReadOnlyList<IndicatorStanding> standings) =>
        new("indicateurs", "Indicateurs par rapport à leur cible de l'année", ["Mission", "Avec une cible", "Atteints", "Non atteints", "Sans valeur"],
            ["", "", "", "", ""],
            [.. Enum.GetValues<AciMission>().Select(m =>
            {
                var of = standings.Where(s => s.Mission == m).ToList();
                return new DashboardRow($"{(int)m}. {m.Title()}",
                    [of.Count, of.Count(s => s.OnTarget), of.Count(s => s.Actual is not null && !s.OnTarget), of.Count(s => s.Actual is null)]);
            })], Chart: "stacked", Charted: [2, 3, 4]);

    public async Task<DashboardTable> TrainingsAsync(int year, CancellationToken cancellationToken)
    {
        var figures = await values.TrainingFiguresAsync(year, cancellationToken);
        return new DashboardTable("formations", "Formations de l'année", ["Indicateur", "Valeur"], ["", ""],
        [
            new("Formations proposées", figures?.Offered),
            new("Formations réalisées", figures?.Held),
            new("Participants distincts", figures?.Attendees),
            new("Intervenants distincts", figures?.Trainers),
        ], Note: figures is null ? "Pas encore de données : aucune formation cette année." : null);
    }

    public async Task<DashboardTable> SatisfactionAsync(int year, CancellationToken cancellationToken)
    {
        var (from, to) = ParisTime.YearBounds(year);
        var ofYear = values.TrainingsOfYear(year).Select(t => t.Id);
        var averages = await db.SurveyAnswers.Where(a => ofYear.Contains(a.TrainingId)).GroupBy(_ => 1).Select(g => new
        {
            Count = g.Count(),
            Content = g.Average(a => (decimal)a.Content), Trainer = g.Average(a => (decimal)a.Trainer),
            Organisation = g.Average(a => (decimal)a.Organisation), Usefulness = g.Average(a => (decimal)a.Usefulness),
        }).SingleOrDefaultAsync(cancellationToken);
        decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 1) : null;
        return new DashboardTable("satisfaction", "Satisfaction des participants (note sur 5)", ["Question", "Moyenne"], ["", ""],
        [
            new("Contenu", Round(averages?.Content)),
            new("Intervenants", Round(averages?.Trainer)),
            new("Organisation", Round(averages?.Organisation)),
            new("Utilité pour la pratique", Round(averages?.Usefulness)),
        ], Note: averages is null ? "Pas encore de réponse au questionnaire cette année." : $"{averages.Count} réponse(s) au questionnaire.");
    }

    public async Task<DashboardTable> CommunicationAsync(int year, CancellationToken cancellationToken)
    {
        var (from, to) = ParisTime.YearBounds(year);
        var sent = db.Campaigns.Where(c => c.Status == CampaignStatus.Sent && c.SentAt >= from && c.SentAt < to);
        var campaigns = await sent.GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var delivered = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sent)
            .Join(sent, m => m.CampaignId, c => (Guid?)c.Id, (m, c) => c.Kind)
            .GroupBy(k => k).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var unsubscribed = await UnsubscribesAsync(year, cancellationToken);
        var rows = Enum.GetValues<CampaignKind>().Select(k => new DashboardRow(k.Label(),
            [campaigns.GetValueOrDefault(k), delivered.GetValueOrDefault(k)])).ToList();
        return new DashboardTable("communication", "Communication : campagnes envoyées", ["Type", "Campagnes", "Messages remis"], ["", "", ""], rows,
            Charted: [1], Note: $"{unsubscribed} désabonnement(s) dans l'année.");
    }

    public async Task<int> UnsubscribesAsync(int year, CancellationToken cancellationToken)
    {
        var (from, to) = ParisTime.YearBounds(year);
        return await db.MailSubscribers.CountAsync(s => s.UnsubscribedAt >= from && s.UnsubscribedAt < to, cancellationToken);
    }

    public async Task<DashboardTable> SecureMailAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Professionals.Where(p => p.AnonymisedAt == null).GroupBy(p => p.Profession)
            .Select(g => new { g.Key, Total = g.Count(), Secure = g.Count(p => p.SecureMailAddress != null) }).ToListAsync(cancellationToken);
        var table = rows.OrderByDescending(r => r.Total).Select(r => new DashboardRow(r.Key.Label(),
            [r.Total, r.Secure, r.Total == 0 ? null : Math.Round(100m * r.Secure / r.Total, 1)])).ToList();
        var total = rows.Sum(r => r.Total);
        var secure = rows.Sum(r => r.Secure);
        table.Add(new DashboardRow("Ensemble", [total, secure, total == 0 ? null : Math.Round(100m * secure / total, 1)]));
        return new DashboardTable("mssante", "Messagerie sécurisée (MSSanté) par profession", ["Profession", "Professionnels", "Avec MSSanté", "Part"],
            ["", "", "", "%"], table, Charted: [3]);
    }

    public async Task<DashboardTable> CompensationAsync(int year, CancellationToken cancellationToken)
    {
        var byStatus = await db.CompensationEntries.Where(e => e.Date.Year == year).GroupBy(e => e.Status)
            .Select(g => new { g.Key, Amount = g.Sum(e => e.Amount), People = g.Select(e => e.ProfessionalId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var envelope = compensation.Value.For(year).Envelope;
        var validated = byStatus.Where(s => s.Key == CompensationStatus.Validated).Sum(s => s.Amount);
        return new DashboardTable("indemnisation", "Indemnisation des professionnels", ["Poste", "Montant"], ["", "€"],
        [
            new("Enveloppe budgétaire de l'année", envelope),
            new("Validé", validated),
            new("À valider", byStatus.Where(s => s.Key == CompensationStatus.Submitted).Sum(s => s.Amount)),
            new("Reste de l'enveloppe", envelope - validated),
        ], Charted: [1], Note: $"{byStatus.Where(s => s.Key == CompensationStatus.Validated).Sum(s => s.People)} professionnel(s) indemnisé(s). Le travail du bureau n'est pas indemnisé.");
    }

    public async Task<DashboardTable> SnpAsync(int year, CancellationToken cancellationToken)
    {
        var figures = await values.SnpFiguresAsync(year, cancellationToken);
        return new DashboardTable("snp", "Soins non programmés : créneaux de l'année", ["Indicateur", "Valeur"], ["", ""],
        [
            new("Créneaux proposés", figures?.Offered),
            new("Créneaux attribués", figures?.Given),
            new("Créneaux honorés", figures?.Honoured),
            new("Médecins généralistes du territoire participants (%)", figures?.GpShare),
        ], Chart: "none", Note: figures is null ? "Pas encore de données : aucun créneau cette année." : null);
    }

    private sealed class WeekCount
    {
        public DateOnly Week { get; init; }
        public int Offered { get; init; }
        public int Given { get; init; }
        public int Honoured { get; init; }
    }

    public async Task<DashboardTable> SnpByWeekAsync(int year, CancellationToken cancellationToken)
    {
        var (from, to) = ParisTime.YearBounds(year);
        // In SQL: weeks start on Monday in Paris time, which LINQ cannot say.
        var weeks = await db.Database.SqlQuery<WeekCount>($"""
            SELECT date_trunc('week', starts_at AT TIME ZONE 'Europe/Paris')::date AS "Week", count(*)::int AS "Offered",
                count(*) FILTER (WHERE status = 1)::int AS "Given", count(*) FILTER (WHERE status = 1 AND honoured)::int AS "Honoured"
            FROM snp_slots WHERE starts_at >= {from} AND starts_at < {to} AND status <> 2
            GROUP BY 1 ORDER BY 1
            """).ToListAsync(cancellationToken);
        return new DashboardTable("snp-semaines", "Soins non programmés par semaine", ["Semaine du", "Proposés", "Attribués", "Honorés"], ["", "", "", ""],
            [.. weeks.Select(w => new DashboardRow(w.Week.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), [w.Offered, w.Given, w.Honoured]))], Chart: "line");
    }

    public async Task<DashboardTable> SnpByCommuneAsync(int year, CancellationToken cancellationToken)
    {
        var (from, to) = ParisTime.YearBounds(year);
        var rows = await db.SnpSlots.Where(s => s.StartsAt >= from && s.StartsAt < to && s.Status != SnpSlotStatus.Withdrawn)
            .GroupBy(s => s.Commune == null ? null : s.Commune.Name)
            .Select(g => new { Name = g.Key, Offered = g.Count(), Given = g.Count(s => s.Status == SnpSlotStatus.Given), Honoured = g.Count(s => s.Status == SnpSlotStatus.Given && s.Honoured == true) })
            .ToListAsync(cancellationToken);
        return new DashboardTable("snp-communes", "Soins non programmés par commune", ["Commune", "Proposés", "Attribués", "Honorés"], ["", "", "", ""],
            [.. rows.OrderByDescending(r => r.Offered).ThenBy(r => r.Name).Select(r => new DashboardRow(r.Name ?? "Hors territoire", [r.Offered, r.Given, r.Honoured]))]);
    }

    public async Task<AciEstimate> AciAsync(int year, CancellationToken cancellationToken) => Aci(year, await IndicatorStandingsAsync(year, cancellationToken));

    /// <summary>
    /// The rule: the fixed part of each mission is due; its variable part is paid in proportion to the mean achievement of
    /// the mission's indicators that have a target for the year (each counted up to 100 %, a missing value as 0 %).
    /// </summary>
    public const string AciRule = "Part fixe : due dès que la mission est engagée. Part variable : montant maximal × taux d'atteinte moyen des indicateurs "
        + "de la mission qui ont une cible pour l'année (chaque indicateur compte pour au plus 100 % ; un indicateur sans valeur compte pour 0 %). "
        + "Une mission sans indicateur ciblé n'a pas de part variable estimée.";

    public AciEstimate Aci(int year, IReadOnlyList<IndicatorStanding> standings)
    {
        var scale = aci.Value.ScaleFor(year);
        var lines = Enum.GetValues<AciMission>().Select(m =>
        {
            var amounts = scale?.Missions.GetValueOrDefault(m) ?? new AciAmounts();
            var of = standings.Where(s => s.Mission == m).ToList();
            decimal? achievement = of.Count == 0 ? null : Math.Round(of.Average(s => s.Achievement), 3);
            return new AciLine(m, amounts.Fixed, amounts.Variable, of.Count, achievement, Math.Round(amounts.Variable * (achievement ?? 0), 0));
        }).ToList();
        return new AciEstimate(year, aci.Value.Size, scale?.Functioning ?? 0, lines);
    }

    private static DashboardTable AciTable(AciEstimate estimate) =>
        new("aci", $"Financement ACI estimé {estimate.Year}", ["Mission", "Part fixe", "Part variable maximale", "Taux d'atteinte", "Part variable estimée", "Total"],
            ["", "€", "€", "%", "€", "€"],
            [
                new("Fonctionnement de la CPTS", [estimate.Functioning, null, null, null, estimate.Functioning]),
                .. estimate.Missions.Select(l => new DashboardRow($"{(int)l.Mission}. {l.Mission.Title()}",
                    [l.Fixed, l.VariableMax, l.Achievement is { } a ? Math.Round(100 * a, 1) : null, l.Variable, l.Total])),
                new("Total", [estimate.Functioning + estimate.Missions.Sum(l => l.Fixed), estimate.Missions.Sum(l => l.VariableMax), null,
                    estimate.Missions.Sum(l => l.Variable), estimate.Expected]),
            ], Chart: "stacked", Charted: [1, 4], Note: AciRule);
}
