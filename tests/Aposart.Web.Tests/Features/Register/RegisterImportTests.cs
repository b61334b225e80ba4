using System.Text;
using Aposart.Web.Domain;
using Aposart.Web.Features.Register;
using Aposart.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Register;

/// <summary>
/// The register import as an operator runs it: `import-rpps` of the Production binary on a made-up extraction in the real
/// format (the real header, thirty lines, fourteen of them in the territory).
/// </summary>
public sealed class RegisterImportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string Fixture = Path.Combine(RepoPaths.Root, "tests/Aposart.Web.Tests/Fixtures/PS_LibreAcces_Personne_activite_202611300930.txt");

    [Fact]
    public async Task The_command_keeps_the_territorys_lines_only_and_maps_the_professions_and_a_second_import_replaces_the_first()
    {
        var first = await ProductionCommands.RunAsync(portal.DatabaseName, ["import-rpps", Fixture]);
        var second = await ProductionCommands.RunAsync(portal.DatabaseName, ["import-rpps", Fixture]);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("14 situation(s) d'exercice du territoire sur 30 lignes", first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        var (entries, imports) = await portal.WithDbAsync(async db => (await db.RegisterEntries.ToListAsync(), await db.RegisterImports.ToListAsync()));
        var import = Assert.Single(imports);
        Assert.Equal(14, entries.Count);
        Assert.All(entries, e => Assert.Equal(import.Id, e.ImportId));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 30, 0, TimeSpan.FromHours(1)), import.FileDate);
        Assert.Equal(30, import.LinesRead);
        // Three general practitioners, one of them in two practices of the territory.
        var practitioners = entries.Where(e => e.Profession == Profession.GeneralPractitioner).ToList();
        Assert.Equal(4, practitioners.Count);
        Assert.Equal(3, practitioners.Select(e => e.NationalId).Distinct().Count());
        Assert.Equal(Profession.Specialist, entries.Single(e => e.LastName == "FICTIF-OUDIN").Profession);
        Assert.Null(entries.Single(e => e.ProfessionCode == "36").Profession);
        var podiatrist = entries.Single(e => e.Profession == Profession.Podiatrist);
        Assert.Equal(("", "78610"), (podiatrist.CommuneCode, podiatrist.Postcode));
        var landry = entries.First(e => e.LastName == "FICTIF-LANDRY" && e.CommuneCode == "78517");
        Assert.Equal(("Aurèle", "12 Rue DES FOUGERES FICTIVES", "cabinet.parc@exemple.fr"), (landry.FirstName, landry.Street, landry.Email));
        Assert.DoesNotContain(entries, e => e.LastName.StartsWith("FICTIF-AILLEURS", StringComparison.Ordinal) || e.LastName == "FICTIF-SANSCODE");
    }

    [Fact]
    public async Task A_file_that_is_not_the_extraction_is_refused_in_french_and_the_register_is_left_as_it_was()
    {
        var before = await portal.WithDbAsync(db => db.RegisterEntries.CountAsync());
        var wrong = Path.GetTempFileName();
        await File.WriteAllTextAsync(wrong, "Nom;Prénom;Profession\nDupont;Jean;Médecin\n");

        var run = await ProductionCommands.RunAsync(portal.DatabaseName, ["import-rpps", wrong]);

        File.Delete(wrong);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("colonne(s) absente(s) : Identification nationale PP", run.Output);
        Assert.Equal(before, await portal.WithDbAsync(db => db.RegisterEntries.CountAsync()));
    }

    [Fact]
    public void Two_million_lines_stream_through_the_reader_in_bounded_memory()
    {
        const int lines = 2_000_000;
        var header = File.ReadLines(Fixture).First();
        var inside = File.ReadLines(Fixture).Skip(1).First();
        var outside = File.ReadLines(Fixture).Last();
        long peak = 0;
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var reader = RppsFile.Open(new GeneratedStream(header, inside, outside, lines));

        var kept = RppsFile.Read(reader, new HashSet<string> { "78517" }, new HashSet<string> { "78120" },
            read => peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - baseline)).Count();

        // One line in a thousand is in the territory; the rest is read and dropped as it goes.
        Assert.Equal(lines / 1000, kept);
        Assert.True(peak < 64L << 20, $"the managed heap grew by {peak >> 20} MB while reading {lines:N0} lines");
    }

    /// <summary>A file of the given number of lines made on the fly, never held anywhere: one in a thousand is <paramref name="inside"/>.</summary>
    private sealed class GeneratedStream(string header, string inside, string outside, int lines) : Stream
    {
        private readonly byte[] head = Encoding.UTF8.GetBytes(header + "\n");
        private readonly byte[] kept = Encoding.UTF8.GetBytes(inside + "\n");
        private readonly byte[] dropped = Encoding.UTF8.GetBytes(outside + "\n");
        private byte[] current = [];
        private int offset;
        private int line = -1;

        public override int Read(byte[] buffer, int start, int count)
        {
            if (offset == current.Length)
            {
                if (++line > lines)
                {
                    return 0;
                }
                current = line == 0 ? head : line % 1000 == 0 ? kept : dropped;
                offset = 0;
            }
            var n = Math.Min(count, current.Length - offset);
            Array.Copy(current, offset, buffer, start, n);
            offset += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>The dashboard once the register of the territory is imported: its professionals beside the directory's members.</summary>
public sealed class RegisterCoverageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_dashboard_counts_the_registers_professionals_of_each_commune_beside_the_members_and_flags_the_communes_without_one()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var year = DateTime.UtcNow.Year;
        var before = (await coordinator.GetAsync($"/gestion/tableau-de-bord/couverture.csv?annee={year}")).Html;
        Assert.DoesNotContain("registre", before);

        using (var scope = portal.Services.CreateScope())
        {
            await using var file = File.OpenRead(Path.Combine(RepoPaths.Root, "tests/Aposart.Web.Tests/Fixtures/PS_LibreAcces_Personne_activite_202611300930.txt"));
            await scope.ServiceProvider.GetRequiredService<RegisterImporter>().ImportAsync(file, "PS_LibreAcces_Personne_activite_202611300930.txt", "Test");
        }
        var coverage = (await coordinator.GetAsync($"/gestion/tableau-de-bord/couverture.csv?annee={year}")).Html;
        var density = (await coordinator.GetAsync($"/gestion/tableau-de-bord/densite.csv?annee={year}")).Html;
        var page = await coordinator.GetAsync("/gestion/tableau-de-bord");

        Assert.Contains("MG (registre);MG (annuaire);IDEL (registre)", coverage);
        // Two GPs and two nurses in Rambouillet; a physiotherapist and a pharmacist in Saint-Arnoult; the GP of Rambouillet
        // counted again in Bullion, where he has a second practice; the salaried GP of the health centre in Ablis.
        Assert.Contains("Rambouillet;27724;2;0;2;0;0;0;0;0", coverage);
        Assert.Contains("Saint-Arnoult-en-Yvelines;5875;0;0;0;0;1;0;1;0", coverage);
        Assert.Contains("Bullion;1916;1;0;0;0;0;0;0;0", coverage);
        Assert.Contains("Ablis;3913;1;0;0;0;0;0;0;0", coverage);
        // 4 GP practices for 80 722 inhabitants: 0,5 per 10 000.
        Assert.True(density.Contains("Médecin généraliste;0;0;8,5;-100;4;0,5", StringComparison.Ordinal), density);
        var note = page.Text[page.Text.IndexOf("36 communes, d", StringComparison.Ordinal)..][..200];
        Assert.True(note.Contains("(extraction du 30/11/2026) : 33 sans MG, 35 sans IDEL, 35 sans MK, 35 sans pharmacien", StringComparison.Ordinal), note);
    }
}

