using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Infrastructure.Settings;

public enum FirstRunStep
{
    Identity,
    Logo,
    Territory,
    MailTest,
    Fees,
    Statutes,
    Team,
    FirstPublication,
}

/// <summary>One step of the checklist; an optional one (the logo) is worth doing but does not hold the portal back.</summary>
public sealed record FirstRunItem(FirstRunStep Step, string Title, bool Done, string Detail, bool Optional = false);

public sealed record FirstRunStatus(IReadOnlyList<FirstRunItem> Items)
{
    public int DoneCount => Items.Count(i => i.Done);
    public bool Complete => Items.All(i => i.Done || i.Optional);
}

/// <summary>Markers the checklist needs that no other table holds: a successful test mail, the territory checked.</summary>
public sealed record FirstRunMarker
{
    public DateTimeOffset At { get; init; }
    public string By { get; init; } = "";
}

/// <summary>
/// What a new CPTS still has to do before its portal serves its members, read from the data itself (so a step done
/// elsewhere — fees set, a letter sent — counts at once). The administrator's first sign-in lands on it, the member
/// home of the administrator and the coordination shows how far it is.
/// </summary>
public sealed class FirstRunChecklist(AposartDbContext db, PortalSettings settings, IOptions<CptsOptions> cpts, TimeProvider clock)
{
    public static readonly SettingsSection<FirstRunMarker> MailTestPassed = new("mail-test-passed");
    public static readonly SettingsSection<FirstRunMarker> TerritoryChecked = new("territory-checked");

    public async Task<FirstRunStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var identity = cpts.Value;
        var year = clock.GetUtcNow().ToParis().Year;
        var communes = await db.Communes.CountAsync(cancellationToken);
        var population = communes == 0 ? 0 : await db.Communes.SumAsync(c => c.Population, cancellationToken);
        var fees = await db.MembershipFees.CountAsync(f => f.Year == year, cancellationToken);
        var statutes = await db.StatutesVersions.AnyAsync(s => s.Kind == StatutesKind.Statutes, cancellationToken);
        var board = await PeopleWithRoleAsync(Roles.Board, cancellationToken);
        var coordinators = await PeopleWithRoleAsync(Roles.Coordinator, cancellationToken);
        var published = await db.Articles.AnyAsync(cancellationToken) || await db.Campaigns.AnyAsync(cancellationToken);
        var mailTest = settings.Get(MailTestPassed);
        var territory = settings.Get(TerritoryChecked);
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        return new FirstRunStatus(
        [
            new(FirstRunStep.Identity, "Identité et contact de la CPTS", identity.IsConfigured,
                identity.IsConfigured ? $"{identity.Name}, {identity.Email}" : "Nom et adresse de contact à renseigner : en attendant, le site affiche « en cours de mise en place »."),
            new(FirstRunStep.Logo, "Logo", identity.LogoVersion.Length > 0, identity.LogoVersion.Length > 0 ? "Affiché en tête de chaque page." : "Facultatif : aucun logo pour le moment.", Optional: true),
            new(FirstRunStep.Territory, "Territoire vérifié", territory is not null,
                $"{communes} communes, {population.ToString("N0", french)} habitants" + (territory is null ? " : à vérifier sur la page « La CPTS »." : $", vérifié le {territory.At.ToParisString("dd/MM/yyyy")} par {territory.By}.")),
            new(FirstRunStep.MailTest, "Courriel de test reçu", mailTest is not null,
                mailTest is null ? "Envoyez-vous un courriel de test depuis les paramètres." : $"Accepté par le serveur le {mailTest.At.ToParisString()}."),
            new(FirstRunStep.Fees, $"Cotisations {year} fixées", fees >= 2, fees >= 2 ? "Individuelle et structure." : "À fixer dans les paramètres."),
            new(FirstRunStep.Statutes, "Statuts publiés", statutes, statutes ? "Les adhésions en ligne sont ouvertes." : "Les adhésions en ligne ouvrent à leur publication."),
            new(FirstRunStep.Team, "Bureau et coordination invités", board >= 2 && coordinators >= 1,
                $"{board} membre(s) du bureau sur 2 au moins, {coordinators} coordinateur·rice(s) sur 1 au moins (invitations en attente comprises)."),
            new(FirstRunStep.FirstPublication, "Première actualité ou lettre", published, published ? "Publiée." : "Une actualité ou une lettre aux professionnels."),
        ]);
    }

    /// <summary>Accounts holding the role, and open invitations that will give it.</summary>
    private async Task<int> PeopleWithRoleAsync(string role, CancellationToken cancellationToken)
    {
        var holders = await db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role), cancellationToken);
        var now = clock.GetUtcNow();
        var invited = await db.Invitations.Where(i => i.AcceptedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now).Select(i => i.Roles).ToListAsync(cancellationToken);
        return holders + invited.Count(roles => roles.Contains(role));
    }
}
