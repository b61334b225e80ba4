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
}