/// <summary>The register's page: the coordinator uploads the extraction in the browser.</summary>
public sealed class RegisterPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_coordinator_uploads_the_extraction_and_the_page_shows_what_was_kept_by_profession()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var page = await coordinator.GetAsync(RegisterLinks.Index);
        Assert.Contains("Aucun registre importé", page.Text);
        var content = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "tests/Aposart.Web.Tests/Fixtures/PS_LibreAcces_Personne_activite_202611300930.txt"));

        var done = await coordinator.UploadAsync(page, RegisterLinks.Index, ("register", content, "PS_LibreAcces_Personne_activite_202611300930.txt"));

        Assert.Contains("Registre importé : 14 situation(s) d'exercice du territoire retenue(s) sur 30 lignes lues", done.Find(".alert-success")!.TextContent);
        Assert.Contains("30/11/2026", done.Text);
        var rows = done.Document.QuerySelectorAll("caption + thead + tbody tr").Select(r => string.Join('|', r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Contains("Médecin généraliste|3|4", rows);
        Assert.Contains("Infirmier|2|2", rows);
        Assert.Contains("Ambulancier|1|1", rows);
        var csv = (await coordinator.GetAsync(RegisterLinks.Csv)).Html;
        Assert.Equal(15, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("FICTIF-LANDRY;Aurèle;Médecin;Médecine générale;L;CABINET DU PARC;12 Rue DES FOUGERES FICTIVES;78120;78517;Rambouillet", csv);
    }

    [Fact]
    public async Task A_file_that_is_not_the_extraction_or_no_file_gets_a_french_message_next_to_the_field()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var page = await coordinator.GetAsync(RegisterLinks.Index);

        var wrong = await coordinator.UploadAsync(page, RegisterLinks.Index, ("register", Encoding.UTF8.GetBytes("Nom;Prénom\nDupont;Jean\n"), "membres.csv"));
        var empty = await coordinator.UploadAsync(page, RegisterLinks.Index, ("register", [], "vide.txt"));

        Assert.Contains("colonne(s) absente(s)", wrong.Find("#register-file-error")!.TextContent);
        Assert.Contains("Choisissez le fichier PS_LibreAcces_Personne_activite", empty.Find("#register-file-error")!.TextContent);
    }
}

