using System.Globalization;
using Aposart.Web.Domain;
using Aposart.Web.Features.Snp;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Features.Trainings;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aposart.Web.Tests.Features.Snp;

public sealed class SnpTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToParis().DateTime);

    internal static async Task<Page> PublishPatternAsync(Browser doctor, Page page, params DayOfWeek[] days)
    {
        // The form's checkboxes carry one value each: post them as the browser would.
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", page.Token), new("Pattern.SiteId", page.Document.QuerySelector("select[name='Pattern.SiteId'] option")?.GetAttribute("value") ?? ""),
            new("Pattern.Start", "12:00"), new("Pattern.Count", "2"), new("Pattern.Duration", "15"), new("Pattern.Weeks", "2"),
        };
        values.AddRange(days.Select(d => new KeyValuePair<string, string>("Pattern.Days", d.ToString())));
        return await doctor.PostAsync("/espace/snp/semaine", values);
    }

    [Fact]
    public async Task Of_two_regulators_giving_the_same_slot_at_once_exactly_one_succeeds()
    {
        var (_, _, doctorId) = await TrainingSteps.MemberAsync(portal, "Concurrence");
        for (var round = 0; round < 5; round++)
        {
            var id = await portal.WithDbAsync(async db =>
            {
                var slot = new SnpSlot { ProfessionalId = doctorId, StartsAt = portal.Clock.GetUtcNow().AddHours(2 + round), DurationMinutes = 15, Place = "Cabinet", CommuneInsee = "78517" };
                db.SnpSlots.Add(slot);
                await db.SaveChangesAsync();
                return slot.Id;
            });
            using var first = portal.Services.CreateScope();
            using var second = portal.Services.CreateScope();
            var results = await Task.WhenAll(
                Task.Run(() => first.ServiceProvider.GetRequiredService<SnpSlots>().GiveAsync(id, "REF-A", "Régulateur A", CancellationToken.None)),
                Task.Run(() => second.ServiceProvider.GetRequiredService<SnpSlots>().GiveAsync(id, "REF-B", "Régulateur B", CancellationToken.None)));
            Assert.Equal(1, results.Count(r => r));
            var slot = await portal.WithDbAsync(db => db.SnpSlots.SingleAsync(s => s.Id == id));
            Assert.Equal(results[0] ? "REF-A" : "REF-B", slot.GivenReference);
        }
    }

    [Fact]
    public async Task A_slot_in_the_past_cannot_be_given()
    {
        var (_, _, doctorId) = await TrainingSteps.MemberAsync(portal, "Passé");
        var id = await portal.WithDbAsync(async db =>
        {
            var slot = new SnpSlot { ProfessionalId = doctorId, StartsAt = portal.Clock.GetUtcNow().AddMinutes(-5), DurationMinutes = 15, Place = "Cabinet", CommuneInsee = "78517" };
            db.SnpSlots.Add(slot);
            await db.SaveChangesAsync();
            return slot.Id;
        });
        using var scope = portal.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<SnpSlots>().GiveAsync(id, "REF", "Régulateur", CancellationToken.None));
        Assert.Equal(SnpSlotStatus.Open, await portal.WithDbAsync(db => db.SnpSlots.Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Only_adherent_general_practitioners_or_allowed_professionals_publish_and_each_doctor_touches_only_their_own_slots()
    {
        var (doctorA, _, doctorAId) = await TrainingSteps.MemberAsync(portal, "Alpha");
        var (doctorB, _, _) = await TrainingSteps.MemberAsync(portal, "Bravo");
        var page = await doctorA.GetAsync("/espace/snp");
        var slotA = await portal.WithDbAsync(async db =>
        {
            var slot = new SnpSlot { ProfessionalId = doctorAId, StartsAt = portal.Clock.GetUtcNow().AddDays(1), DurationMinutes = 15, Place = "Cabinet", CommuneInsee = "78517" };
            db.SnpSlots.Add(slot);
            await db.SaveChangesAsync();
            return slot.Id;
        });
        var pageB = await doctorB.GetAsync("/espace/snp");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await doctorB.PostFromAsync(pageB, $"/espace/snp/{slotA}/retirer")).Status);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await doctorB.PostFromAsync(pageB, $"/espace/snp/{slotA}/honore", ("honoured", "false"))).Status);
        Assert.Equal(SnpSlotStatus.Open, await portal.WithDbAsync(db => db.SnpSlots.Where(s => s.Id == slotA).Select(s => s.Status).SingleAsync()));
        Assert.Contains("Créneau retiré.", (await doctorA.PostFromAsync(page, $"/espace/snp/{slotA}/retirer")).Text);
        Assert.True((await doctorA.GetAsync("/gestion/snp")).IsRefused);

        // A nurse, and a general practitioner who is not an adherent, cannot publish until the coordinator allows them.
        var (nurse, nurseUser) = await portal.SignedInAsync(Roles.Professional, Roles.Member);
        var profile = Steps.Profile(nurseUser.Email!, "Infirmière");
        profile["Input.Profession"] = nameof(Profession.Nurse);
        await Steps.FillProfileAsync(nurse, profile);
        var nurseId = await portal.WithDbAsync(db => db.Professionals.Where(p => p.UserId == nurseUser.Id).Select(p => p.Id).SingleAsync());
        var nursePage = await nurse.GetAsync("/espace/snp");
        Assert.Contains("ouverte aux médecins généralistes adhérents", nursePage.Text);
        var tomorrow = Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True((await nurse.PostFromAsync(nursePage, "/espace/snp/creneau", ("Slot.Date", tomorrow), ("Slot.Start", "12:00"), ("Slot.Duration", "15"))).IsRefused);
        var (nonMember, _, _) = await TrainingSteps.MemberAsync(portal, "NonAdhérent", Roles.Professional);
        Assert.Contains("ouverte aux médecins généralistes adhérents", (await nonMember.GetAsync("/espace/snp")).Text);

        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var participants = await coordinator.GetAsync("/gestion/snp/participants");
        var allowed = await coordinator.SubmitAsync(participants, "/gestion/snp/medecins", new Dictionary<string, string> { ["professionalId"] = nurseId.ToString() });
        Assert.Contains("Ce professionnel peut publier des créneaux.", allowed.Text);
        nursePage = await nurse.GetAsync("/espace/snp");
        var one = await nurse.SubmitAsync(nursePage, "/espace/snp/creneau", new Dictionary<string, string> { ["Slot.Date"] = tomorrow, ["Slot.Start"] = "12:00", ["Slot.Duration"] = "15" });
        Assert.Contains("Créneau publié", one.Text);

        // Regulators are named by the coordination; the bureau is not one by itself.
        var (board, boardUser) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        Assert.True((await board.GetAsync("/gestion/snp")).IsRefused);
        Assert.True((await board.GetAsync("/gestion/snp/participants")).IsRefused);
        var named = await coordinator.SubmitAsync(participants, "/gestion/snp/regulateurs", new Dictionary<string, string> { ["email"] = boardUser.Email! });
        Assert.Contains("peut maintenant attribuer les créneaux", named.Text);
        Assert.False((await board.GetAsync("/gestion/snp")).IsRefused);
        Assert.True((await board.GetAsync("/gestion/snp/participants")).IsRefused);
    }

    [Fact]
    public async Task Bad_slot_input_gets_french_messages_next_to_the_fields_and_keeps_what_was_typed()
    {
        var (doctor, _, doctorId) = await TrainingSteps.MemberAsync(portal, "Pressé");
        var page = await doctor.GetAsync("/espace/snp");
        var bad = await doctor.SubmitAsync(page, "/espace/snp/creneau", new Dictionary<string, string> { ["Slot.Date"] = "2026-13-45", ["Slot.Start"] = "25:00", ["Slot.Duration"] = "vingt" });
        Assert.Equal(System.Net.HttpStatusCode.OK, bad.Status);
        Assert.NotNull(bad.ErrorFor("Slot.Date"));
        Assert.NotNull(bad.ErrorFor("Slot.Start"));
        Assert.NotNull(bad.ErrorFor("Slot.Duration"));
        Assert.Equal("vingt", bad.ValueOf("Slot.Duration"));
        var past = await doctor.SubmitAsync(page, "/espace/snp/creneau", new Dictionary<string, string>
        {
            ["Slot.Date"] = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Slot.Start"] = "12:00", ["Slot.Duration"] = "15",
        });
        Assert.Contains("Ce moment est passé", past.ErrorFor("Slot.Start"));
        var noDay = await PublishPatternAsync(doctor, page);
        Assert.Contains("Cochez au moins un jour.", noDay.Text);
        var tooMany = await doctor.SubmitAsync(page, "/espace/snp/semaine", new Dictionary<string, string> { ["Pattern.Weeks"] = "52", ["Pattern.Days"] = "Monday" });
        Assert.Contains("Entre 1 et 8 semaines.", tooMany.ErrorFor("Pattern.Weeks"));
        var (regulator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Regulator);
        var free = await regulator.GetAsync("/gestion/snp?jour=pas-une-date&commune=%00&page=-4");
        Assert.Equal(System.Net.HttpStatusCode.OK, free.Status);
        Assert.Contains("jamais le nom du patient", (await regulator.PostFromAsync(free, $"/gestion/snp/{Guid.NewGuid()}/attribuer", ("reference", "  "))).Text);
        Assert.False(await portal.WithDbAsync(db => db.SnpSlots.AnyAsync(s => s.ProfessionalId == doctorId)));
    }
}

