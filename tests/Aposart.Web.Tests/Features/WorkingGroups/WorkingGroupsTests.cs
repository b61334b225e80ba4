using System.Globalization;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Features.Meetings;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.WorkingGroups;

/// <summary>Working groups on a portal of their own: the test moves its clock past the group's meeting.</summary>
public sealed class WorkingGroupsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_group_takes_a_member_on_request_meets_and_its_present_members_confirm_prefilled_hours_that_the_coordinator_validates_beside_the_attendance()
    {
        portal.Clock.Reset();
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(1)).Date);
        var day = today.AddDays(2);
        var lead = await MeetingSteps.AdherentAsync(portal, day.Year, "Léa-Animatrice");
        var anne = await MeetingSteps.AdherentAsync(portal, day.Year, "Anne-Membre");
        var other = await MeetingSteps.AdherentAsync(portal, day.Year, "Olivier-Autre");
        var fiche = await portal.WithDbAsync(async db =>
        {
            var sheet = new ActionSheet { Number = 41, Title = "Parcours insuffisance cardiaque", Mission = AciMission.QualityOfCare };
            db.ActionSheets.Add(sheet);
            await db.SaveChangesAsync();
            return sheet.Id;
        });
        var (coordinator, coordinatorUser) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);

        // The coordination creates the group, bad input first, and names its lead.
        var page = await coordinator.FillAsync("/gestion/groupes/nouveau", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Description"] = "Suivi des patients après hospitalisation", ["Input.ActionSheetId"] = Guid.NewGuid().ToString(),
        });
        Assert.Contains("Donnez un nom au groupe", page.ErrorFor("Input.Name"));
        Assert.Contains("Choisissez une fiche action de la liste", page.ErrorFor("Input.ActionSheetId"));
        Assert.Equal("Suivi des patients après hospitalisation", page.ValueOf("Input.Description"));
        page = await coordinator.SubmitAsync(page, "/gestion/groupes/nouveau", new Dictionary<string, string>
        {
            ["Input.Name"] = "Insuffisance cardiaque", ["Input.ActionSheetId"] = fiche.ToString(), ["Input.Open"] = "true",
        });
        Assert.Contains("Le groupe est créé", page.Text);
        var group = Guid.Parse(page.Url.Split('/')[3].Split('#')[0]);
        var unknown = await coordinator.PostFromAsync(page, $"/gestion/groupes/{group}/membres", ("email", "personne@exemple.invalid"), ("lead", "true"));
        Assert.Contains("Aucun compte n'a cette adresse", unknown.Text);
        page = await coordinator.PostFromAsync(page, $"/gestion/groupes/{group}/membres", ("email", lead.Email!), ("lead", "true"));
        Assert.Contains("Animateur ajouté au groupe", page.Text);

        // Anne asks to join; the lead is told and accepts; another adherent may not decide.
        var anneBrowser = await portal.SignedInAsync(anne);
        var groupPage = await anneBrowser.GetAsync($"/espace/groupes/{group}");
        Assert.Contains("Fiche action 41 : Parcours insuffisance cardiaque", groupPage.Text);
        Assert.Contains("Votre demande est envoyée", (await anneBrowser.PostFromAsync(groupPage, $"/espace/groupes/{group}/rejoindre")).Text);
        Assert.Contains("votre demande est déjà faite", (await anneBrowser.PostFromAsync(groupPage, $"/espace/groupes/{group}/rejoindre")).Text);
        Assert.Contains("demande à rejoindre", (await portal.Smtp.SingleMessageToAsync(lead.Email!)).TextBody);
        var request = await portal.WithDbAsync(db => db.WorkingGroupMembers.Where(m => m.GroupId == group && m.UserId == anne.Id).Select(m => m.Id).SingleAsync());
        var otherBrowser = await portal.SignedInAsync(other);
        var forbidden = await otherBrowser.PostFromAsync(await otherBrowser.GetAsync($"/espace/groupes/{group}"), $"/espace/groupes/{group}/demandes/{request}", ("accept", "true"));
        Assert.NotEqual(System.Net.HttpStatusCode.OK, forbidden.Status);
        var leadBrowser = await portal.SignedInAsync(lead);
        var leadPage = await leadBrowser.GetAsync($"/espace/groupes/{group}");
        Assert.Contains("Claire Anne-Membre — demande du", leadPage.Text);
        Assert.Contains("Demande acceptée", (await leadBrowser.PostFromAsync(leadPage, $"/espace/groupes/{group}/demandes/{request}", ("accept", "true"))).Text);
        Assert.Contains("Cette demande a déjà été traitée", (await leadBrowser.PostFromAsync(leadPage, $"/espace/groupes/{group}/demandes/{request}", ("accept", "false"))).Text);
        Assert.Contains("vous êtes membre du groupe", (await portal.Smtp.SingleMessageToAsync(anne.Email!)).TextBody);

        // The group's mailing: a flashmail to its members reaches the lead and Anne, not the others.
        var flash = await coordinator.SubmitAsync(await coordinator.GetAsync("/gestion/lettres/nouvelle?kind=Flashmail"), "/gestion/lettres/nouvelle", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(CampaignKind.Flashmail), ["Input.Subject"] = "Prochaine réunion du groupe", ["Input.Body"] = "Ordre du jour en pièce jointe.",
            ["Input.Audience"] = nameof(AudienceKind.WorkingGroupMembers),
        });
        Assert.Contains("Choisissez le groupe de travail", flash.ErrorFor("Input.WorkingGroupId"));
        flash = await coordinator.SubmitAsync(flash, "/gestion/lettres/nouvelle", new Dictionary<string, string> { ["Input.WorkingGroupId"] = group.ToString() });
        Assert.Contains("Membres d'un groupe de travail : Insuffisance cardiaque — 2 adresse(s)", flash.Text);

        // A meeting of the group convenes its two members, and no one else.
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(MeetingKind.WorkingGroup), ["Input.Title"] = "Groupe insuffisance cardiaque n° 1", ["Input.WorkingGroupId"] = "",
            ["Input.Date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Start"] = "18:00", ["Input.End"] = "20:00",
            ["Input.Place"] = "Hôpital de Rambouillet, salle B", ["Input.Agenda"] = "1. Sortie d'hospitalisation\n2. Fiche de liaison",
        };
        var noGroup = await coordinator.FillAsync("/gestion/reunions/nouvelle", form);
        Assert.Contains("Choisissez le groupe de travail", noGroup.ErrorFor("Input.WorkingGroupId"));
        form["Input.WorkingGroupId"] = group.ToString();
        var (manage, meeting) = await MeetingsTests.CreateMeetingAsync(coordinator, form);
        Assert.Contains("2 personne(s) seront convoquées (les membres du groupe de travail)", manage.Text);
        manage = await coordinator.SubmitAsync(manage, $"/gestion/reunions/{meeting}/convoquer", new Dictionary<string, string>());
        Assert.Contains("Les convocations sont parties", manage.Text);
        Assert.Equal(0, await portal.WithDbAsync(db => db.MeetingInvitees.CountAsync(i => i.MeetingId == meeting && i.UserId == other.Id)));
        Assert.Contains("Groupe insuffisance cardiaque n° 1", (await anneBrowser.GetAsync($"/espace/groupes/{group}")).Text);

        // The meeting is held: Anne and the lead are marked present; three days later, their hours wait for them.
        foreach (var present in new[] { anne, lead })
        {
            manage = await coordinator.PostFromAsync(manage, $"/gestion/reunions/{meeting}/presences",
                ("inviteeId", (await MeetingSteps.InviteeIdAsync(portal, meeting, present)).ToString()), ("present", "true"));
        }
        portal.Clock.Advance(TimeSpan.FromDays(3));
        // Three days on, the sessions opened before have expired.
        (anneBrowser, leadBrowser, otherBrowser, coordinator) =
            (await portal.SignedInAsync(anne), await portal.SignedInAsync(lead), await portal.SignedInAsync(other), await portal.SignedInAsync(coordinatorUser));
        Assert.DoesNotContain("Heures de réunion à confirmer", (await otherBrowser.GetAsync("/espace/indemnisation")).Text);
        var mine = await anneBrowser.GetAsync("/espace/indemnisation");
        Assert.Contains($"Groupe insuffisance cardiaque n° 1 (Insuffisance cardiaque), le {day:dd/MM/yyyy} : 2 heure(s) sur la fiche n° 41 – Parcours insuffisance cardiaque", mine.Text);
        // Two confirmations sent at once declare the hours once.
        var both = await Task.WhenAll(
            anneBrowser.PostFromAsync(mine, $"/espace/indemnisation/reunions/{meeting}/confirmer"),
            anneBrowser.PostFromAsync(mine, $"/espace/indemnisation/reunions/{meeting}/confirmer"));
        Assert.Contains(both, p => p.Text.Contains("Heures déclarées", StringComparison.Ordinal));
        Assert.Equal(1, await portal.WithDbAsync(db => db.CompensationEntries.CountAsync(e => e.MeetingId == meeting && e.Professional!.UserId == anne.Id)));
        Assert.DoesNotContain("Heures de réunion à confirmer", (await anneBrowser.GetAsync("/espace/indemnisation")).Text);
        var leadHours = await leadBrowser.GetAsync("/espace/indemnisation");
        Assert.Contains("Heures déclarées", (await leadBrowser.PostFromAsync(leadHours, $"/espace/indemnisation/reunions/{meeting}/confirmer")).Text);
        var entry = await portal.WithDbAsync(db => db.CompensationEntries.AsNoTracking().SingleAsync(e => e.MeetingId == meeting && e.Professional!.UserId == anne.Id));
        Assert.Equal((CompensationKind.WorkingGroupHours, 2m, fiche, day, CompensationStatus.Submitted), (entry.Kind, entry.Quantity, entry.ActionSheetId, entry.Date, entry.Status));

        // The coordinator sees the meeting and who was present beside each claim, and validates them.
        var admin = await coordinator.GetAsync($"/gestion/indemnisation?annee={day.Year}");
        Assert.Equal(2, admin.Text.Split($"Réunion du {day:dd/MM/yyyy} (Groupe insuffisance cardiaque n° 1) — présents : Claire Anne-Membre, Claire Léa-Animatrice").Length - 1);
        foreach (var id in await portal.WithDbAsync(db => db.CompensationEntries.Where(e => e.MeetingId == meeting).Select(e => e.Id).ToListAsync()))
        {
            Assert.Contains("Saisie validée", (await coordinator.PostFromAsync(admin, $"/gestion/indemnisation/{id}/valider")).Text);
        }
        portal.Clock.Reset();
    }

    private Task<Guid> GroupAsync(string name, AppUser lead, params AppUser[] members) => portal.WithDbAsync(async db =>
    {
        var group = new WorkingGroup { Id = Guid.CreateVersion7(), Name = name, CreatedAt = DateTimeOffset.UtcNow };
        group.Members.Add(new WorkingGroupMember { Id = Guid.CreateVersion7(), UserId = lead.Id, IsLead = true, Status = GroupMembershipStatus.Member, RequestedAt = DateTimeOffset.UtcNow });
        group.Members.AddRange(members.Select(m => new WorkingGroupMember { Id = Guid.CreateVersion7(), UserId = m.Id, Status = GroupMembershipStatus.Member, RequestedAt = DateTimeOffset.UtcNow }));
        db.WorkingGroups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    });

    private static bool Refused(Page page) => page.Url.Contains("/compte/acces-refuse", StringComparison.Ordinal) || page.Status == System.Net.HttpStatusCode.Forbidden;

    [Fact]
    public async Task A_lead_prepares_convenes_and_minutes_the_meetings_of_their_group_and_no_other_while_a_member_runs_none()
    {
        portal.Clock.Reset();
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(1)).Date);
        var day = today.AddDays(1);
        var lead = await MeetingSteps.AdherentAsync(portal, day.Year, "Lina-Animatrice");
        var member = await MeetingSteps.AdherentAsync(portal, day.Year, "Marc-Membre");
        var otherLead = await MeetingSteps.AdherentAsync(portal, day.Year, "Paul-AutreGroupe");
        var group = await GroupAsync("Soins palliatifs", lead, member);
        var otherGroup = await GroupAsync("Santé mentale", otherLead);
        var leadBrowser = await portal.SignedInAsync(lead);

        var groupPage = await leadBrowser.GetAsync($"/espace/groupes/{group}");
        Assert.Contains("Nouvelle réunion du groupe", groupPage.Text);
        var form = await leadBrowser.GetAsync($"/gestion/reunions/nouvelle/groupe/{group}");
        Assert.Contains("Réunion du groupe de travail Soins palliatifs", form.Text);
        // Whatever the form says, a group's address makes a meeting of that group.
        var manage = await leadBrowser.SubmitAsync(form, $"/gestion/reunions/nouvelle/groupe/{group}", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(MeetingKind.OrdinaryAssembly), ["Input.WorkingGroupId"] = otherGroup.ToString(), ["Input.Title"] = "Soins palliatifs n° 1",
            ["Input.Date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Start"] = "19:00", ["Input.End"] = "20:30",
            ["Input.Place"] = "Maison de santé", ["Input.Agenda"] = "1. Annuaire des ressources",
        });
        var meeting = Guid.Parse(manage.Url.Split('/')[3].Split('#')[0]);
        var stored = await portal.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting));
        Assert.Equal((MeetingKind.WorkingGroup, (Guid?)group), (stored.Kind, stored.WorkingGroupId));
        var turned = await leadBrowser.SubmitAsync(await leadBrowser.GetAsync($"/gestion/reunions/{meeting}/modifier"), $"/gestion/reunions/{meeting}/modifier",
            new Dictionary<string, string> { ["Input.Kind"] = nameof(MeetingKind.Board) });
        Assert.Contains("Une réunion du groupe reste une réunion du groupe", turned.Text);
        manage = await leadBrowser.SubmitAsync(manage, $"/gestion/reunions/{meeting}/convoquer", new Dictionary<string, string>());
        Assert.Contains("Les convocations sont parties", manage.Text);
        Assert.Equal(2, await portal.WithDbAsync(db => db.MeetingInvitees.CountAsync(i => i.MeetingId == meeting)));
        var fees = await leadBrowser.PostFromAsync(manage, $"/gestion/reunions/{meeting}/resolutions", ("NewResolution.Title", "Cotisations"),
            ("NewResolution.Majority", nameof(MajorityRule.SimpleOfCast)), ("NewResolution.SetsFees", "true"), ("NewResolution.IndividualFee", "5"), ("NewResolution.StructureFee", "5"));
        Assert.Contains("Seule une assemblée générale élit le bureau ou fixe les cotisations", fees.Text);

        // Neither the other group's lead nor a plain member runs it; the lead runs nothing else.
        var otherBrowser = await portal.SignedInAsync(otherLead);
        Assert.True(Refused(await otherBrowser.GetAsync($"/gestion/reunions/{meeting}")));
        Assert.True(Refused(await (await portal.SignedInAsync(member)).GetAsync($"/gestion/reunions/{meeting}")));
        Assert.True(Refused(await leadBrowser.GetAsync("/gestion/reunions")));
        Assert.True(Refused(await leadBrowser.GetAsync($"/gestion/reunions/nouvelle/groupe/{otherGroup}")));
        Assert.True(Refused(await leadBrowser.GetAsync("/gestion/reunions/regles")));

        // The day after, the lead marks the member present and approves the minutes; a bureau member may not.
        portal.Clock.Advance(TimeSpan.FromDays(2));
        leadBrowser = await portal.SignedInAsync(lead);
        manage = await leadBrowser.GetAsync($"/gestion/reunions/{meeting}");
        manage = await leadBrowser.PostFromAsync(manage, $"/gestion/reunions/{meeting}/presences",
            ("inviteeId", (await MeetingSteps.InviteeIdAsync(portal, meeting, member)).ToString()), ("present", "true"));
        Assert.Contains("Claire Marc-Membre : présent·e", manage.Text);
        var minutes = await leadBrowser.GetAsync($"/gestion/reunions/{meeting}/compte-rendu");
        var saved = await leadBrowser.SubmitAsync(minutes, $"/gestion/reunions/{meeting}/compte-rendu", new Dictionary<string, string>());
        Assert.Contains("Le compte rendu est enregistré", saved.Text);
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        Assert.Contains("approuvé par un de ses animateurs", (await board.GetAsync($"/gestion/reunions/{meeting}/compte-rendu")).Text);
        Assert.Contains("Le compte rendu est approuvé", (await leadBrowser.PostFromAsync(saved, $"/gestion/reunions/{meeting}/compte-rendu/approuver")).Text);
        var groupAfter = await leadBrowser.GetAsync($"/espace/groupes/{group}");
        Assert.Contains("compte rendu dans les documents des adhérents", groupAfter.Text);
        Assert.Contains($"Compte rendu – Soins palliatifs n° 1 ({day:dd/MM/yyyy}) (compte-rendu-{day:yyyy-MM-dd}.pdf)", groupAfter.Text);
        portal.Clock.Reset();
    }
}
