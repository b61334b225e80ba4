using System.Globalization;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Trainings;

/// <summary>What the training tests do again and again: a training created through the coordinator's form, people with a profile.</summary>
public static class TrainingSteps
{
    public static DateOnly InDays(PortalFactory portal, int days) => DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToParis().DateTime).AddDays(days);

    public static Dictionary<string, string> Training(PortalFactory portal, string title, int capacity = 2, int inDays = 20) => new()
    {
        ["Input.Title"] = title,
        ["Input.Theme"] = "Plaies et cicatrisation",
        ["Input.Description"] = "Prise en charge des **plaies chroniques** en ville.",
        ["Input.Capacity"] = capacity.ToString(CultureInfo.InvariantCulture),
        ["Input.Status"] = nameof(TrainingStatus.Published),
        ["Input.Audience"] = nameof(TrainingAudience.Members),
        ["Input.Meal"] = nameof(TrainingMeal.Snack),
        ["Input.Sessions[0].Date"] = InDays(portal, inDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Sessions[0].Start"] = "19:30",
        ["Input.Sessions[0].End"] = "22:00",
        ["Input.Sessions[0].Room"] = "Salle du conseil",
        ["Input.Sessions[0].Address"] = "Hôtel de ville, Rambouillet",
        ["Input.Trainers[0].Name"] = "Dr Vasculaire (intervenant extérieur)",
        ["Input.Trainers[0].Role"] = "Médecin vasculaire",
    };

    /// <summary>The coordinator creates the training through the form; returns its id.</summary>
    public static async Task<Guid> CreateAsync(PortalFactory portal, Browser coordinator, Dictionary<string, string> fields)
    {
        var page = await coordinator.FillAsync("/gestion/formations/nouvelle", fields);
        Assert.True(page.Text.Contains("créée", StringComparison.Ordinal), page.FormErrors);
        return await portal.WithDbAsync(db => db.Trainings.Where(t => t.Title == fields["Input.Title"]).Select(t => t.Id).SingleAsync());
    }

    /// <summary>A signed-in adherent with a directory record.</summary>
    public static async Task<(Browser Browser, AppUser User, Guid ProfessionalId)> MemberAsync(PortalFactory portal, string lastName, params string[] roles)
    {
        var (browser, user) = await portal.SignedInAsync(roles.Length == 0 ? [Roles.Professional, Roles.Member] : roles);
        await Steps.FillProfileAsync(browser, Steps.Profile(user.Email!, lastName));
        var id = await portal.WithDbAsync(db => db.Professionals.Where(p => p.UserId == user.Id).Select(p => p.Id).SingleAsync());
        return (browser, user, id);
    }

    public static async Task<Page> RegisterAsync(Browser browser, Guid trainingId) =>
        await browser.SubmitAsync(await browser.GetAsync($"/formations/{trainingId}"), $"/formations/{trainingId}/inscription", new Dictionary<string, string>());
}