/// <summary>The register's identity of an RPPS number, for the profile form; the browser journey checks the filling itself.</summary>
public sealed class RegisterLookupTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_typed_rpps_number_answers_the_registers_name_and_profession_and_an_unknown_or_mistyped_one_answers_nothing()
    {
        var (professional, _) = await portal.SignedInAsync(Roles.Professional);
        var none = (await professional.GetAsync(RegisterLinks.Lookup + "?numero=10090000018")).Html;
        using (var scope = portal.Services.CreateScope())
        {
            await using var file = File.OpenRead(Path.Combine(RepoPaths.Root, "tests/Aposart.Web.Tests/Fixtures/PS_LibreAcces_Personne_activite_202611300930.txt"));
            await scope.ServiceProvider.GetRequiredService<RegisterImporter>().ImportAsync(file, "PS_LibreAcces_Personne_activite_202611300930.txt", "Test");
        }

        var found = System.Text.Json.JsonDocument.Parse((await professional.GetAsync(RegisterLinks.Lookup + "?numero=100 900 000 18")).Html).RootElement;
        var unknown = System.Text.Json.JsonDocument.Parse((await professional.GetAsync(RegisterLinks.Lookup + "?numero=" + Steps.NewRpps())).Html).RootElement;
        var mistyped = System.Text.Json.JsonDocument.Parse((await professional.GetAsync(RegisterLinks.Lookup + "?numero=10090000019")).Html).RootElement;

        Assert.Contains("\"found\":false", none);
        Assert.Equal(("Aurèle", "Fictif-Landry", nameof(Profession.GeneralPractitioner)),
            (found.GetProperty("firstName").GetString(), found.GetProperty("lastName").GetString(), found.GetProperty("profession").GetString()));
        Assert.Contains("Rambouillet, Bullion", found.GetProperty("message").GetString());
        Assert.Contains("n'est pas dans le registre", unknown.GetProperty("message").GetString());
        Assert.False(mistyped.GetProperty("found").GetBoolean());
        Assert.Equal("", mistyped.GetProperty("message").GetString());
    }
}
