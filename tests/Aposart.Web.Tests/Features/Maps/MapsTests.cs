using Aposart.Web.Configuration;
using Aposart.Web.Data.Seeding;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Maps;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Tests.Features.Maps;

/// <summary>
/// The maps drawn by the server: the territory on /la-cpts, the directory's communes, the vaccination centres, the SNP slots.
/// This class's database holds the territory and what is written here: a GP listed in Gazeran, an unlisted GP in Gazeran, a
/// nurse listed in Rambouillet, a free SNP slot in Gazeran tomorrow.
/// </summary>
public sealed class MapsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const double TownHallLatitude = 48.6435;
    private const double TownHallLongitude = 1.8298;

    public async Task InitializeAsync()
    {
        if (await portal.WithDbAsync(db => db.Professionals.AnyAsync(p => p.LastName == "Carto-Gazeran")))
        {
            return;
        }
        await portal.WithDbAsync(async db =>
        {
            Professional Person(string last, Profession profession, string insee, bool listed) => new()
            {
                FirstName = "Test", LastName = last, Profession = profession, ListedInPublicDirectory = listed,
                PracticeSites = [new PracticeSite { AddressLine = "1 rue", Postcode = "78120", City = insee, CommuneInsee = insee }],
            };
            var doctor = Person("Carto-Gazeran", Profession.GeneralPractitioner, "78269", listed: true);
            db.Professionals.AddRange(doctor, Person("Carto-Cache", Profession.GeneralPractitioner, "78269", listed: false),
                Person("Carto-Rambouillet", Profession.Nurse, "78517", listed: true));
            db.SnpSlots.Add(new SnpSlot
            {
                Professional = doctor, Place = "Cabinet de Gazeran", CommuneInsee = "78269", StartsAt = portal.Clock.GetUtcNow().AddDays(1), DurationMinutes = 20,
            });
            await db.SaveChangesAsync();
            return 0;
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private TerritoryMap Map => portal.Services.GetRequiredService<TerritoryMap>();

    [Fact]
    public async Task The_territory_page_draws_every_commune_of_the_territory_file_and_rambouillets_shape_holds_its_town_hall_once_projected()
    {
        var territory = await TerritoryFile.LoadAsync(Path.Combine(RepoPaths.Root, "data/territory.json"), CancellationToken.None);
        var page = await portal.NewBrowser().GetAsync("/la-cpts");
        var drawn = page.Document.QuerySelectorAll("#carte-territoire path[data-insee]").Select(p => p.GetAttribute("data-insee")).ToList();
        Assert.Equal(territory.Communes.Select(c => c.InseeCode).Order(), drawn.Order());
        Assert.All(page.Document.QuerySelectorAll("#carte-territoire path[data-insee]"), p => Assert.StartsWith("M", p.GetAttribute("d")));

        var townHall = Map.Project(TownHallLatitude, TownHallLongitude);
        Assert.True(TerritoryMap.Contains(Map.Find("78517")!, townHall));
        Assert.False(TerritoryMap.Contains(Map.Find("78269")!, townHall));
        Assert.Single(Map.Communes, c => TerritoryMap.Contains(c, townHall));
        // Back from the map's units to degrees, as the centre form's script does.
        var (latitude, longitude) = Map.Unproject(townHall);
        Assert.Equal(TownHallLatitude, latitude, 3);
        Assert.Equal(TownHallLongitude, longitude, 3);
        // The point written on each commune (its count, a centre without coordinates) lies inside it.
        Assert.All(Map.Communes, c => Assert.True(TerritoryMap.Contains(c, c.Inside), $"{c.Name}'s inside point is outside"));
        Assert.Contains(MapDrawing.Credit, page.Text);
    }

    [Fact]
    public async Task Choosing_gazeran_on_the_territory_map_lists_its_listed_professionals_and_the_directory_map_counts_them()
    {
        var visitor = portal.NewBrowser();
        var territory = await visitor.GetAsync("/la-cpts");
        var gazeran = territory.Find("#carte-territoire a[href*='78269']")!;
        Assert.Equal("Gazeran, 1 492 habitants", gazeran.GetAttribute("aria-label")!.Replace('\u202f', ' '));

        var directory = await visitor.GetAsync(gazeran.GetAttribute("href")!);
        Assert.Equal("/annuaire?commune=78269", directory.Url);
        Assert.Contains("Carto-Gazeran", directory.Text);
        Assert.DoesNotContain("Carto-Cache", directory.Text);
        Assert.DoesNotContain("Carto-Rambouillet", directory.Text);
        // The directory's map: one found in Gazeran (chosen), one in Rambouillet, and choosing Gazeran again clears the filter.
        var map = directory.Find("#carte-annuaire")!;
        var chosen = map.QuerySelector("a[aria-current='true']")!;
        Assert.Equal("Gazeran : 1 professionnel (commune choisie)", chosen.GetAttribute("aria-label"));
        Assert.Equal("/annuaire#resultats", chosen.GetAttribute("href"));
        Assert.Equal("Rambouillet : 1 professionnel", map.QuerySelector("a[href*='commune=78517']")!.GetAttribute("aria-label"));
        Assert.Equal("url(#carte-annuaire-hachures)", map.QuerySelector("path[data-insee='78003']")!.GetAttribute("fill"));

        // The map counts for the other filters, and its links keep them.
        var nurses = await visitor.GetAsync("/annuaire?profession=Nurse");
        var nurseMap = nurses.Find("#carte-annuaire")!;
        Assert.Equal("Gazeran : aucun professionnel", nurseMap.QuerySelector("a[href*='commune=78269']")!.GetAttribute("aria-label"));
        Assert.Equal("/annuaire?profession=Nurse&commune=78517#resultats", nurseMap.QuerySelector("a[href*='commune=78517']")!.GetAttribute("href"));
        Assert.Equal("1", nurseMap.QuerySelectorAll("text").Single().TextContent);
    }

    [Fact]
    public void The_seat_is_the_commune_named_in_the_postal_address_and_absent_without_one()
    {
        TerritoryMaps With(string address) => new(Map, null!, Options.Create(new CptsOptions { PostalAddress = address }));

        Assert.Equal("Siège de la CPTS : Rambouillet", With("Maison des associations, 78120 RAMBOUILLET").Seat()!.Name);
        Assert.Equal("Siège de la CPTS : Saint-Arnoult-en-Yvelines", With("2 rue de la Mairie\n78730 Saint Arnoult en Yvelines").Seat()!.Name);
        Assert.Equal("Siège de la CPTS : Le Perray-en-Yvelines", With("78610 Le Perray-en-Yvelines").Seat()!.Name);
        Assert.Null(With("").Seat());
        Assert.Null(With("12 avenue de Paris, 78000 Versailles").Seat());
        var drawing = With("78120 Rambouillet").Territory("t", "Territoire", _ => null);
        Assert.True(TerritoryMap.Contains(Map.Find("78517")!, drawing.Markers.Single().Point));
        Assert.Contains(drawing.Legend, l => l.Marker == MarkerShape.Star);
    }

    [Fact]
    public void Density_classes_have_equal_counts_and_none_is_its_own_hatched_class()
    {
        var breaks = MapColours.Breaks([0, 0, 1.2m, 3.4m, 5, 7.77m, 9, 12, 20, 41]);
        Assert.Equal([3.4m, 7.8m, 12m, 41m], breaks);
        Assert.Equal(MapColours.Classes[0], MapColours.Fill(1.2m, breaks));
        Assert.Equal(MapColours.Classes[1], MapColours.Fill(5, breaks));
        Assert.Equal(MapColours.Classes[3], MapColours.Fill(41, breaks));
        var legend = MapColours.Legend(breaks, "Aucun", "pour 10 000 hab.");
        Assert.True(legend[0].Hatched);
        Assert.Equal(["Aucun", "jusqu'à 3,4 pour 10 000 hab.", "de 3,5 à 7,8 pour 10 000 hab.", "de 7,9 à 12 pour 10 000 hab.", "de 12,1 à 41 pour 10 000 hab."],
            legend.Select(l => l.Text));
        // Two distinct values make two classes, in the darker half; none at all, no class.
        Assert.Equal([1m, 2m], MapColours.Breaks([1, 2, 0]));
        Assert.Equal(MapColours.Classes[3], MapColours.Fill(2, MapColours.Breaks([1, 2])));
        Assert.Empty(MapColours.Breaks([0, 0]));
        Assert.Equal(["aucun", "jusqu'à 1", "2", "de 3 à 5"], MapColours.Legend(MapColours.Breaks([1, 2, 5]), "aucun", "", whole: true).Select(l => l.Text));
    }

    [Fact]
    public async Task Vaccination_centres_sit_where_their_coordinates_say_or_in_the_middle_of_their_commune_and_each_marker_leads_to_its_card()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var form = await coordinator.GetAsync("/gestion/vaccination/nouveau");
        Assert.NotNull(form.Find(".centre-map[data-projection] svg"));
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Centre carto de Rambouillet", ["Input.Address"] = "Place de la mairie", ["Input.CommuneInsee"] = "78517", ["Input.Status"] = "0",
            ["Input.Published"] = "true", ["Input.Latitude"] = "48,6435", ["Input.Longitude"] = "1.8298",
        };
        Assert.Equal("/gestion/vaccination", (await coordinator.SubmitAsync(form, "/gestion/vaccination/nouveau", fields)).Url);
        fields["Input.Name"] = "Point carto du Perray";
        fields["Input.CommuneInsee"] = "78486";
        fields["Input.Latitude"] = fields["Input.Longitude"] = "";
        Assert.Equal("/gestion/vaccination", (await coordinator.SubmitAsync(await coordinator.GetAsync("/gestion/vaccination/nouveau"), "/gestion/vaccination/nouveau", fields)).Url);

        var centres = await portal.WithDbAsync(db => db.VaccinationCentres.Where(c => c.Name.Contains("carto")).ToDictionaryAsync(c => c.Name));
        Assert.Equal(48.6435, centres["Centre carto de Rambouillet"].Latitude);
        Assert.Null(centres["Point carto du Perray"].Latitude);

        var page = await portal.NewBrowser().GetAsync("/vaccination");
        foreach (var (name, insee) in new[] { ("Centre carto de Rambouillet", "78517"), ("Point carto du Perray", "78486") })
        {
            var marker = page.Find($"#carte-centres a.map-marker[href='#centre-{centres[name].Id}']")!;
            Assert.StartsWith(name, marker.GetAttribute("aria-label"));
            Assert.NotNull(page.Document.GetElementById($"centre-{centres[name].Id}"));
            var circle = marker.QuerySelector("circle")!;
            var point = new MapPoint(double.Parse(circle.GetAttribute("cx")!, System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(circle.GetAttribute("cy")!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(TerritoryMap.Contains(Map.Find(insee)!, point), $"{name} is drawn outside {insee}");
        }
        // The coordination's list: each marker leads to the centre's rota.
        var admin = await coordinator.GetAsync("/gestion/vaccination");
        Assert.NotNull(admin.Find($"#carte-plannings a[href='/gestion/vaccination/{centres["Point carto du Perray"].Id}/planning']"));

        // A point outside the territory, half a point, or no number: said next to the field, the typed values kept.
        var edit = $"/gestion/vaccination/{centres["Point carto du Perray"].Id}/modifier";
        var editPage = await coordinator.GetAsync(edit);
        foreach (var (latitude, longitude, field, message) in new[]
        {
            ("48,8049", "2,1204", "Input.Latitude", "hors du territoire"),
            ("48,6", "", "Input.Longitude", "Indiquez la latitude et la longitude"),
            ("nord", "1,8", "Input.Latitude", "n'est pas une coordonnée"),
            ("95", "1,8", "Input.Latitude", "entre -90 et 90"),
            // A long number: the range check once converted it to an int and answered 500 (found by the hostile-input test).
            ("-9223372036854775808", "1,8", "Input.Latitude", "entre -90 et 90"),
            ("90,4", "1,8", "Input.Latitude", "entre -90 et 90"),
        })
        {
            var answer = await coordinator.SubmitAsync(editPage, edit, new Dictionary<string, string> { ["Input.Latitude"] = latitude, ["Input.Longitude"] = longitude });
            Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
            Assert.Contains(message, answer.ErrorFor(field));
            Assert.Equal(latitude, answer.ValueOf("Input.Latitude"));
        }
        Assert.Null(await portal.WithDbAsync(db => db.VaccinationCentres.Where(c => c.Name == "Point carto du Perray").Select(c => c.Latitude).SingleAsync()));
    }

    [Fact]
    public async Task The_regulators_map_counts_the_free_slots_of_the_week_per_commune_and_filters_the_list()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var page = await coordinator.GetAsync("/gestion/snp");
        var gazeran = page.Find("#carte-snp a[href*='commune=78269']")!;
        Assert.Equal("Gazeran : 1 créneau libre", gazeran.GetAttribute("aria-label"));
        Assert.Equal("Rambouillet : aucun créneau libre", page.Find("#carte-snp a[href*='commune=78517']")!.GetAttribute("aria-label"));
        var filtered = await coordinator.GetAsync(gazeran.GetAttribute("href")!);
        Assert.Contains("Cabinet de Gazeran", filtered.Text);
        Assert.Equal("true", filtered.Find("#carte-snp a[aria-label^='Gazeran']")!.GetAttribute("aria-current"));
    }
}
