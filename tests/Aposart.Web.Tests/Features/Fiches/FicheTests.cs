using System.Net;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Fiches;

public sealed class FicheTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<(Browser Pilot, Guid FicheId)> FichePilotedAsync(string title) => FicheSteps.FichePilotedAsync(portal, title);

    private static Dictionary<string, string> Fiche(string title) => FicheSteps.Fiche(title);

    [Fact]
    public async Task Bureau_creates_a_fiche_with_steps_and_budget_and_late_steps_stand_out()
    {
        var (_, id) = await FichePilotedAsync("Agenda partagé des soins non programmés");
        var (reader, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        var page = await reader.GetAsync($"/gestion/fiches/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Agenda partagé des soins non programmés", page.Text);
        Assert.NotNull(page.Find("strong:contains('sans médecin généraliste')"));
        Assert.Contains("en retard", page.Find(".list-group-item-danger")!.TextContent);
        Assert.Contains("1 500,00 €", page.Text.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Null(page.Find($"a[href='/gestion/fiches/{id}/modifier']"));
    }

    [Fact]
    public async Task A_pilot_edits_their_fiche_and_the_history_says_who_changed_what_from_what_to_what()
    {
        var (pilot, id) = await FichePilotedAsync("Téléconsultations assistées");
        var saved = await pilot.FillAsync($"/gestion/fiches/{id}/modifier", new Dictionary<string, string> { ["Input.Progress"] = "45" });
        Assert.Contains("Fiche enregistrée", saved.Text);

        var change = await portal.WithDbAsync(db => db.ActionChanges.SingleAsync(c => c.ActionSheetId == id && c.Field == "Avancement"));
        Assert.Equal("20 %", change.OldValue);
        Assert.Equal("45 %", change.NewValue);
        Assert.Equal("Claire Testeuse", change.ByName);
        Assert.Contains("Avancement", saved.Find("#historique")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task A_pilot_cannot_edit_someone_elses_fiche_and_an_adherent_cannot_create_one()
    {
        var (pilot, _) = await FichePilotedAsync("Ateliers au lycée");
        var (_, otherId) = await FichePilotedAsync("Prévention du suicide");

        var edit = await pilot.GetAsync($"/gestion/fiches/{otherId}/modifier");
        Assert.True(edit.IsRefused, $"{edit.Status} {edit.Url}");
        var form = await pilot.GetAsync($"/gestion/fiches/{otherId}");
        var post = await pilot.SubmitAsync(form, $"/gestion/fiches/{otherId}/commentaires", new Dictionary<string, string> { ["Text"] = "Un commentaire est permis." });
        Assert.Contains("Un commentaire est permis.", post.Text);
        var hijack = await pilot.PostAsync($"/gestion/fiches/{otherId}/modifier",
            [new("__RequestVerificationToken", form.Find("input[name='__RequestVerificationToken']")!.GetAttribute("value")!), new("Input.Title", "Piraté")]);
        Assert.True(hijack.IsRefused);
        Assert.Equal("Prévention du suicide", await portal.WithDbAsync(db => db.ActionSheets.Where(a => a.Id == otherId).Select(a => a.Title).SingleAsync()));

        var create = await pilot.GetAsync("/gestion/fiches/nouvelle");
        Assert.True(create.IsRefused);
        var (professional, _) = await portal.SignedInAsync(Roles.Professional);
        Assert.StartsWith("/compte/acces-refuse", (await professional.GetAsync("/gestion/fiches")).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_of_two_people_saving_the_same_fiche_sees_what_changed_and_keeps_their_input()
    {
        var (pilot, id) = await FichePilotedAsync("Réseau plaies");
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var pilotForm = await pilot.GetAsync($"/gestion/fiches/{id}/modifier");
        var coordinatorForm = await coordinator.GetAsync($"/gestion/fiches/{id}/modifier");

        await coordinator.SubmitAsync(coordinatorForm, $"/gestion/fiches/{id}/modifier", new Dictionary<string, string> { ["Input.Title"] = "Réseau plaies et cicatrisation" });
        var second = await pilot.SubmitAsync(pilotForm, $"/gestion/fiches/{id}/modifier", new Dictionary<string, string> { ["Input.Progress"] = "60" });

        Assert.Contains("modifiée par Claire Testeuse pendant que vous la modifiiez", second.FormErrors);
        var conflicts = second.Find("#conflits")!.TextContent;
        Assert.Contains("Réseau plaies et cicatrisation", conflicts);
        Assert.Equal("60", second.ValueOf("Input.Progress"));
        Assert.Equal("Réseau plaies", second.ValueOf("Input.Title"));
        var fiche = await portal.WithDbAsync(db => db.ActionSheets.SingleAsync(a => a.Id == id));
        Assert.Equal(("Réseau plaies et cicatrisation", 20), (fiche.Title, fiche.Progress));

        var retried = await pilot.SubmitAsync(second, $"/gestion/fiches/{id}/modifier", new Dictionary<string, string> { ["Input.Title"] = "Réseau plaies et cicatrisation" });
        Assert.Contains("Fiche enregistrée", retried.Text);
        Assert.Equal(60, await portal.WithDbAsync(db => db.ActionSheets.Where(a => a.Id == id).Select(a => a.Progress).SingleAsync()));
    }

    [Fact]
    public async Task Two_people_changing_only_steps_are_checked_against_each_other_too()
    {
        var (pilot, id) = await FichePilotedAsync("Sortie d'hospitalisation");
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var pilotForm = await pilot.GetAsync($"/gestion/fiches/{id}/modifier");
        await coordinator.FillAsync($"/gestion/fiches/{id}/modifier", new Dictionary<string, string> { ["Input.Steps[0].Status"] = nameof(StepStatus.Done) });

        var second = await pilot.SubmitAsync(pilotForm, $"/gestion/fiches/{id}/modifier", new Dictionary<string, string> { ["Input.Steps[2].Title"] = "Bilan avec l'hôpital" });
        Assert.Contains("pendant que vous la modifiiez", second.FormErrors);
        Assert.Contains("Recenser les créneaux (15/01/2020) : Faite", second.Find("#conflits")!.TextContent);
        Assert.Equal("Bilan avec l'hôpital", second.ValueOf("Input.Steps[2].Title"));
        var steps = await portal.WithDbAsync(db => db.ActionSteps.Where(s => s.ActionSheetId == id).OrderBy(s => s.SortOrder).Select(s => s.Title).ToListAsync());
        Assert.Equal(["Recenser les créneaux", "Ouvrir l'agenda partagé"], steps);
    }

    [Fact]
    public async Task A_pilot_ticks_a_step_done_from_the_checklist_and_the_history_records_it()
    {
        var (pilot, id) = await FichePilotedAsync("Vaccination hors cabinet");
        var page = await pilot.GetAsync($"/gestion/fiches/{id}");
        Assert.NotNull(page.Find(".list-group-item-danger"));
        var stepId = await portal.WithDbAsync(db => db.ActionSteps.Where(s => s.ActionSheetId == id && s.SortOrder == 0).Select(s => s.Id).SingleAsync());

        var ticked = await pilot.SubmitAsync(page, $"/gestion/fiches/{id}/etapes/{stepId}", new Dictionary<string, string>());
        Assert.Contains("« Recenser les créneaux » : faite", ticked.Text);
        Assert.Null(ticked.Find(".list-group-item-danger"));
        var change = await portal.WithDbAsync(db => db.ActionChanges.SingleAsync(c => c.ActionSheetId == id && c.Field == "Étapes"));
        Assert.Contains("Recenser les créneaux (15/01/2020) : À faire", change.OldValue);
        Assert.Contains("Recenser les créneaux (15/01/2020) : Faite", change.NewValue);

        var stale = await pilot.SubmitAsync(page, $"/gestion/fiches/{id}/etapes/{stepId}", new Dictionary<string, string>());
        Assert.Contains("modifiée par quelqu'un d'autre", stale.Text);
        var (reader, _) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        var readerPage = await reader.GetAsync($"/gestion/fiches/{id}");
        Assert.Null(readerPage.Find($"form[action^='/gestion/fiches/{id}/etapes/']"));
        var refused = await reader.PostFromAsync(readerPage, $"/gestion/fiches/{id}/etapes/{stepId}", ("status", "ToDo"));
        Assert.True(refused.IsRefused);
    }

    [Fact]
    public async Task Bad_fiche_input_is_explained_next_to_the_field_and_kept()
    {
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var fields = Fiche("");
        fields["Input.Progress"] = "150";
        fields["Input.Mission"] = "Astrologie";
        fields["Input.Steps[0].DueOn"] = "31/02/2026";
        fields["Input.BudgetLines[0].Amount"] = "beaucoup";
        fields["Input.Published"] = "true";
        var page = await board.FillAsync("/gestion/fiches/nouvelle", fields);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.ErrorFor("Input.Title"));
        Assert.Contains("entre 0 et 100", page.ErrorFor("Input.Progress"));
        Assert.NotNull(page.ErrorFor("Input.Mission"));
        Assert.NotNull(page.ErrorFor("Input.Steps[0].DueOn"));
        Assert.Contains("n'est pas un montant", page.ErrorFor("Input.BudgetLines[0].Amount"));
        Assert.Contains("résumé public", page.ErrorFor("Input.PublicSummary"));
        Assert.Equal("Trente communes **sans médecin généraliste**.", page.ValueOf("Input.Context"));
        Assert.Equal("beaucoup", page.ValueOf("Input.BudgetLines[0].Amount"));
    }
}
