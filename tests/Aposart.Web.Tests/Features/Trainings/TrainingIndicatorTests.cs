using Aposart.Web.Domain;
using Aposart.Web.Features.Fiches;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Features.Fiches;
using Aposart.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Trainings;

/// <summary>The year's training figures. This class's database holds only the trainings written here.</summary>
public sealed class TrainingIndicatorTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Training Training(string title, TrainingStatus status, params DateTimeOffset[] starts) => new()
    {
        Title = title, Status = status, Capacity = 10,
        Sessions = [.. starts.Select(s => new TrainingSession { StartsAt = s, EndsAt = s.AddHours(2), Room = "Salle" })],
    };

    [Fact]
    public async Task Trainings_offered_held_attendees_and_trainers_of_the_year_feed_the_fiche_indicators()
    {
        var year = portal.Clock.GetUtcNow().ToParis().Year;
        DateTimeOffset On(int y, int month) => ParisTime.FromParis(new DateOnly(y, month, 15), new TimeOnly(19, 30));
        await portal.WithDbAsync(async db =>
        {
            var anne = new Professional { FirstName = "Anne", LastName = "Présente", Profession = Profession.Nurse };
            var marc = new Professional { FirstName = "Marc", LastName = "Parfois", Profession = Profession.Pharmacist };
            db.Professionals.AddRange(anne, marc);
            var held = Training("Tenue en deux séances", TrainingStatus.Held, On(year, 1), On(year, 2));
            held.Trainers = [new TrainingTrainer { Name = "Dr Externe" }, new TrainingTrainer { Name = "dr externe ", SortOrder = 1 }];
            held.Sessions[0].Attendance = [new SessionAttendance { Professional = anne, Present = true, MarkedByName = "c" }, new SessionAttendance { Professional = marc, Present = true, MarkedByName = "c" }];
            held.Sessions[1].Attendance = [new SessionAttendance { Professional = anne, Present = true, MarkedByName = "c" }, new SessionAttendance { Professional = marc, Present = false, MarkedByName = "c" }];
            var lastYear = Training("L'an dernier", TrainingStatus.Held, On(year - 1, 6));
            lastYear.Sessions[0].Attendance = [new SessionAttendance { Professional = anne, Present = true, MarkedByName = "c" }];
            db.Trainings.AddRange(held, lastYear, Training("Publiée", TrainingStatus.Published, On(year, 3)),
                Training("Annulée", TrainingStatus.Cancelled, On(year, 4)), Training("En projet", TrainingStatus.Draft, On(year, 5)));
            return await db.SaveChangesAsync();
        });

        using (var scope = portal.Services.CreateScope())
        {
            var values = scope.ServiceProvider.GetRequiredService<IndicatorValues>();
            Assert.Equal(new TrainingFigures(Offered: 2, Held: 1, Attendees: 2, Trainers: 1), await values.TrainingFiguresAsync(year, CancellationToken.None));
            Assert.Equal(new TrainingFigures(Offered: 1, Held: 1, Attendees: 1, Trainers: 0), await values.TrainingFiguresAsync(year - 1, CancellationToken.None));
            Assert.Null(await values.TrainingFiguresAsync(year - 5, CancellationToken.None));
        }

        var (pilot, id) = await FicheSteps.FichePilotedAsync(portal, "Formations interprofessionnelles");
        var held = await FicheSteps.IndicatorAsync(portal, id, "Formations réalisées", new Dictionary<string, string> { ["Input.Source"] = nameof(IndicatorSource.TrainingsHeld) });
        var attendees = await FicheSteps.IndicatorAsync(portal, id, "Participants distincts", new Dictionary<string, string> { ["Input.Source"] = nameof(IndicatorSource.TrainingAttendees) });
        var fiche = await pilot.GetAsync($"/gestion/fiches/{id}");
        string Actual(Guid indicator, int y) => fiche.Document.QuerySelectorAll($"#indicateur-{indicator} tbody tr")
            .Single(row => row.QuerySelector("th")!.TextContent == y.ToString(System.Globalization.CultureInfo.InvariantCulture)).QuerySelector("td:nth-of-type(2)")!.TextContent.Trim();
        Assert.Equal("1", Actual(held, year));
        Assert.Equal("2", Actual(attendees, year));
    }
}
