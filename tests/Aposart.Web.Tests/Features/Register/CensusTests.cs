using Aposart.Web.Domain;
using Aposart.Web.Features.Register;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Register;

/// <summary>
/// The register against the CPTS: the census of the territory's professionals (member, account, record, neither) with its
/// invitations, and the yearly check of the members whose RPPS number the register no longer shows in the territory.
/// </summary>
public sealed class CensusTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly RegisterWorld world = new(portal);

    [Fact]
    public async Task The_census_tells_members_accounts_records_and_strangers_apart_exports_them_and_invites_a_stranger_with_an_address()
    {
        // A member (Morvan), a record without account (Ramel), a professional with an account who is not a member (Sorin), Landry unknown.
        await world.AddAsync("10090000026", "Fictif-Morvan", member: true, account: true);
        await world.AddAsync("10090000067", "Fictif-Ramel", member: false, account: false);
        await world.AddAsync("10090000075", "Fictif-Sorin", member: false, account: true);
        await world.ImportRegisterAsync();
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);

        var page = await coordinator.GetAsync(RegisterLinks.Census);
        var rows = page.Document.QuerySelectorAll("tbody tr").Select(r => string.Join('|', r.Children.Skip(1).Select(c => c.TextContent.Trim()))).ToList();

        Assert.True(page.Text.Contains("13 professionnel(s) · Adhérent : 1 · A un compte, pas adhérent : 1 · Fiche sans compte : 1 · Ni l'un ni l'autre : 10", StringComparison.Ordinal), page.Find("#census-summary")?.TextContent);
        Assert.Contains("FICTIF-MORVAN Bérénice|Médecin généraliste|Rambouillet|Adhérent", rows);
        Assert.Contains("FICTIF-SORIN Gaëlle|Pharmacien|Saint-Arnoult-en-Yvelines|A un compte, pas adhérent", rows);
        Assert.Contains("FICTIF-RAMEL Fabien|Masseur-Kinésithérapeute|Saint-Arnoult-en-Yvelines|Fiche sans compte", rows);
        Assert.Contains("FICTIF-LANDRY Aurèle|Médecin généraliste|Rambouillet, Bullion|Ni l'un ni l'autre", rows);
        var strangers = await coordinator.GetAsync(RegisterLinks.Census + "?commune=Rambouillet&statut=4");
        Assert.Contains("5 professionnel(s)", strangers.Text);
        var csv = (await coordinator.GetAsync(RegisterLinks.CensusCsv + "?statut=1")).Html;
        Assert.Contains("810090000026;FICTIF-MORVAN;Bérénice;Médecin généraliste;Rambouillet;;Adhérent", csv);
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // Only Landry has an address in the register: he alone can be ticked.
        Assert.Equal(["810090000018"], page.Document.QuerySelectorAll("input[name=ids]").Select(i => i.GetAttribute("value")).ToList());
        var invited = await coordinator.PostFromAsync(page, RegisterLinks.CensusInvite, ("ids", "810090000018"), ("ids", "810090000026"));
        Assert.Contains("1 invitation(s) mise(s) en file d'envoi", invited.Text);
        var mail = await portal.Smtp.SingleMessageToAsync("cabinet.parc@exemple.fr");
        Assert.Equal("Invitation au portail de la CPTS", mail.Subject);
        var invitation = await portal.WithDbAsync(db => db.Invitations.SingleAsync(i => i.Email == "cabinet.parc@exemple.fr"));
        Assert.Equal(("Aurèle", "Fictif-Landry"), (invitation.FirstName, invitation.LastName));
    }

}

/// <summary>The yearly check of the members against the register, in a database of its own (the census counts every member).</summary>
public sealed class MemberCheckTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly RegisterWorld world = new(portal);

    [Fact]
    public async Task The_yearly_check_names_the_members_who_practise_elsewhere_now_or_left_the_register()
    {
        var moved = await world.AddAsync("10090000216", "Partie-Versailles", member: true, account: false);
        var gone = await world.AddAsync(Steps.NewRpps(), "Sans-Registre", member: true, account: false);
        await world.AddAsync("10090000117", "Fictif-Weber", member: true, account: false);
        await world.AddAsync("10090000224", "Pas-Adherente", member: false, account: false);
        await world.ImportRegisterAsync();
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);

        var check = (await coordinator.GetAsync(RegisterLinks.Index)).Find("#member-check")!.TextContent;

        Assert.Contains("Partie-Versailles (RPPS 10090000216) : exerce hors du territoire : Versailles", check);
        Assert.Contains("Sans-Registre", check);
        Assert.Contains("absent du registre du territoire", check);
        Assert.DoesNotContain("Fictif-Weber", check);
        Assert.DoesNotContain("Pas-Adherente", check);
        Assert.NotEqual(moved, gone);
    }
}

/// <summary>The register fixture imported, and professionals placed against it.</summary>
internal sealed class RegisterWorld(PortalFactory portal)
{
    public async Task ImportRegisterAsync()
    {
        using var scope = portal.Services.CreateScope();
        await using var file = File.OpenRead(Path.Combine(RepoPaths.Root, "tests/Aposart.Web.Tests/Fixtures/PS_LibreAcces_Personne_activite_202611300930.txt"));
        await scope.ServiceProvider.GetRequiredService<RegisterImporter>().ImportAsync(file, "PS_LibreAcces_Personne_activite_202611300930.txt", "Test");
    }

    public async Task<Guid> AddAsync(string rpps, string lastName, bool member, bool account)
    {
        var user = account ? await portal.CreateUserAsync(PortalFactory.NewEmail("recense"), Roles.Professional) : null;
        var id = Guid.NewGuid();
        var year = portal.Clock.GetUtcNow().Year;
        await portal.WithDbAsync(async db =>
        {
            var professional = new Professional
            {
                Id = id, UserId = user?.Id, FirstName = "Test", LastName = lastName, Profession = Profession.GeneralPractitioner, Rpps = rpps,
                Email = user?.Email ?? PortalFactory.NewEmail("fiche"),
            };
            if (member)
            {
                professional.Memberships.Add(new Membership
                {
                    Id = Guid.NewGuid(), Year = year, CollegeId = await db.Colleges.Select(c => c.Id).FirstAsync(), FeeCategory = FeeCategory.Individual, FeeAmount = 20,
                    StatutesVersionId = await db.StatutesVersions.Select(s => s.Id).FirstAsync(), StatutesAcceptedAt = DateTimeOffset.UtcNow, Status = MembershipStatus.UpToDate,
                });
            }
            db.Professionals.Add(professional);
            return await db.SaveChangesAsync();
        });
        return id;
    }
}
