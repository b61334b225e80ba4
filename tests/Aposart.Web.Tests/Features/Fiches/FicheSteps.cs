using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Fiches;

/// <summary>What the fiche tests do again and again: a fiche's fields, and a fiche created by the bureau for a new pilot.</summary>
public static class FicheSteps
{
    private static int number = 100;

    public static Dictionary<string, string> Fiche(string title) => new()
    {
        ["Input.Number"] = Interlocked.Increment(ref number).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Title"] = title,
        ["Input.Mission"] = nameof(AciMission.AccessToCare),
        ["Input.Status"] = nameof(ActionStatus.InProgress),
        ["Input.Progress"] = "20",
        ["Input.Context"] = "Trente communes **sans médecin généraliste**.",
        ["Input.Steps[0].Title"] = "Recenser les créneaux",
        ["Input.Steps[0].DueOn"] = "2020-01-15",
        ["Input.Steps[1].Title"] = "Ouvrir l'agenda partagé",
        ["Input.Steps[1].Status"] = nameof(StepStatus.Done),
        ["Input.BudgetLines[0].Label"] = "Indemnisation des pilotes",
        ["Input.BudgetLines[0].Amount"] = "1 500,00",
    };

    /// <summary>An adherent with a directory record, and the bureau creating a fiche that this adherent pilots.</summary>
    public static async Task<(Browser Pilot, Guid FicheId)> FichePilotedAsync(PortalFactory portal, string title, Action<Dictionary<string, string>>? adjust = null)
    {
        var (pilot, pilotUser) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        await Steps.FillProfileAsync(pilot, Steps.Profile(pilotUser.Email!, "Pilote"));
        var professionalId = await portal.WithDbAsync(db => db.Professionals.Where(p => p.UserId == pilotUser.Id).Select(p => p.Id).SingleAsync());
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var fields = Fiche(title);
        fields["Input.PilotIds"] = professionalId.ToString();
        adjust?.Invoke(fields);
        var page = await board.FillAsync("/gestion/fiches/nouvelle", fields);
        Assert.Contains("créée", page.Text);
        var id = await portal.WithDbAsync(db => db.ActionSheets.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());
        return (pilot, id);
    }

    /// <summary>The bureau adds an indicator to a fiche through its form; returns the indicator's id.</summary>
    public static async Task<Guid> IndicatorAsync(PortalFactory portal, Guid ficheId, string name, IDictionary<string, string>? fields = null)
    {
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        var values = new Dictionary<string, string> { ["Input.Name"] = name };
        foreach (var (key, value) in fields ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }
        var page = await board.FillAsync($"/gestion/fiches/{ficheId}/indicateurs/nouveau", values);
        Assert.Contains("ajouté", page.Text);
        return await portal.WithDbAsync(db => db.Indicators.Where(i => i.ActionSheetId == ficheId && i.Name == name).Select(i => i.Id).SingleAsync());
    }
}
