using Aposart.Web.Domain;
using Aposart.Web.Features.Fiches;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Fiches;

/// <summary>Indicators the portal computes from its own data. This class's database holds only the people these tests create.</summary>
public sealed class ComputedIndicatorTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private int Year => portal.Clock.GetUtcNow().ToParis().Year;

    private static string Spaces(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');

    private async Task AddProfessionalsAsync(params string?[] secureMailAddresses) =>
        await portal.WithDbAsync(async db =>
        {
            foreach (var address in secureMailAddresses)
            {
                db.Professionals.Add(new Professional { FirstName = "Jeanne", LastName = "Annuaire", Profession = Profession.Nurse, SecureMailAddress = address });
            }
            return await db.SaveChangesAsync();
        });

    private async Task<string> RunSnapshotsAsync()
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IndicatorSnapshots>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Secure_mail_share_and_adherent_count_are_computed_from_the_directory_and_the_memberships_and_kept_each_year()
    {
        // The pilot and both applicants fill a profile with an MSSanté address; of the three people added here one has one.
        var (pilot, id) = await FicheSteps.FichePilotedAsync(portal, "Messagerie sécurisée pour tous");
        await AddProfessionalsAsync("jeanne.annuaire@infirmier.mssante.fr", null, null);
        var (_, _, approvedId) = await Steps.ApplicantAsync(portal, "Validée");
        await Steps.ApplicantAsync(portal, "Enattente");
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        await Steps.DecideAsync(board, approvedId, "valider");

        var share = await FicheSteps.IndicatorAsync(portal, id, "Professionnels ayant une adresse MSSanté", new Dictionary<string, string>
        {
            ["Input.Source"] = nameof(IndicatorSource.SecureMailShare), ["Input.Unit"] = nameof(IndicatorUnit.Count),
            ["Input.Targets[0].Year"] = $"{Year}", ["Input.Targets[0].Value"] = "70",
        });
        var adherents = await FicheSteps.IndicatorAsync(portal, id, "Adhérents de l'année", new Dictionary<string, string> { ["Input.Source"] = nameof(IndicatorSource.AdherentCount) });
        var trainings = await FicheSteps.IndicatorAsync(portal, id, "Formations réalisées", new Dictionary<string, string> { ["Input.Source"] = nameof(IndicatorSource.TrainingsHeld) });

        // 6 people in the directory, 4 with an address; 1 validated membership this year, the other still pending.
        var fiche = await pilot.GetAsync($"/gestion/fiches/{id}");
        Assert.Equal("66,7 %", Spaces(fiche.Find($"#indicateur-{share} tbody tr td:nth-of-type(2)")!.TextContent.Trim()));
        Assert.Contains("calculé aujourd'hui", fiche.Find($"#indicateur-{share} tbody")!.TextContent);
        Assert.Equal(IndicatorUnit.Percent, await portal.WithDbAsync(db => db.Indicators.Where(i => i.Id == share).Select(i => i.Unit).SingleAsync()));
        Assert.Equal($"{Year}", fiche.Find($"#indicateur-{adherents} tbody tr th")!.TextContent);
        Assert.Equal("1", fiche.Find($"#indicateur-{adherents} tbody tr td:nth-of-type(2)")!.TextContent.Trim());
        // No training in the calendar yet: nothing computed, nothing invented.
        Assert.Equal("—", fiche.Find($"#indicateur-{trainings} tbody tr td:nth-of-type(2)")!.TextContent.Trim());
        Assert.Null(fiche.Find($"a[href='/gestion/fiches/{id}/indicateurs/{share}/mesures']"));

        Assert.Equal($"2 valeur(s) relevée(s) pour {Year}", await RunSnapshotsAsync());
        Assert.Equal($"0 valeur(s) relevée(s) pour {Year}", await RunSnapshotsAsync());
        await AddProfessionalsAsync("paul.annuaire@medecin.mssante.fr");
        Assert.Equal($"1 valeur(s) relevée(s) pour {Year}", await RunSnapshotsAsync());
        var kept = await portal.WithDbAsync(db => db.Measurements.Where(m => m.IndicatorId == share || m.IndicatorId == adherents)
            .OrderBy(m => m.Value).Select(m => new { m.Year, m.Value, m.EnteredByName }).ToListAsync());
        Assert.Equal([(Year, 1m), (Year, 71.4m)], kept.Select(m => (m.Year, m.Value)));
        Assert.All(kept, m => Assert.Equal(IndicatorSnapshots.EnteredBy, m.EnteredByName));
    }
}
