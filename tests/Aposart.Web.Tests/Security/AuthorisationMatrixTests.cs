using System.Net;
using System.Text.RegularExpressions;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Features.Fiches;
using Aposart.Web.Tests.Features.Trainings;
using Aposart.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Security;

/// <summary>
/// Every controller action of the app's own route table, requested by every kind of visitor, against the access
/// written down in <see cref="Expected"/>. An action added without an entry there fails the test, so access is
/// always a decision someone wrote down.
/// </summary>
public sealed class AuthorisationMatrixTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,
        /// <summary>Any signed-in account.</summary>
        SignedIn,
        /// <summary>Adherents and the people who run the CPTS.</summary>
        Members,
        /// <summary>The pilots of the fiche in the address, and the staff.</summary>
        PilotOrStaff,
        /// <summary>Bureau, coordination, administration.</summary>
        Staff,
        /// <summary>The leads of the working group in the address, and the staff (no persona leads the group of the matrix's address).</summary>
        LeadOrStaff,
        /// <summary>Bureau members only (approving a quarterly letter).</summary>
        Board,
        CoordinatorOrAdmin,
        /// <summary>The administrators only (accounts and roles).</summary>
        Admin,
        /// <summary>Whoever gives same-day slots: regulation, coordination, administration.</summary>
        Regulators,
        /// <summary>Whoever may give same-day slots: adherent general practitioners (here the pilot, the one persona with a GP record) and those the coordination allowed.</summary>
        SnpDoctors,
        /// <summary>The second step of signing in: without a first step, back to the login page.</summary>
        SignInInProgress,
        /// <summary>The access-denied page itself, which answers 403 to everyone.</summary>
        RefusalPage,
        /// <summary>The SAS platform's interface: a key in a header, never a portal account (401 to every persona; SasTests checks the key).</summary>
        SasKey,
    }

    /// <summary>A kind of visitor: no roles at all is the anonymous visitor; a pilot is an adherent who pilots the fiche in the address.</summary>
    private sealed record Persona(string Name, bool Pilot, params string[] Roles)
    {
        public bool Anonymous => Roles.Length == 0;

        private bool Has(string role) => Roles.Contains(role);

        public bool Allowed(Access access) => access switch
        {
            Access.Public => true,
            Access.SignedIn => !Anonymous,
            Access.Members => Has(Domain.Roles.Member) || Staff,
            Access.PilotOrStaff => Pilot || Staff,
            Access.Staff => Staff,
            Access.LeadOrStaff => Staff,
            Access.Board => Has(Domain.Roles.Board),
            Access.CoordinatorOrAdmin => Has(Domain.Roles.Coordinator) || Has(Domain.Roles.Admin),
            Access.Admin => Has(Domain.Roles.Admin),
            Access.Regulators => Has(Domain.Roles.Regulator) || Has(Domain.Roles.Coordinator) || Has(Domain.Roles.Admin),
            Access.SnpDoctors => Pilot,
            Access.SignInInProgress => !Anonymous,
            Access.RefusalPage => false,
            Access.SasKey => false,
            _ => throw new ArgumentOutOfRangeException(nameof(access)),
        };

        private bool Staff => Has(Domain.Roles.Board) || Has(Domain.Roles.Coordinator) || Has(Domain.Roles.Admin);
    }

    private static readonly Persona[] Personas =
    [
        new("anonyme", false),
        new(Roles.Professional, false, Roles.Professional),
        new(Roles.Member, false, Roles.Professional, Roles.Member),
        new("pilote", true, Roles.Professional, Roles.Member),
        new(Roles.Board, false, Roles.Professional, Roles.Member, Roles.Board),
        new(Roles.Coordinator, false, Roles.Professional, Roles.Coordinator),
        new(Roles.Admin, false, Roles.Professional, Roles.Admin),
        new(Roles.Regulator, false, Roles.Professional, Roles.Regulator),
    ];

    /// <summary>Method, route template as the route table spells it, and who may use it.</summary>
    private static readonly Dictionary<string, Access> Expected = Parse("""
        GET / Public
        GET /accessibilite Public
        GET /actions Public
        GET /actualites Public
        GET /actualites/{id:guid} Public
        GET /actualites/{id:guid}/image Public
        GET /annuaire Public
        GET /annuaire/structures Public
        GET /annuaire/structures/{id:guid} Public
        GET /annuaire/{id:guid} Public
        GET /compte/acces-refuse RefusalPage
        GET /espace/reunions SignedIn
        GET /espace/reunions/{id:guid} SignedIn
        POST /espace/reunions/{id:guid} SignedIn
        GET /espace/reunions/{id:guid}/reunion.ics SignedIn
        POST /espace/reunions/{id:guid}/resolutions/{resolutionId:guid}/vote SignedIn
        POST /espace/reunions/actions/{taskId:guid}/faite SignedIn
        GET /espace/groupes Members
        GET /espace/groupes/{id:guid} Members
        POST /espace/groupes/{id:guid}/rejoindre Members
        POST /espace/groupes/{id:guid}/quitter Members
        POST /espace/groupes/{id:guid}/demandes/{memberId:guid} LeadOrStaff
        GET /gestion/groupes Staff
        GET /gestion/groupes.csv Staff
        GET /gestion/groupes/nouveau Staff
        POST /gestion/groupes/nouveau Staff
        GET /gestion/groupes/{id:guid} Staff
        POST /gestion/groupes/{id:guid} Staff
        POST /gestion/groupes/{id:guid}/membres Staff
        POST /gestion/groupes/{id:guid}/membres/{memberId:guid}/animation Staff
        POST /espace/indemnisation/reunions/{meetingId:guid}/confirmer SignedIn
        GET /gestion/reunions Staff
        GET /gestion/reunions.csv Staff
        GET /gestion/reunions/nouvelle Staff
        POST /gestion/reunions/nouvelle Staff
        GET /gestion/reunions/nouvelle/groupe/{groupId:guid} LeadOrStaff
        POST /gestion/reunions/nouvelle/groupe/{groupId:guid} LeadOrStaff
        GET /gestion/reunions/regles Staff
        POST /gestion/reunions/regles Staff
        GET /gestion/reunions/presence/{code} Staff
        GET /gestion/reunions/{id:guid} LeadOrStaff
        GET /gestion/reunions/{id:guid}/modifier LeadOrStaff
        POST /gestion/reunions/{id:guid}/modifier LeadOrStaff
        POST /gestion/reunions/{id:guid}/convoquer LeadOrStaff
        POST /gestion/reunions/{id:guid}/presences LeadOrStaff
        GET /gestion/reunions/{id:guid}/presences.csv LeadOrStaff
        GET /gestion/reunions/{id:guid}/resultats.csv LeadOrStaff
        GET /gestion/reunions/{id:guid}/emargement.pdf LeadOrStaff
        POST /gestion/reunions/{id:guid}/resolutions LeadOrStaff
        POST /gestion/reunions/{id:guid}/resolutions/{resolutionId:guid}/ouvrir LeadOrStaff
        POST /gestion/reunions/{id:guid}/resolutions/{resolutionId:guid}/clore LeadOrStaff
        POST /gestion/reunions/{id:guid}/resolutions/{resolutionId:guid}/appliquer Board
        POST /gestion/reunions/{id:guid}/resolutions/{resolutionId:guid}/candidats Staff
        POST /gestion/reunions/{id:guid}/resolutions/{resolutionId:guid}/candidats/{candidateId:guid}/retirer Staff
        POST /gestion/reunions/{id:guid}/resolutions/{resolutionId:guid}/installer Board
        GET /gestion/reunions/{id:guid}/compte-rendu LeadOrStaff
        POST /gestion/reunions/{id:guid}/compte-rendu LeadOrStaff
        POST /gestion/reunions/{id:guid}/compte-rendu/approuver LeadOrStaff
        POST /gestion/reunions/{id:guid}/compte-rendu/publication Board
        GET /gestion/reunions/{id:guid}/compte-rendu.pdf LeadOrStaff
        POST /gestion/reunions/{id:guid}/actions LeadOrStaff
        POST /gestion/reunions/{id:guid}/documents LeadOrStaff
        POST /gestion/reunions/{id:guid}/actions/{taskId:guid}/faite LeadOrStaff
        GET /compte/confirmation Public
        GET /compte/connexion Public
        POST /compte/connexion Public
        GET /compte/connexion-2fa SignInInProgress
        POST /compte/connexion-2fa SignInInProgress
        POST /compte/deconnexion Public
        GET /compte/pro-sante-connect Public
        GET /compte/pro-sante-connect/premiere-connexion SignInInProgress
        POST /compte/pro-sante-connect/creer SignInInProgress
        POST /compte/pro-sante-connect/dissocier SignedIn
        GET /compte/pro-sante-connect/fin-de-session Public
        POST /compte/pro-sante-connect/lier SignInInProgress
        GET /compte/pro-sante-connect/suite SignInInProgress
        GET /compte/inscription Public
        GET /compte/invitation/{token} Public
        POST /compte/invitation/{token} Public
        POST /compte/inscription Public
        GET /compte/inscription/verifiez-vos-courriels Public
        GET /compte/mot-de-passe-oublie Public
        POST /compte/mot-de-passe-oublie Public
        GET /compte/reinitialisation Public
        POST /compte/reinitialisation Public
        GET /compte/renvoyer-confirmation Public
        POST /compte/renvoyer-confirmation Public
        GET /compte/securite SignedIn
        GET /compte/securite/double-authentification SignedIn
        POST /compte/securite/double-authentification SignedIn
        POST /compte/securite/double-authentification/desactiver SignedIn
        POST /compte/securite/mot-de-passe SignedIn
        GET /confidentialite Public
        GET /contact Public
        POST /contact Public
        GET /desabonnement/{token} Public
        POST /desabonnement/{token} Public
        GET /dev/courriels Public
        GET /erreur/{code:int} Public
        GET /fhir/Slot SasKey
        GET /espace SignedIn
        GET /espace/adhesion SignedIn
        POST /espace/adhesion SignedIn
        GET /espace/adhesion/attestations/{membershipId:guid}.pdf SignedIn
        GET /espace/adhesion/recus/{paymentId:guid}.pdf SignedIn
        GET /espace/annuaire Members
        GET /espace/annuaire/{id:guid} Members
        GET /espace/documents Members
        GET /espace/documents/{id:guid}/versions/{versionId:guid} Members
        GET /espace/formations SignedIn
        POST /espace/formations/sujets SignedIn
        POST /espace/formations/sujets/{id:guid}/vote SignedIn
        GET /espace/formations/{id:guid}/attestation.pdf SignedIn
        GET /espace/indemnisation SignedIn
        POST /espace/indemnisation/saisie SignedIn
        GET /espace/indemnisation/{year}.pdf SignedIn
        GET /espace/mes-donnees SignedIn
        GET /espace/mes-donnees/efface Public
        POST /espace/mes-donnees/effacement SignedIn
        GET /espace/mes-donnees/export.json SignedIn
        GET /espace/planning SignedIn
        POST /espace/planning/{shiftId:guid}/desinscription SignedIn
        POST /espace/planning/{shiftId:guid}/inscription SignedIn
        GET /espace/preferences SignedIn
        POST /espace/preferences SignedIn
        GET /espace/profil SignedIn
        GET /espace/registre-rpps SignedIn
        POST /espace/profil SignedIn
        GET /espace/snp SignedIn
        POST /espace/snp/creneau SnpDoctors
        POST /espace/snp/semaine SnpDoctors
        POST /espace/snp/{id:guid}/honore SignedIn
        POST /espace/snp/{id:guid}/retirer SignedIn
        GET /formations Public
        GET /formations.ics Public
        GET /formations/questionnaire/{token} Public
        POST /formations/questionnaire/{token} Public
        GET /formations/{id:guid} Public
        GET /formations/{id:guid}.ics Public
        POST /formations/{id:guid}/desinscription SignedIn
        POST /formations/{id:guid}/inscription SignedIn
        GET /gestion/etat Admin
        POST /gestion/etat/cle-dkim Admin
        GET /gestion/aci Staff
        GET /gestion/actualites Staff
        GET /gestion/actualites/nouvelle Staff
        POST /gestion/actualites/nouvelle Staff
        GET /gestion/actualites/{id:guid}/modifier Staff
        POST /gestion/actualites/{id:guid}/modifier Staff
        POST /gestion/actualites/{id:guid}/supprimer Staff
        GET /gestion/adhesions Staff
        GET /gestion/comptes CoordinatorOrAdmin
        GET /gestion/rpps CoordinatorOrAdmin
        POST /gestion/rpps CoordinatorOrAdmin
        GET /gestion/rpps/registre.csv CoordinatorOrAdmin
        GET /gestion/rpps/recensement CoordinatorOrAdmin
        GET /gestion/rpps/recensement.csv CoordinatorOrAdmin
        POST /gestion/rpps/recensement/inviter CoordinatorOrAdmin
        GET /gestion/import CoordinatorOrAdmin
        POST /gestion/import CoordinatorOrAdmin
        GET /gestion/import/{id:int}/colonnes CoordinatorOrAdmin
        POST /gestion/import/{id:int}/colonnes CoordinatorOrAdmin
        GET /gestion/import/{id:int}/apercu CoordinatorOrAdmin
        POST /gestion/import/{id:int}/apercu CoordinatorOrAdmin
        POST /gestion/import/{id:int}/importer CoordinatorOrAdmin
        POST /gestion/import/{id:int}/abandonner CoordinatorOrAdmin
        GET /gestion/import/{id:int} CoordinatorOrAdmin
        GET /gestion/import/{id:int}/rapport.csv CoordinatorOrAdmin
        POST /gestion/import/{id:int}/invitations CoordinatorOrAdmin
        GET /gestion/import/{id:int}/invitations/etat CoordinatorOrAdmin
        GET /gestion/parametres CoordinatorOrAdmin
        GET /gestion/mise-en-route CoordinatorOrAdmin
        POST /gestion/mise-en-route/territoire-verifie CoordinatorOrAdmin
        GET /gestion/comptes/bureau CoordinatorOrAdmin
        GET /gestion/comptes/bureau.csv CoordinatorOrAdmin
        POST /gestion/comptes/bureau Admin
        POST /gestion/comptes/mandats/{id:guid}/terminer Admin
        POST /espace/bureau/consentement SignedIn
        POST /gestion/parametres/textes CoordinatorOrAdmin
        POST /gestion/parametres/identite Admin
        POST /gestion/parametres/expediteur Admin
        POST /gestion/parametres/courriel-de-test Admin
        POST /gestion/parametres/regles Admin
        POST /gestion/parametres/logo Admin
        POST /gestion/parametres/logo/retirer Admin
        POST /gestion/parametres/cotisations Admin
        POST /gestion/parametres/colleges Admin
        POST /gestion/parametres/indemnisation Admin
        POST /gestion/parametres/statuts Admin
        GET /favicon.ico Public
        GET /identite/icone-{size:int}.png Public
        GET /identite/logo Public
        GET /site.webmanifest Public
        GET /identite/theme.css Public
        GET /la-cpts/statuts/{id:int} Public
        GET /gestion/comptes.csv CoordinatorOrAdmin
        GET /gestion/comptes/inviter Admin
        POST /gestion/comptes/inviter Admin
        GET /gestion/comptes/{id:guid} Admin
        POST /gestion/comptes/{id:guid}/roles Admin
        POST /gestion/comptes/{id:guid}/suspendre Admin
        POST /gestion/comptes/{id:guid}/reactiver Admin
        POST /gestion/comptes/{id:guid}/mot-de-passe Admin
        POST /gestion/comptes/invitations/{id:guid}/renvoyer Admin
        POST /gestion/comptes/invitations/{id:guid}/retirer Admin
        GET /gestion/adhesions/{id:guid} Staff
        POST /gestion/adhesions/{id:guid}/complement Staff
        POST /gestion/adhesions/{id:guid}/exonerer Staff
        POST /gestion/adhesions/{id:guid}/refuser Staff
        POST /gestion/adhesions/{id:guid}/resilier Staff
        POST /gestion/adhesions/{id:guid}/valider Staff
        GET /gestion/contact Staff
        POST /gestion/contact/{id:guid}/traite Staff
        GET /gestion/documents Staff
        POST /gestion/documents Staff
        POST /gestion/documents/categories Staff
        POST /gestion/documents/{id:guid}/versions Staff
        GET /gestion/fiches Members
        GET /gestion/fiches.csv Members
        GET /gestion/fiches/indicateurs.csv Members
        GET /gestion/fiches/nouvelle Staff
        POST /gestion/fiches/nouvelle Staff
        GET /gestion/fiches/projet-de-sante.pdf Members
        GET /gestion/fiches/{id:guid} Members
        POST /gestion/fiches/{id:guid}/commentaires Members
        POST /gestion/fiches/{id:guid}/etapes/{stepId:guid} PilotOrStaff
        GET /gestion/fiches/{id:guid}/indicateurs/nouveau PilotOrStaff
        POST /gestion/fiches/{id:guid}/indicateurs/nouveau PilotOrStaff
        GET /gestion/fiches/{id:guid}/indicateurs/{indicatorId:guid}/mesures PilotOrStaff
        POST /gestion/fiches/{id:guid}/indicateurs/{indicatorId:guid}/mesures PilotOrStaff
        GET /gestion/fiches/{id:guid}/indicateurs/{indicatorId:guid}/modifier PilotOrStaff
        POST /gestion/fiches/{id:guid}/indicateurs/{indicatorId:guid}/modifier PilotOrStaff
        POST /gestion/fiches/{id:guid}/indicateurs/{indicatorId:guid}/supprimer PilotOrStaff
        GET /gestion/fiches/{id:guid}/modifier PilotOrStaff
        POST /gestion/fiches/{id:guid}/modifier PilotOrStaff
        GET /gestion/fiches/{id:guid}/pdf Members
        GET /gestion/formations Staff
        GET /gestion/formations.csv Staff
        GET /gestion/formations/nouvelle Staff
        POST /gestion/formations/nouvelle Staff
        GET /gestion/formations/{id:guid} Staff
        GET /gestion/formations/{id:guid}/attestations/{professionalId:guid}.pdf Staff
        GET /gestion/formations/{id:guid}/inscrits.csv Staff
        POST /gestion/formations/{id:guid}/inscrits/{professionalId:guid}/annuler Staff
        POST /gestion/formations/{id:guid}/message Staff
        GET /gestion/formations/{id:guid}/modifier Staff
        POST /gestion/formations/{id:guid}/modifier Staff
        POST /gestion/formations/{id:guid}/organisation Staff
        POST /gestion/formations/{id:guid}/organisation/{itemId:guid} Staff
        POST /gestion/formations/{id:guid}/questionnaire Staff
        GET /gestion/formations/{id:guid}/seances/{sessionId:guid}/emargement.pdf Staff
        POST /gestion/formations/{id:guid}/seances/{sessionId:guid}/presences Staff
        GET /gestion/indemnisation CoordinatorOrAdmin
        GET /gestion/indemnisation.csv CoordinatorOrAdmin
        POST /gestion/indemnisation/saisie CoordinatorOrAdmin
        POST /gestion/indemnisation/{id:guid}/refuser CoordinatorOrAdmin
        POST /gestion/indemnisation/{id:guid}/valider CoordinatorOrAdmin
        GET /gestion/lettres Staff
        POST /gestion/lettres/annonce-formation/{trainingId:guid} Staff
        POST /gestion/lettres/apercu Staff
        GET /gestion/lettres/nouvelle Staff
        POST /gestion/lettres/nouvelle Staff
        GET /gestion/lettres/{id:guid} Staff
        POST /gestion/lettres/{id:guid}/annuler Staff
        POST /gestion/lettres/{id:guid}/approuver Board
        POST /gestion/lettres/{id:guid}/essai Staff
        GET /gestion/lettres/{id:guid}/modifier Staff
        POST /gestion/lettres/{id:guid}/modifier Staff
        POST /gestion/lettres/{id:guid}/pieces-jointes Staff
        POST /gestion/lettres/{id:guid}/pieces-jointes/{attachmentId:guid}/supprimer Staff
        POST /gestion/lettres/{id:guid}/planifier Staff
        GET /gestion/lettres/{id:guid}/progression Staff
        POST /gestion/lettres/{id:guid}/soumettre Staff
        GET /gestion/membres Staff
        GET /gestion/membres.csv Staff
        GET /gestion/membres/{id:guid} Staff
        GET /gestion/membres/{id:guid}/modifier Staff
        POST /gestion/membres/{id:guid}/modifier Staff
        POST /gestion/membres/{id:guid}/effacer Staff
        GET /gestion/paiements/nouveau Staff
        POST /gestion/paiements/nouveau Staff
        GET /gestion/paiements/{id:guid} Staff
        GET /gestion/paiements/{id:guid}/recu.pdf Staff
        GET /gestion/rapport/{year}.pdf Staff
        GET /gestion/rgpd Staff
        GET /gestion/rgpd.csv Staff
        GET /gestion/sas Admin
        POST /gestion/sas/cles Admin
        POST /gestion/sas/cles/{id:guid}/revoquer Admin
        GET /gestion/snp Regulators
        GET /gestion/snp.csv Regulators
        GET /gestion/snp/creneaux/{id:guid} Regulators
        POST /gestion/snp/medecins CoordinatorOrAdmin
        GET /gestion/snp/participants CoordinatorOrAdmin
        POST /gestion/snp/regulateurs CoordinatorOrAdmin
        POST /gestion/snp/regulateurs/{userId:guid}/retirer CoordinatorOrAdmin
        POST /gestion/snp/{id:guid}/attribuer Regulators
        GET /gestion/structures Staff
        GET /gestion/structures.csv Staff
        GET /gestion/structures/nouvelle Staff
        POST /gestion/structures/nouvelle Staff
        GET /gestion/structures/{id:guid} Staff
        POST /gestion/structures/{id:guid} Staff
        GET /gestion/tableau-de-bord Staff
        GET /gestion/tableau-de-bord/{key}.csv Staff
        GET /gestion/vaccination Staff
        POST /gestion/vaccination/crise Staff
        POST /gestion/vaccination/crise/fin Staff
        GET /gestion/vaccination/nouveau Staff
        POST /gestion/vaccination/nouveau Staff
        GET /gestion/vaccination/{id:guid}/modifier Staff
        POST /gestion/vaccination/{id:guid}/modifier Staff
        GET /gestion/vaccination/{id:guid}/planning Staff
        POST /gestion/vaccination/{id:guid}/planning Staff
        GET /gestion/vaccination/{id:guid}/planning.csv Staff
        GET /la-cpts Public
        GET /la-cpts/assemblees/{id:guid}/compte-rendu.pdf Public
        GET /agenda Public
        GET /agenda/reunions/{id:guid} Public
        POST /agenda/reunions/{id:guid} Public
        GET /agenda/inscriptions/{token} Public
        POST /agenda/inscriptions/{token}/annuler Public
        GET /agenda/inscriptions/{token}/reunion.ics Public
        GET /gestion/reunions/{id:guid}/inscriptions.csv Staff
        GET /lettres Public
        GET /lettres/{id:guid} Public
        GET /mentions-legales Public
        GET /robots.txt Public
        GET /sitemap.xml Public
        GET /vaccination Public
        """);

    /// <summary>Actions that end the session or erase the account: each is tried with a throwaway account.</summary>
    private static readonly HashSet<string> EndsSession = ["POST /compte/deconnexion", "POST /espace/mes-donnees/effacement"];

    [Fact]
    public async Task Every_action_answers_each_kind_of_visitor_as_the_expected_access_table_says()
    {
        var actions = Actions();
        var missing = actions.Where(a => !Expected.ContainsKey(a.Key)).ToList();
        Assert.True(missing.Count == 0, "Actions without an expected access (add them to the table):\n"
            + string.Join('\n', missing.Select(a => $"        {a.Key}  {a.Suggested}")));
        var stale = Expected.Keys.Except(actions.Select(a => a.Key)).ToList();
        Assert.True(stale.Count == 0, "Entries for actions that no longer exist:\n" + string.Join('\n', stale));
        Assert.Empty(EndsSession.Except(Expected.Keys));

        var results = await Task.WhenAll(Personas.Select(persona => CheckAsync(persona, actions)));
        var failures = results.SelectMany(r => r.Failures).ToList();
        var cells = results.Sum(r => r.Cells);
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells differ:\n" + string.Join('\n', failures));
        Assert.True(cells >= actions.Count * Personas.Length);
    }

    [Fact]
    public async Task A_member_reaches_neither_another_members_registration_nor_their_data_through_their_own_pages()
    {
        var (alice, _, _) = await TrainingSteps.MemberAsync(portal, "Alice");
        var (bob, bobUser, bobId) = await TrainingSteps.MemberAsync(portal, "Bobineau");
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var trainingId = await TrainingSteps.CreateAsync(portal, coordinator, TrainingSteps.Training(portal, "Formation de Bob"));
        Assert.Contains("inscrit", (await TrainingSteps.RegisterAsync(bob, trainingId)).Text, StringComparison.OrdinalIgnoreCase);

        // Alice cancels "her" registration to Bob's training: only her own could go, and she has none.
        var page = await alice.GetAsync($"/formations/{trainingId}");
        await alice.PostFromAsync(page, $"/formations/{trainingId}/desinscription", ("professionalId", bobId.ToString()), ("ProfessionalId", bobId.ToString()));
        Assert.True(await portal.WithDbAsync(db => db.TrainingRegistrations.AnyAsync(r => r.TrainingId == trainingId && r.ProfessionalId == bobId && r.CancelledAt == null)));
        Assert.DoesNotContain("Formation de Bob", (await alice.GetAsync("/espace/formations")).Text);

        // Her export, with Bob's ids in the query, holds nothing of his.
        var export = await alice.Http.GetStringAsync($"/espace/mes-donnees/export.json?id={bobId}&userId={bobUser.Id}");
        Assert.Contains("Alice", export);
        Assert.DoesNotContain("Bobineau", export);
        Assert.DoesNotContain(bobUser.Email!, export);
        Assert.DoesNotContain("Formation de Bob", export);
        Assert.DoesNotContain("Bobineau", (await alice.GetAsync($"/espace/profil?id={bobId}")).Html);
    }

    private async Task<(List<string> Failures, int Cells)> CheckAsync(Persona persona, List<RoutedAction> actions)
    {
        // A fiche of the persona's own, since a persona's requests may delete what they name (an indicator).
        var (_, ficheId) = await FicheSteps.FichePilotedAsync(portal, "Fiche de la matrice " + persona.Name);
        var known = new Known(ficheId, await FicheSteps.IndicatorAsync(portal, ficheId, "Indicateur de la matrice"),
            await portal.WithDbAsync(db => db.ActionSheets.Where(a => a.Id == ficheId).SelectMany(a => a.Steps).Select(s => s.Id).FirstAsync()));
        var failures = new List<string>();
        var cells = 0;
        var visitor = await VisitorAsync(persona, known.FicheId);
        foreach (var action in actions)
        {
            var client = EndsSession.Contains(action.Key) && !persona.Anonymous ? await VisitorAsync(persona, known.FicheId) : visitor;
            var url = action.Url(known);
            using var response = await client.SendAsync(action.Method, url);
            var verdict = Verdict(response, persona);
            var allowed = persona.Allowed(Expected[action.Key]);
            cells++;
            if (verdict == Outcome.Error)
            {
                failures.Add($"{persona.Name,-13} {action.Method} {url}: {(int)response.StatusCode}");
            }
            else if ((verdict == Outcome.Allowed) != allowed)
            {
                failures.Add($"{persona.Name,-13} {action.Method} {url}: {(allowed ? "refused but expected allowed" : "allowed but expected refused")} ({(int)response.StatusCode} {response.Headers.Location})");
            }
        }
        return (failures, cells);
    }

    private enum Outcome { Allowed, Refused, Error }

    private static Outcome Verdict(HttpResponseMessage response, Persona persona)
    {
        if ((int)response.StatusCode >= 500)
        {
            return Outcome.Error;
        }
        var location = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            return Outcome.Refused;
        }
        if (response.StatusCode == HttpStatusCode.Redirect
            && (location.Contains("/compte/acces-refuse", StringComparison.Ordinal) || (persona.Anonymous && location.Contains("/compte/connexion", StringComparison.Ordinal))))
        {
            return Outcome.Refused;
        }
        return Outcome.Allowed;
    }

    /// <summary>Ids that exist: the pilot's fiche, one of its indicators and one of its steps.</summary>
    private sealed record Known(Guid FicheId, Guid IndicatorId, Guid StepId);

    private sealed record RoutedAction(string Method, string Template, string Suggested)
    {
        public string Key => $"{Method} /{Template}";

        /// <summary>The template with its parameters filled: the pilot's fiche where a fiche is named, else ids that exist nowhere.</summary>
        public string Url(Known known)
        {
            var fiche = Template.StartsWith("gestion/fiches/{id", StringComparison.Ordinal) || Template.Contains("fiches/{ficheId", StringComparison.Ordinal);
            var url = Regex.Replace(Template, @"\{(\*{0,2})(\w+)(:[^}]*)?\??\}", match =>
            {
                var name = match.Groups[2].Value;
                var constraint = match.Groups[3].Value;
                if (constraint.Contains("guid", StringComparison.Ordinal))
                {
                    return (fiche, name) switch
                    {
                        (true, "id" or "ficheId") => known.FicheId.ToString(),
                        (true, "indicatorId") => known.IndicatorId.ToString(),
                        (true, "stepId") => known.StepId.ToString(),
                        _ => "7c1d3e1a-0000-4000-8000-000000000001",
                    };
                }
                if (constraint.Contains("int", StringComparison.Ordinal) || name is "year" or "annee")
                {
                    return name == "year" ? "2026" : "999999";
                }
                return name is "token" or "code" ? "jeton-inconnu" : "inconnu";
            });
            return "/" + url;
        }
    }

    private List<RoutedAction> Actions()
    {
        var sources = portal.Services.GetRequiredService<EndpointDataSource>();
        var actions = new List<RoutedAction>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is null)
            {
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var suggested = Suggest(endpoint);
            foreach (var method in methods)
            {
                actions.Add(new(method, endpoint.RoutePattern.RawText!.TrimStart('/'), suggested));
            }
        }
        return [.. actions.DistinctBy(a => a.Key).OrderBy(a => a.Template, StringComparer.Ordinal).ThenBy(a => a.Method, StringComparer.Ordinal)];
    }

    /// <summary>What the attributes alone say, to start a new entry from; code inside an action may narrow it.</summary>
    private static string Suggest(Microsoft.AspNetCore.Http.Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return nameof(Access.Public);
        }
        var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (authorize.Count == 0)
        {
            return nameof(Access.Public);
        }
        var roles = authorize.Select(a => a.Roles).LastOrDefault(r => r is not null);
        return roles switch
        {
            null => nameof(Access.SignedIn),
            Roles.Members => nameof(Access.Members),
            Roles.BoardOrCoordinator => nameof(Access.Staff),
            Roles.Board => nameof(Access.Board),
            Roles.Regulators => nameof(Access.Regulators),
            Roles.Coordinator + "," + Roles.Admin => nameof(Access.CoordinatorOrAdmin),
            _ => "? " + roles,
        };
    }

    private static Dictionary<string, Access> Parse(string table)
    {
        var expected = new Dictionary<string, Access>();
        foreach (var line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            expected.Add($"{parts[0]} {parts[1]}", Enum.Parse<Access>(parts[2]));
        }
        return expected;
    }

    /// <summary>A client that does not follow redirects, signed in as the persona, holding an antiforgery token of its own.</summary>
    private async Task<Visitor> VisitorAsync(Persona persona, Guid ficheId)
    {
        var browser = new Browser(portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        if (persona.Anonymous)
        {
            return new Visitor(browser, (await browser.GetAsync("/compte/connexion")).Token);
        }
        var user = await portal.CreateUserAsync(PortalFactory.NewEmail("matrice"), persona.Roles);
        var login = await browser.LogInAsync(user.Email!, PortalFactory.Password);
        Assert.True(login.Status == HttpStatusCode.Redirect, persona.Name + ": " + login.Text);
        if (persona.Pilot)
        {
            await browser.FillAsync("/espace/profil", Steps.Profile(user.Email!, "Pilote"));
            await portal.WithDbAsync(async db =>
            {
                var fiche = await db.ActionSheets.Include(a => a.Pilots).SingleAsync(a => a.Id == ficheId);
                fiche.Pilots.Add(await db.Professionals.SingleAsync(p => p.UserId == user.Id));
                return await db.SaveChangesAsync();
            });
        }
        var home = await browser.GetAsync("/");
        Assert.True(home.IsSignedIn, persona.Name);
        return new Visitor(browser, home.Token);
    }

    private sealed record Visitor(Browser Browser, string Token)
    {
        public Task<HttpResponseMessage> SendAsync(string method, string url) => method switch
        {
            "GET" => Browser.Http.GetAsync(url),
            "POST" => Browser.Http.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", Token)])),
            _ => Browser.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)),
        };
    }
}
