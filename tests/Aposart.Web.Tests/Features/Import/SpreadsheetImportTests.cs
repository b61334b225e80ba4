using System.Text.Json;
using Aposart.Web.Domain;
using Aposart.Web.Features.Import;
using Aposart.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Import;

/// <summary>
/// The members' spreadsheet brought in as a coordinator does it, through the pages: ninety lines with French headers,
/// mistakes and two people entered twice; fixed in the preview, imported, imported again without change, invitations sent
/// and one of them accepted.
/// </summary>
public sealed class SpreadsheetImportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_coordinator_imports_ninety_members_fixes_the_mistakes_reimports_without_change_and_invites_them_to_claim_their_records()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        // A physiotherapist who keeps her own record through her account: the spreadsheet finds her by her RPPS number.
        var existingRpps = Steps.NewRpps();
        var existingUser = await portal.CreateUserAsync(PortalFactory.NewEmail("kine"), Roles.Professional);
        var existingId = Guid.NewGuid();
        await portal.WithDbAsync(db =>
        {
            db.Professionals.Add(new Professional
            {
                Id = existingId, UserId = existingUser.Id, FirstName = "Karine", LastName = "Existante", Profession = Profession.Physiotherapist, Rpps = existingRpps,
                Email = existingUser.Email, ListedInPublicDirectory = true,
                PracticeSites = [new PracticeSite { AddressLine = "1 place de la Gare", Postcode = "78120", City = "Rambouillet", CommuneInsee = "78517" }],
            });
            return db.SaveChangesAsync();
        });
        var sheet = new MembersSpreadsheet(existingRpps);
        var collegeId = await portal.WithDbAsync(db => db.Colleges.Where(c => c.Name == "Autres professions de santé").Select(c => c.Id).SingleAsync());

        // 1. The file: read as Excel writes it in France, the columns guessed from their French titles.
        var mapping = await coordinator.UploadAsync(await coordinator.GetAsync(ImportLinks.Index), ImportLinks.Index, ("spreadsheet", sheet.Csv(), "adherents-2026.csv"));
        var id = ImportId(mapping);
        Assert.Contains("encodage Windows-1252 (Excel), séparateur point-virgule (;)", mapping.Text);
        Assert.Contains("90 ligne(s) sous la ligne des titres, 11 colonne(s)", mapping.Text);
        Assert.Equal([ImportField.LastName, ImportField.FirstName, ImportField.Profession, ImportField.Identifier, ImportField.Email, ImportField.Phone,
            ImportField.Address, ImportField.Postcode, ImportField.Commune, ImportField.College, ImportField.MembershipStatus], Mapped(mapping));
        Assert.Equal("2026", mapping.ValueOf("Year"));

        // 2. The preview: every mistake named next to its line, nothing written yet.
        var preview = await coordinator.SubmitAsync(mapping, ImportLinks.Mapping(id), new Dictionary<string, string> { ["CollegeId"] = collegeId.ToString() });
        Assert.Equal("6", preview.Find("[data-count=blocked]")!.TextContent);
        // Fifty lines a page; the lines with a problem have a page of their own.
        var problems = await coordinator.GetAsync(ImportLinks.Preview(id, problemsOnly: true));
        Assert.Contains("Profession « Ostéopathe » inconnue", Line(problems, 11));
        Assert.Contains($"Adresse e-mail « membre20-{sheet.Tag}@@exemple.fr » invalide", Line(problems, 21));
        Assert.Contains("ne passe pas le contrôle de clé", Line(problems, 31));
        Assert.Contains("« Rambouilet » n'est pas une commune du territoire. Vouliez-vous dire : Rambouillet ?", Line(problems, 41));
        Assert.Contains("Attention : « Chartres » n'est pas une commune du territoire", Line(problems, 51));
        Assert.Contains("Doublon de la ligne 12", Line(problems, 62));
        Assert.Contains("Doublon de la ligne 13 (même numéro RPPS)", Line(problems, 72));
        Assert.Contains("Mise à jour de Karine Existante (même numéro RPPS) : téléphone", Line(preview, 5));
        Assert.Contains("Nouveau professionnel · Adhésion 2026 : à jour, 20,00 € reçus", Line(preview, 2));
        Assert.Contains("Nouveau professionnel · Adhésion 2026 : validée – cotisation due", Line(preview, 3));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Professionals.CountAsync(p => p.LastName.StartsWith("FICTIF-" + sheet.Tag))));

        // 3. The fixes, typed in place on the page of lines with a problem; the two second entries skipped.
        var fixedRpps = sheet.Rows[29][3][..10] + Enumerable.Range(0, 10).Select(k => (char)('0' + k)).First(k => Steps.Luhn(sheet.Rows[29][3][..10] + k));
        var fixes = new Dictionary<string, string>
        {
            ["fix-11-3"] = "Médecin généraliste", ["fix-21-5"] = $"membre20-{sheet.Tag}@exemple.fr", ["fix-31-4"] = fixedRpps, ["fix-41-9"] = "Rambouillet",
            ["skip-62"] = "on", ["skip-72"] = "on",
        };
        var corrected = await coordinator.SubmitAsync(problems, ImportLinks.Preview(id, problemsOnly: true), fixes);
        Assert.Contains("Corrections enregistrées", corrected.Text);
        var all = await coordinator.GetAsync(ImportLinks.Preview(id));
        Assert.Equal(("0", "87", "1", "2"), (all.Find("[data-count=blocked]")!.TextContent, all.Find("[data-count=create]")!.TextContent,
            all.Find("[data-count=update]")!.TextContent, all.Find("[data-count=skipped]")!.TextContent));

        // 4. The import, in one go.
        var report = await coordinator.PostFromAsync(all, ImportLinks.Commit(id));
        Assert.Contains("Import terminé : 87 fiche(s) créée(s), 1 mise(s) à jour, 0 sans changement, 2 ligne(s) ignorée(s).", report.Text);
        var imported = await portal.WithDbAsync(db => db.Professionals.Include(p => p.PracticeSites).Include(p => p.Memberships).ThenInclude(m => m.Allocations)
            .Where(p => p.LastName.StartsWith("FICTIF-" + sheet.Tag)).AsSplitQuery().ToListAsync());
        Assert.Equal(87, imported.Count);
        Assert.All(imported, p => Assert.True(p.AwaitingConsent && !p.ListedInPublicDirectory && p.UserId is null && p.PhoneVisibility == Visibility.Hidden));
        var paid = imported.Single(p => p.Email == sheet.Email(4));
        Assert.Equal(MembershipStatus.UpToDate, paid.Memberships.Single().Status);
        Assert.Equal(await portal.WithDbAsync(db => db.Colleges.Where(c => c.Name == "Infirmiers").Select(c => c.Id).SingleAsync()), paid.Memberships.Single().CollegeId);
        Assert.NotNull(paid.Memberships.Single().CertificateNumber);
        Assert.Equal(20m, paid.Memberships.Single().Allocations.Single().Amount);
        Assert.Equal(MembershipStatus.ApprovedFeeDue, imported.Single(p => p.Email == sheet.Email(3)).Memberships.Single().Status);
        Assert.Equal(collegeId, imported.Single(p => p.Email == sheet.Email(3)).Memberships.Single().CollegeId);
        Assert.Equal(Profession.GeneralPractitioner, imported.Single(p => p.Email == sheet.Email(11)).Profession);
        Assert.Equal(("Chartres", null, "01 34 00 05 00"), (imported.Single(p => p.Email == sheet.Email(51)).PracticeSites.Single().City,
            imported.Single(p => p.Email == sheet.Email(51)).PracticeSites.Single().CommuneInsee, imported.Single(p => p.Email == sheet.Email(51)).PracticeSites.Single().Phone));
        Assert.Equal("78517", imported.Single(p => p.Email == sheet.Email(41)).PracticeSites.Single().CommuneInsee);
        var existing = await portal.WithDbAsync(db => db.Professionals.Include(p => p.PracticeSites).Include(p => p.Memberships).SingleAsync(p => p.Id == existingId));
        // Her own record: only what was empty is filled (the telephone), her name and address are hers.
        Assert.Equal(("Existante", "1 place de la Gare", "01 34 00 00 04", false), (existing.LastName, existing.PracticeSites.Single().AddressLine,
            existing.PracticeSites.Single().Phone, existing.AwaitingConsent));
        var events = await portal.WithDbAsync(db => db.MembershipEvents.Where(e => e.MembershipId == paid.Memberships.Single().Id).Select(e => e.Action).ToListAsync());
        Assert.Contains("Import du tableur « adherents-2026.csv »", events);
        var details = await coordinator.GetAsync(Aposart.Web.Features.Members.MembersLinks.Details(paid.Id));
        Assert.Contains("Fiche importée depuis le tableau de la CPTS, pas encore réclamée", details.Text);
        Assert.Contains("adherents-2026.csv, ligne 4 : créée", details.Text);
        // Not in the members' directory until claimed.
        Assert.Contains("Existante", (await coordinator.GetAsync("/espace/annuaire?q=Existante")).Text);
        Assert.DoesNotContain("FICTIF-" + sheet.Tag, (await coordinator.GetAsync($"/espace/annuaire?q=FICTIF-{sheet.Tag}")).Text);
        var csv = (await coordinator.GetAsync(ImportLinks.ReportCsv(id))).Html;
        Assert.Equal(91, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("62;Ignorée;", csv);

        // 5. The same file again: the mapping remembered, the same fixes, and nothing to change.
        var counts = await CountsAsync();
        var again = await coordinator.UploadAsync(await coordinator.GetAsync(ImportLinks.Index), ImportLinks.Index, ("spreadsheet", sheet.Csv(), "adherents-2026.csv"));
        var second = ImportId(again);
        Assert.Contains("Ce fichier a déjà été importé le", again.Text);
        Assert.Equal(collegeId.ToString(), again.Find("#CollegeId option[selected]")!.GetAttribute("value"));
        await coordinator.SubmitAsync(again, ImportLinks.Mapping(second), new Dictionary<string, string>());
        await coordinator.SubmitAsync(await coordinator.GetAsync(ImportLinks.Preview(second, problemsOnly: true)), ImportLinks.Preview(second, problemsOnly: true), fixes);
        var unchanged = await coordinator.GetAsync(ImportLinks.Preview(second));
        Assert.True(unchanged.Find("[data-count=skipped]")!.TextContent == "2", (await coordinator.GetAsync(ImportLinks.Preview(second, problemsOnly: true))).Text);
        Assert.Equal(("0", "0", "88"), (unchanged.Find("[data-count=create]")!.TextContent, unchanged.Find("[data-count=update]")!.TextContent,
            unchanged.Find("[data-count=unchanged]")!.TextContent));
        var secondReport = await coordinator.PostFromAsync(unchanged, ImportLinks.Commit(second));
        Assert.Contains("0 fiche(s) créée(s), 0 mise(s) à jour, 88 sans changement", secondReport.Text);
        Assert.Equal(counts, await CountsAsync());

        // 6. The invitations, through the outbox, with their progress; one accepted claims its record.
        var first = await coordinator.GetAsync(ImportLinks.Report(id));
        Assert.Contains("Inviter 87 personne(s) à réclamer leur fiche", first.Text);
        var invited = await coordinator.PostFromAsync(first, ImportLinks.Invitations(id));
        Assert.Contains("87 invitation(s) mise(s) en file d'envoi", invited.Text);
        var twice = await coordinator.PostFromAsync(first, ImportLinks.Invitations(id));
        Assert.Contains("déjà parties", twice.Text);
        var mail = (await portal.Smtp.MessagesToAsync(sheet.Email(4))).Single(m => m.Subject == "Votre fiche dans l'annuaire de la CPTS");
        Assert.Contains("n'est publiée nulle part", mail.TextBody);
        var progress = await WaitForAsync(async () => JsonDocument.Parse((await coordinator.GetAsync(ImportLinks.Progress(id))).Html).RootElement,
            p => p.GetProperty("done").GetBoolean());
        Assert.Equal((87, 87, 0), (progress.GetProperty("invited").GetInt32(), progress.GetProperty("sent").GetInt32(), progress.GetProperty("failed").GetInt32()));
        var person = portal.NewBrowser();
        var accept = await person.GetAsync(MailLinks.PathOf(mail, "/compte/invitation/"));
        var profile = await person.SubmitAsync(accept, accept.Url, new Dictionary<string, string>
        {
            ["Password"] = PortalFactory.Password, ["ConfirmPassword"] = PortalFactory.Password,
        });
        Assert.Contains("votre fiche vous est rattachée", profile.Text);
        Assert.Equal(sheet.Email(4), profile.ValueOf("Input.Email"));
        var claimed = await portal.WithDbAsync(db => db.Professionals.SingleAsync(p => p.Id == paid.Id));
        Assert.False(claimed.AwaitingConsent);
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByIdAsync(claimed.UserId!.Value.ToString()))!, Roles.Member));
    }

    private Task<(int, int, int, int)> CountsAsync() => portal.WithDbAsync(async db =>
        (await db.Professionals.CountAsync(), await db.Memberships.CountAsync(), await db.Payments.CountAsync(), await db.PracticeSites.CountAsync()));

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until)
            {
                return value;
            }
            await Task.Delay(200);
        }
    }

    internal static int ImportId(Page page) => int.Parse(page.Url.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);

    internal static List<ImportField> Mapped(Page page) =>
        [.. page.Document.QuerySelectorAll("select[name^='Columns[']").Select(s => (ImportField)int.Parse(s.QuerySelector("option[selected]")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture))];

    internal static string Line(Page page, int line) => page.Find($"#ligne-{line}")?.TextContent is { } text
        ? string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : $"(no line {line} on the page)";
}