/// <summary>The whole journey on a database of its own, so that its counts are exactly its own.</summary>
public sealed class SnpJourneyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToParis().DateTime);

    private static Task<Page> PublishPatternAsync(Browser doctor, Page page, params DayOfWeek[] days) => SnpTests.PublishPatternAsync(doctor, page, days);

    [Fact]
    public async Task A_doctor_publishes_a_weekly_pattern_the_regulator_gives_a_slot_the_doctor_is_mailed_and_the_counts_follow()
    {
        var (doctor, doctorUser, doctorId) = await TrainingSteps.MemberAsync(portal, "Généraliste");
        var page = await doctor.GetAsync("/espace/snp");
        var published = await PublishPatternAsync(doctor, page, DayOfWeek.Monday, DayOfWeek.Thursday);
        var slots = await portal.WithDbAsync(db => db.SnpSlots.Where(s => s.ProfessionalId == doctorId).OrderBy(s => s.StartsAt).ToListAsync());
        var now = portal.Clock.GetUtcNow();
        var expected = Enumerable.Range(0, 14).Select(i => Today.AddDays(i)).Where(d => d.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday)
            .SelectMany(d => new[] { ParisTime.FromParis(d, new TimeOnly(12, 0)), ParisTime.FromParis(d, new TimeOnly(12, 15)) }).Where(s => s > now).ToList();
        Assert.True(published.Text.Contains($"{expected.Count} créneau(x) publié(s) sur 2 semaine(s).", StringComparison.Ordinal), published.FormErrors + published.Status + published.Text[..Math.Min(published.Text.Length, 2500)]);
        Assert.Equal(expected, slots.Select(s => s.StartsAt));
        Assert.All(slots, s => Assert.Equal(("78517", 15), (s.CommuneInsee, s.DurationMinutes)));
        // The same pattern again adds nothing.
        var again = await PublishPatternAsync(doctor, page, DayOfWeek.Monday, DayOfWeek.Thursday);
        Assert.Contains($"0 créneau(x) publié(s) sur 2 semaine(s) ({expected.Count} existaient déjà).", again.Text);

        var (regulator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Regulator);
        var free = await regulator.GetAsync("/gestion/snp?commune=78517");
        Assert.Contains("Rambouillet", free.Text);
        Assert.Contains("Généraliste", free.Text);
        var slot = slots[0];
        var given = await regulator.SubmitAsync(free, $"/gestion/snp/{slot.Id}/attribuer", new Dictionary<string, string> { ["reference"] = "SAS-1234" });
        Assert.Contains("Créneau attribué (référence SAS-1234)", given.Text);
        var mail = Assert.Single(await portal.Smtp.MessagesToAsync(doctorUser.Email!), m => (m.Subject ?? "").StartsWith("Créneau de soins non programmés attribué", StringComparison.Ordinal));
        Assert.Contains("SAS-1234", mail.TextBody);
        Assert.Contains("Attribué – réf. SAS-1234", (await doctor.GetAsync("/espace/snp")).Text);
        var twice = await regulator.SubmitAsync(free, $"/gestion/snp/{slot.Id}/attribuer", new Dictionary<string, string> { ["reference"] = "SAS-9999" });
        Assert.Contains("Ce créneau n'est plus libre", twice.Text);

        // After the consultation the doctor says it was honoured; the counts appear as computed figures.
        portal.Clock.Advance(slot.StartsAt - now + TimeSpan.FromMinutes(30));
        try
        {
            // Days may have passed: the session has ended, as it would have.
            await doctor.LogInAsync(doctorUser.Email!, PortalFactory.Password);
            var mine = await doctor.GetAsync("/espace/snp");
            var honoured = await doctor.SubmitAsync(mine, $"/espace/snp/{slot.Id}/honore", new Dictionary<string, string> { ["honoured"] = "true" });
            Assert.Contains("Créneau noté comme honoré.", honoured.Text);
            var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
            var year = slot.StartsAt.ToParis().Year;
            var figures = (await coordinator.GetAsync($"/gestion/tableau-de-bord/snp.csv?annee={year}")).Html;
            var ofYear = expected.Count(s => s.ToParis().Year == year);
            Assert.Contains($"Créneaux proposés;{ofYear}", figures);
            Assert.Contains("Créneaux attribués;1", figures);
            Assert.Contains("Créneaux honorés;1", figures);
            // One general practitioner with a practice site in the territory, taking part.
            Assert.Contains("Médecins généralistes du territoire participants (%);100", figures);
            Assert.Contains("Rambouillet;" + ofYear + ";1;1", (await coordinator.GetAsync($"/gestion/tableau-de-bord/snp-communes.csv?annee={year}")).Html);
        }
        finally
        {
            portal.Clock.Reset();
        }
    }
}
