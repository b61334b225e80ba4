using System.Text;
using Aposart.Web.Domain;
using Aposart.Web.Features.Import;
using Aposart.Web.Features.Letters;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Aposart.Web.Tests.Features.Import;

/// <summary>The import's other ways in: an Excel workbook, bad files, a double confirmation, and what imported people do not get.</summary>
public sealed class SpreadsheetImportCasesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_workbooks_second_sheet_is_chosen_and_the_values_excel_turned_into_numbers_and_dates_are_read_back()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var rpps = Steps.NewRpps();
        var sheets = new Dictionary<string, object>
        {
            ["Lisez-moi"] = new[] { new Dictionary<string, object> { ["Note"] = "Tableau tenu par le secrétariat" } },
            ["Adhérents"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["NOM"] = $"FICTIF-{tag}", ["Prénom"] = "Marie", ["Métier"] = "Pharmacienne", ["RPPS"] = long.Parse(rpps, System.Globalization.CultureInfo.InvariantCulture),
                    ["Courriel"] = $"xl-{tag}@exemple.fr", ["Portable"] = 612345678L, ["Ville"] = "Ablis", ["Année"] = 2026, ["Montant versé"] = 20.0,
                    ["Date de paiement"] = new DateTime(2026, 2, 3), ["Règlement"] = "Chq",
                },
            },
        };
        using var workbook = new MemoryStream();
        workbook.SaveAs(sheets, excelType: ExcelType.XLSX);

        var first = await coordinator.UploadAsync(await coordinator.GetAsync(ImportLinks.Index), ImportLinks.Index, ("spreadsheet", workbook.ToArray(), "adherents.xlsx"));
        var id = SpreadsheetImportTests.ImportId(first);
        Assert.Contains("Classeur Excel", first.Text);
        Assert.Contains("feuille « Lisez-moi »", first.Text);
        var mapping = await coordinator.SubmitAsync(first, ImportLinks.Mapping(id), new Dictionary<string, string> { ["Sheet"] = "Adhérents", ["ChangeSheet"] = "true" });
        Assert.Contains("feuille « Adhérents »", mapping.Text);
        Assert.Equal([ImportField.LastName, ImportField.FirstName, ImportField.Profession, ImportField.Identifier, ImportField.Email, ImportField.Phone,
            ImportField.Commune, ImportField.MembershipYear, ImportField.AmountPaid, ImportField.PaidOn, ImportField.PaymentMethod], SpreadsheetImportTests.Mapped(mapping));
        var college = await portal.WithDbAsync(db => db.Colleges.Where(c => c.Name == "Pharmaciens").Select(c => c.Id).SingleAsync());
        var preview = await coordinator.SubmitAsync(mapping, ImportLinks.Mapping(id), new Dictionary<string, string> { ["CollegeId"] = college.ToString() });
        Assert.Equal("0", preview.Find("[data-count=blocked]")!.TextContent);
        await coordinator.PostFromAsync(preview, ImportLinks.Commit(id));

        var imported = await portal.WithDbAsync(db => db.Professionals.Include(p => p.PracticeSites).Include(p => p.Memberships).ThenInclude(m => m.Allocations).ThenInclude(a => a.Payment)
            .SingleAsync(p => p.LastName == $"FICTIF-{tag}"));
        var payment = imported.Memberships.Single().Allocations.Single().Payment!;
        Assert.Equal((Profession.Pharmacist, rpps, "06 12 34 56 78", "78003"), (imported.Profession, imported.Rpps, imported.PracticeSites.Single().Phone, imported.PracticeSites.Single().CommuneInsee));
        Assert.Equal((new DateOnly(2026, 2, 3), PaymentMethod.Cheque, 20m, MembershipStatus.UpToDate), (payment.PaidOn, payment.Method, payment.Amount, imported.Memberships.Single().Status));
    }

    [Fact]
    public async Task A_file_that_is_no_spreadsheet_or_no_file_or_a_mapping_without_names_gets_a_french_message_and_nothing_is_kept()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var page = await coordinator.GetAsync(ImportLinks.Index);
        var before = await portal.WithDbAsync(db => db.SpreadsheetImports.CountAsync());

        var binary = await coordinator.UploadAsync(page, ImportLinks.Index, ("spreadsheet", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0], "photo.csv"));
        var disguised = await coordinator.UploadAsync(page, ImportLinks.Index, ("spreadsheet", [.. "PK\u0003\u0004"u8, .. new byte[100]], "faux.xlsx"));
        var headerOnly = await coordinator.UploadAsync(page, ImportLinks.Index, ("spreadsheet", Encoding.UTF8.GetBytes("Nom;Prénom\n"), "vide.csv"));
        var none = await coordinator.UploadAsync(page, ImportLinks.Index, ("spreadsheet", [], "rien.csv"));

        Assert.Contains("ni un tableau CSV ni un classeur Excel", binary.ErrorFor("spreadsheet"));
        Assert.Contains("n'a pas pu être lu", disguised.ErrorFor("spreadsheet"));
        Assert.Contains("que la ligne des titres", headerOnly.ErrorFor("spreadsheet"));
        Assert.Contains("Choisissez le fichier de vos adhérents", none.ErrorFor("spreadsheet"));
        Assert.Equal(before, await portal.WithDbAsync(db => db.SpreadsheetImports.CountAsync()));

        var mapping = await coordinator.UploadAsync(page, ImportLinks.Index, ("spreadsheet", Encoding.UTF8.GetBytes("Qui,Quoi\nDupont,Médecin\n"), "liste.csv"));
        var refused = await coordinator.SubmitAsync(mapping, ImportLinks.Mapping(SpreadsheetImportTests.ImportId(mapping)), new Dictionary<string, string>());
        Assert.Contains("Indiquez la colonne du nom", refused.FormErrors);
        Assert.Contains("séparateur virgule (,)", refused.Text);
    }

    [Fact]
    public async Task Two_confirmations_of_one_import_at_the_same_moment_import_it_once()
    {
        var first = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var coordinator = first.Browser;
        var sheet = new MembersSpreadsheet();
        sheet.Rows.RemoveRange(5, sheet.Rows.Count - 5);
        var (id, preview) = await PreviewAsync(coordinator, sheet, "course-" + new string('x', 200) + ".csv");
        Assert.Equal("5", preview.Find("[data-count=create]")!.TextContent);

        // Two tabs of the coordinator are two sessions here: one cookie jar would mix the two answers' messages.
        var user = first.User;
        var other = portal.NewBrowser();
        await other.LogInAsync(user.Email!, PortalFactory.Password);
        var otherPreview = await other.GetAsync(ImportLinks.Preview(id));

        var both = await Task.WhenAll(coordinator.PostFromAsync(preview, ImportLinks.Commit(id)), other.PostFromAsync(otherPreview, ImportLinks.Commit(id)));

        Assert.Single(both, p => p.Text.Contains("Import terminé : 5 fiche(s) créée(s)", StringComparison.Ordinal));
        Assert.Single(both, p => p.Text.Contains("Cet import a déjà été fait", StringComparison.Ordinal));
        Assert.Equal(5, await portal.WithDbAsync(db => db.Professionals.CountAsync(p => p.LastName.StartsWith("FICTIF-" + sheet.Tag))));
        Assert.Equal(5, await portal.WithDbAsync(db => db.SpreadsheetImportLines.CountAsync(l => l.ImportId == id)));
    }

    [Fact]
    public async Task An_imported_person_receives_no_letter_until_the_record_is_claimed()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var sheet = new MembersSpreadsheet();
        sheet.Rows.RemoveRange(3, sheet.Rows.Count - 3);
        var (id, preview) = await PreviewAsync(coordinator, sheet, "lettre.csv");
        await coordinator.PostFromAsync(preview, ImportLinks.Commit(id));

        using var scope = portal.Services.CreateScope();
        var audience = scope.ServiceProvider.GetRequiredService<CampaignAudience>();
        var everyone = await audience.ResolveAsync(new Campaign { Audience = AudienceKind.DirectoryProfessionals, Kind = CampaignKind.Flashmail }, CancellationToken.None);
        var paidUp = await audience.ResolveAsync(new Campaign { Audience = AudienceKind.UpToDateMembers, Kind = CampaignKind.Flashmail }, CancellationToken.None);

        Assert.DoesNotContain(everyone.Concat(paidUp), r => r.Address.EndsWith($"-{sheet.Tag}@exemple.fr", StringComparison.Ordinal));
        await portal.WithDbAsync(db => db.Professionals.Where(p => p.LastName.StartsWith("FICTIF-" + sheet.Tag)).ExecuteUpdateAsync(s => s.SetProperty(p => p.AwaitingConsent, false)));
        var afterClaim = await audience.ResolveAsync(new Campaign { Audience = AudienceKind.DirectoryProfessionals, Kind = CampaignKind.Flashmail }, CancellationToken.None);
        Assert.Equal(3, afterClaim.Count(r => r.Address.EndsWith($"-{sheet.Tag}@exemple.fr", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Someone_imported_who_creates_an_account_without_the_invitation_finds_the_record_theirs_on_the_profile_page()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var sheet = new MembersSpreadsheet();
        sheet.Rows.RemoveRange(2, sheet.Rows.Count - 2);
        var (id, preview) = await PreviewAsync(coordinator, sheet, "deux.csv");
        await coordinator.PostFromAsync(preview, ImportLinks.Commit(id));
        var user = await portal.CreateUserAsync(sheet.Email(2), Roles.Professional);
        var person = portal.NewBrowser();
        await person.LogInAsync(sheet.Email(2), PortalFactory.Password);

        var profile = await person.GetAsync("/espace/profil");

        Assert.Contains("La CPTS avait déjà une fiche à votre adresse", profile.Text);
        Assert.Equal($"FICTIF-{sheet.Tag}-01", profile.ValueOf("Input.LastName"));
        var record = await portal.WithDbAsync(db => db.Professionals.SingleAsync(p => p.Email == sheet.Email(2)));
        Assert.Equal((user.Id, false), (record.UserId, record.AwaitingConsent));
        Assert.Null(await portal.WithDbAsync(db => db.Professionals.Where(p => p.Email == sheet.Email(3)).Select(p => p.UserId).SingleAsync()));
    }

    [Fact]
    public async Task An_unclaimed_imported_record_is_erased_by_the_coordination_at_the_persons_request_and_a_claimed_one_is_not()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var sheet = new MembersSpreadsheet();
        sheet.Rows.RemoveRange(2, sheet.Rows.Count - 2);
        var (id, preview) = await PreviewAsync(coordinator, sheet, "effacement.csv");
        var report = await coordinator.PostFromAsync(preview, ImportLinks.Commit(id));
        await coordinator.PostFromAsync(report, ImportLinks.Invitations(id));
        await portal.Smtp.MessagesToAsync(sheet.Email(2));
        var record = await portal.WithDbAsync(db => db.Professionals.SingleAsync(p => p.Email == sheet.Email(2)));
        var claimed = await portal.WithDbAsync(db => db.Professionals.SingleAsync(p => p.Email == sheet.Email(3)));
        await portal.WithDbAsync(db => db.Professionals.Where(p => p.Id == claimed.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.AwaitingConsent, false)));
        var details = await coordinator.GetAsync(Aposart.Web.Features.Members.MembersLinks.Details(record.Id));

        var erased = await coordinator.SubmitAsync(details, Aposart.Web.Features.Members.MembersLinks.Erase(record.Id), new Dictionary<string, string> { ["reason"] = "Courriel du 2 décembre" });
        var refused = await coordinator.PostFromAsync(details, Aposart.Web.Features.Members.MembersLinks.Erase(claimed.Id));

        Assert.Contains("Fiche effacée", erased.Text);
        var after = await portal.WithDbAsync(db => db.Professionals.SingleAsync(p => p.Id == record.Id));
        Assert.Equal(("anonymisée", (string?)null), (after.LastName, after.Email));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Invitations.CountAsync(i => i.Email == sheet.Email(2))));
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == sheet.Email(2))));
        Assert.Equal(PersonalDataErasureName, await portal.WithDbAsync(db => db.SpreadsheetImportLines.Where(l => l.ImportId == id && l.RowNumber == 2).Select(l => l.Name).SingleAsync()));
        Assert.Contains("Courriel du 2 décembre", (await coordinator.GetAsync(Aposart.Web.Features.Members.MembersLinks.ErasureLog)).Text);
        Assert.Contains("Seule une fiche importée que personne n'a réclamée", refused.Text);
        Assert.Equal(claimed.LastName, await portal.WithDbAsync(db => db.Professionals.Where(p => p.Id == claimed.Id).Select(p => p.LastName).SingleAsync()));
    }

    private const string PersonalDataErasureName = Aposart.Web.Features.MyData.PersonalDataErasure.Anonymous;

    /// <summary>A small sheet uploaded and mapped as proposed, with the first collège for its memberships: the preview page.</summary>
    private async Task<(int Id, Page Preview)> PreviewAsync(Browser coordinator, MembersSpreadsheet sheet, string fileName)
    {
        var mapping = await coordinator.UploadAsync(await coordinator.GetAsync(ImportLinks.Index), ImportLinks.Index, ("spreadsheet", sheet.Csv(), fileName));
        var id = SpreadsheetImportTests.ImportId(mapping);
        var college = await portal.WithDbAsync(db => db.Colleges.Select(c => c.Id).FirstAsync());
        return (id, await coordinator.SubmitAsync(mapping, ImportLinks.Mapping(id), new Dictionary<string, string> { ["CollegeId"] = college.ToString() }));
    }
}
