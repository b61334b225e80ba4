using System.Net;
using System.Text.Json;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Fiches;

public sealed class IndicatorTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private int Year => portal.Clock.GetUtcNow().ToParis().Year;

    private static string Spaces(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');

    [Fact]
    public async Task A_pilot_records_a_measurement_and_the_fiche_shows_it_in_the_chart_the_table_and_the_history()
    {
        var (pilot, id) = await FicheSteps.FichePilotedAsync(portal, "Créneaux de soins non programmés");
        var indicatorId = await FicheSteps.IndicatorAsync(portal, id, "Créneaux ouverts par semaine", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(IndicatorKind.Process), ["Input.Unit"] = nameof(IndicatorUnit.Count), ["Input.Baseline"] = "0",
            ["Input.Targets[0].Year"] = $"{Year}", ["Input.Targets[0].Value"] = "40",
            ["Input.Targets[1].Year"] = $"{Year + 1}", ["Input.Targets[1].Value"] = "60",
        });

        var fiche = await pilot.GetAsync($"/gestion/fiches/{id}");
        Assert.NotNull(fiche.Find($"a[href='/gestion/fiches/{id}/indicateurs/{indicatorId}/mesures']"));
        var saved = await pilot.FillAsync($"/gestion/fiches/{id}/indicateurs/{indicatorId}/mesures", new Dictionary<string, string>
        {
            ["Input.Year"] = $"{Year}", ["Input.Value"] = "35,5", ["Input.Comment"] = "Relevé sur l'agenda partagé.",
        });

        Assert.Contains($"Mesure {Year} enregistrée : 35,5", saved.Text);
        var chart = JsonDocument.Parse(saved.Find($"#indicateur-{indicatorId} canvas")!.GetAttribute("data-chart")!).RootElement;
        Assert.Equal([$"{Year}", $"{Year + 1}"], chart.GetProperty("labels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([40m, 60m], chart.GetProperty("target").EnumerateArray().Select(e => e.GetDecimal()));
        Assert.Equal(35.5m, chart.GetProperty("actual")[0].GetDecimal());
        var row = saved.Find($"#indicateur-{indicatorId} tbody tr")!.TextContent;
        Assert.Contains("40", row);
        Assert.Contains("35,5", row);
        Assert.Contains("Relevé sur l'agenda partagé.", row);
        Assert.Contains($"Mesure {Year} de « Créneaux ouverts par semaine »", saved.Find("#historique")!.ParentElement!.TextContent);

        var measurement = await portal.WithDbAsync(db => db.Measurements.SingleAsync(m => m.IndicatorId == indicatorId));
        var pilotUsers = await portal.WithDbAsync(db => db.ActionSheets.Where(a => a.Id == id).SelectMany(a => a.Pilots).Select(p => p.UserId).ToListAsync());
        Assert.Contains(measurement.EnteredById, pilotUsers);
        Assert.Equal((35.5m, "Relevé sur l'agenda partagé."), (measurement.Value, measurement.Comment));

        var csv = await pilot.Http.GetStringAsync("/gestion/fiches/indicateurs.csv");
        Assert.StartsWith("N°;Fiche;Mission ACI;Indicateur", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains($";Créneaux de soins non programmés;Accès aux soins;Créneaux ouverts par semaine;Processus;Nombre;saisi;{Year};40;35,5;", csv);
        Assert.Contains($";Créneaux ouverts par semaine;Processus;Nombre;saisi;{Year + 1};60;;", csv);
    }

    [Fact]
    public async Task A_second_value_for_the_same_year_replaces_the_first_only_when_asked_and_the_history_keeps_both()
    {
        var (pilot, id) = await FicheSteps.FichePilotedAsync(portal, "Réseau plaies");
        var indicatorId = await FicheSteps.IndicatorAsync(portal, id, "Patients inclus");
        var url = $"/gestion/fiches/{id}/indicateurs/{indicatorId}/mesures";
        await pilot.FillAsync(url, new Dictionary<string, string> { ["Input.Year"] = $"{Year - 1}", ["Input.Value"] = "22" });

        var refused = await pilot.FillAsync(url, new Dictionary<string, string> { ["Input.Year"] = $"{Year - 1}", ["Input.Value"] = "25", ["Input.Replace"] = "false" });
        Assert.Contains("Une valeur est déjà enregistrée", refused.ErrorFor("Input.Replace"));
        Assert.Equal("25", refused.ValueOf("Input.Value"));
        Assert.Equal(22m, await portal.WithDbAsync(db => db.Measurements.Where(m => m.IndicatorId == indicatorId).Select(m => m.Value).SingleAsync()));

        var replaced = await pilot.SubmitAsync(refused, url, new Dictionary<string, string> { ["Input.Replace"] = "true" });
        Assert.Contains("enregistrée : 25", replaced.Text);
        Assert.Equal(25m, await portal.WithDbAsync(db => db.Measurements.Where(m => m.IndicatorId == indicatorId).Select(m => m.Value).SingleAsync()));
        var history = await portal.WithDbAsync(db => db.ActionChanges.Where(c => c.ActionSheetId == id && c.Field.StartsWith("Mesure")).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([(null, "22"), ("22", "25")], history.Select(c => (c.OldValue, c.NewValue)));
    }

    [Fact]
    public async Task A_ratio_is_entered_as_numerator_and_denominator_and_bad_values_are_explained_next_to_the_field()
    {
        var (pilot, id) = await FicheSteps.FichePilotedAsync(portal, "Créneaux utilisés");
        var indicatorId = await FicheSteps.IndicatorAsync(portal, id, "Part des créneaux utilisés", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(IndicatorKind.Outcome), ["Input.Unit"] = nameof(IndicatorUnit.Percent), ["Input.IsRatio"] = "true",
        });
        var url = $"/gestion/fiches/{id}/indicateurs/{indicatorId}/mesures";

        var bad = await pilot.FillAsync(url, new Dictionary<string, string>
        {
            ["Input.Year"] = "l'an dernier", ["Input.Numerator"] = "60", ["Input.Denominator"] = "48", ["Input.Comment"] = new string('x', 1200),
        });
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.NotNull(bad.ErrorFor("Input.Year"));
        Assert.Contains("ne peut pas dépasser", bad.ErrorFor("Input.Numerator"));
        Assert.Contains("1 000 caractères", bad.ErrorFor("Input.Comment"));
        Assert.Equal("l'an dernier", bad.ValueOf("Input.Year"));
        Assert.Equal("48", bad.ValueOf("Input.Denominator"));

        var zero = await pilot.SubmitAsync(bad, url, new Dictionary<string, string> { ["Input.Year"] = $"{Year}", ["Input.Numerator"] = "12", ["Input.Denominator"] = "0", ["Input.Comment"] = "" });
        Assert.Contains("supérieur à zéro", zero.ErrorFor("Input.Denominator"));

        var good = await pilot.SubmitAsync(zero, url, new Dictionary<string, string> { ["Input.Denominator"] = "48" });
        Assert.Contains("enregistrée : 25 %", Spaces(good.Text));
        var measurement = await portal.WithDbAsync(db => db.Measurements.SingleAsync(m => m.IndicatorId == indicatorId));
        Assert.Equal((25m, 12m, 48m), (measurement.Value, measurement.Numerator!.Value, measurement.Denominator!.Value));
    }

    [Fact]
    public async Task Bad_indicator_definitions_are_explained_and_kept_and_targets_are_edited_by_year()
    {
        var (_, id) = await FicheSteps.FichePilotedAsync(portal, "Ateliers au lycée");
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var bad = await board.FillAsync($"/gestion/fiches/{id}/indicateurs/nouveau", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Unit"] = nameof(IndicatorUnit.Count), ["Input.IsRatio"] = "true", ["Input.Kind"] = "Magique",
            ["Input.Targets[0].Year"] = "2026", ["Input.Targets[0].Value"] = "10",
            ["Input.Targets[1].Year"] = "2026", ["Input.Targets[1].Value"] = "beaucoup",
            ["Input.Targets[2].Year"] = "3000",
        });
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.NotNull(bad.ErrorFor("Input.Name"));
        Assert.NotNull(bad.ErrorFor("Input.Kind"));
        Assert.Contains("s'exprime en %", bad.ErrorFor("Input.Unit"));
        Assert.Contains("déjà une cible", bad.ErrorFor("Input.Targets[1].Year"));
        Assert.NotNull(bad.ErrorFor("Input.Targets[1].Value"));
        Assert.Contains("entre 2000 et 2100", bad.ErrorFor("Input.Targets[2].Year"));
        Assert.Contains("valeur visée", bad.ErrorFor("Input.Targets[2].Value"));
        Assert.Equal("beaucoup", bad.ValueOf("Input.Targets[1].Value"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Indicators.CountAsync(i => i.ActionSheetId == id)));

        var indicatorId = await FicheSteps.IndicatorAsync(portal, id, "Ateliers réalisés", new Dictionary<string, string>
        {
            ["Input.Targets[0].Year"] = "2025", ["Input.Targets[0].Value"] = "8", ["Input.Targets[1].Year"] = "2026", ["Input.Targets[1].Value"] = "12",
        });
        var edited = await board.FillAsync($"/gestion/fiches/{id}/indicateurs/{indicatorId}/modifier", new Dictionary<string, string>
        {
            ["Input.Targets[0].Year"] = "", ["Input.Targets[0].Value"] = "", ["Input.Targets[1].Value"] = "14",
            ["Input.Targets[2].Year"] = "2027", ["Input.Targets[2].Value"] = "16",
        });
        Assert.Contains("enregistré", edited.Text);
        var targets = await portal.WithDbAsync(db => db.IndicatorTargets.Where(t => t.IndicatorId == indicatorId).OrderBy(t => t.Year).Select(t => new { t.Year, t.Value }).ToListAsync());
        Assert.Equal([(2026, 14m), (2027, 16m)], targets.Select(t => (t.Year, t.Value)));
        var change = await portal.WithDbAsync(db => db.ActionChanges.Where(c => c.ActionSheetId == id && c.Field == "Indicateur « Ateliers réalisés »").OrderBy(c => c.Id).LastAsync());
        Assert.Contains("cible 2025 : 8", change.OldValue);
        Assert.Contains("cible 2027 : 16", change.NewValue);
    }

    [Fact]
    public async Task Two_people_editing_the_same_indicator_the_second_is_told_and_keeps_their_input()
    {
        var (pilot, id) = await FicheSteps.FichePilotedAsync(portal, "Vaccination");
        var indicatorId = await FicheSteps.IndicatorAsync(portal, id, "Couverture vaccinale");
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var url = $"/gestion/fiches/{id}/indicateurs/{indicatorId}/modifier";
        var pilotForm = await pilot.GetAsync(url);
        await coordinator.FillAsync(url, new Dictionary<string, string> { ["Input.Name"] = "Couverture vaccinale grippe" });

        var second = await pilot.SubmitAsync(pilotForm, url, new Dictionary<string, string> { ["Input.Computation"] = "Vaccinés / population cible" });
        Assert.Contains("a été modifié pendant que vous le modifiiez", second.FormErrors);
        Assert.Contains("Couverture vaccinale grippe", second.FormErrors);
        Assert.Equal("Vaccinés / population cible", second.ValueOf("Input.Computation"));
        Assert.Equal("Couverture vaccinale grippe", await portal.WithDbAsync(db => db.Indicators.Where(i => i.Id == indicatorId).Select(i => i.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_pilot_cannot_touch_the_indicators_of_someone_elses_fiche_and_an_adherent_only_reads_them()
    {
        var (pilot, _) = await FicheSteps.FichePilotedAsync(portal, "Annuaire des lignes directes");
        var (_, otherId) = await FicheSteps.FichePilotedAsync(portal, "Sortie d'hospitalisation");
        var indicatorId = await FicheSteps.IndicatorAsync(portal, otherId, "Sorties préparées");

        Assert.True((await pilot.GetAsync($"/gestion/fiches/{otherId}/indicateurs/nouveau")).IsRefused);
        Assert.True((await pilot.GetAsync($"/gestion/fiches/{otherId}/indicateurs/{indicatorId}/mesures")).IsRefused);
        var page = await pilot.GetAsync($"/gestion/fiches/{otherId}");
        var post = await pilot.PostFromAsync(page, $"/gestion/fiches/{otherId}/indicateurs/{indicatorId}/mesures", ("Input.Year", $"{Year}"), ("Input.Value", "99"));
        Assert.True(post.IsRefused);
        var delete = await pilot.PostFromAsync(page, $"/gestion/fiches/{otherId}/indicateurs/{indicatorId}/supprimer");
        Assert.True(delete.IsRefused);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Measurements.CountAsync(m => m.IndicatorId == indicatorId)));
        Assert.True(await portal.WithDbAsync(db => db.Indicators.AnyAsync(i => i.Id == indicatorId)));

        var (reader, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        var read = await reader.GetAsync($"/gestion/fiches/{otherId}");
        Assert.Contains("Sorties préparées", read.Text);
        Assert.Null(read.Find($"a[href='/gestion/fiches/{otherId}/indicateurs/{indicatorId}/mesures']"));
        Assert.Null(read.Find($"a[href='/gestion/fiches/{otherId}/indicateurs/nouveau']"));
    }

    [Fact]
    public async Task Deleting_an_indicator_keeps_its_definition_and_values_in_the_history()
    {
        var (pilot, id) = await FicheSteps.FichePilotedAsync(portal, "Plan de crise");
        var indicatorId = await FicheSteps.IndicatorAsync(portal, id, "Exercices réalisés");
        await pilot.FillAsync($"/gestion/fiches/{id}/indicateurs/{indicatorId}/mesures", new Dictionary<string, string> { ["Input.Year"] = $"{Year}", ["Input.Value"] = "1" });

        var page = await pilot.GetAsync($"/gestion/fiches/{id}");
        var deleted = await pilot.SubmitAsync(page, $"/gestion/fiches/{id}/indicateurs/{indicatorId}/supprimer", new Dictionary<string, string>());
        Assert.Contains("supprimé", deleted.Text);
        Assert.False(await portal.WithDbAsync(db => db.Indicators.AnyAsync(i => i.Id == indicatorId)));
        var change = await portal.WithDbAsync(db => db.ActionChanges.Where(c => c.ActionSheetId == id && c.NewValue == "supprimé").SingleAsync());
        Assert.Contains($"{Year} : 1", change.OldValue);
    }

    [Fact]
    public async Task A_computed_indicator_refuses_typed_values()
    {
        var (pilot, id) = await FicheSteps.FichePilotedAsync(portal, "Faire vivre la CPTS");
        var adherents = await FicheSteps.IndicatorAsync(portal, id, "Adhérents", new Dictionary<string, string> { ["Input.Source"] = nameof(IndicatorSource.AdherentCount) });
        var page = await pilot.GetAsync($"/gestion/fiches/{id}/indicateurs/{adherents}/mesures");
        Assert.Contains("calculé par le portail", page.Text);

        var post = await pilot.PostFromAsync(page, $"/gestion/fiches/{id}/indicateurs/{adherents}/mesures", ("Input.Year", $"{Year}"), ("Input.Value", "500"));
        Assert.Contains("ses valeurs ne se saisissent pas", post.FormErrors);
        Assert.False(await portal.WithDbAsync(db => db.Measurements.AnyAsync(m => m.IndicatorId == adherents && m.Value == 500)));
    }
}
