using System.Net;
using System.Text.Json;
using Aposart.Web.Domain;
using Aposart.Web.Features.Sas;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Features.Trainings;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Sas;

/// <summary>
/// The national SAS platform reading the CPTS's free slots through the FHIR slot search of the ANS specification, with a key
/// the Admin issues; checked field by field against what the specification's CPTS page and example bundle require.
/// </summary>
public sealed class SasTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Finess = "780099990";

    private static string Search(string from, string to, params string[] rpps) =>
        "/fhir/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor&_include=Slot:service-type-reference&_include:iterate=HealthcareService:organization"
        + $"&start=ge{from}&start=le{to}&schedule.actor:Practitioner.identifier={string.Join(',', rpps.Select(r => "urn:oid:1.2.250.1.71.4.2.1|8" + r))}&status=free";

    private async Task<(HttpStatusCode Status, string? Type, JsonElement Body)> GetAsync(string url, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/fhir+json");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        using var response = await portal.NewBrowser().Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>The Admin saves the CPTS's identity with its FINESS from the settings page, as a new portal's Admin does.</summary>
    private async Task<Browser> EnterFinessAsync()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var saved = await admin.SubmitAsync(await admin.GetAsync("/gestion/parametres"), "/gestion/parametres/identite", new Dictionary<string, string>
        {
            ["Identity.Name"] = "CPTS d'essai", ["Identity.ShortName"] = "ESSAI", ["Identity.Email"] = "contact@essai.fr", ["Identity.Telephone"] = "01 02 03 04 05",
            ["Identity.Finess"] = Finess,
        });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Empty(saved.FormErrors);
        return admin;
    }

    private static IEnumerable<JsonElement> Resources(JsonElement bundle, string type) =>
        bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).Where(r => r.GetProperty("resourceType").GetString() == type);

    private static string Profile(JsonElement resource) => resource.GetProperty("meta").GetProperty("profile")[0].GetString()!;

    [Fact]
    public async Task The_sas_reads_the_three_slots_a_doctor_published_and_a_slot_given_in_the_portal_leaves_the_answer_at_once()
    {
        // The Admin enters the FINESS and issues a key; the key is shown once.
        var admin = await EnterFinessAsync();
        var sas = await admin.GetAsync("/gestion/sas");
        Assert.Contains(Finess, sas.Text);
        var issued = await admin.SubmitAsync(sas, "/gestion/sas/cles", new Dictionary<string, string> { ["Input.Name"] = "Plateforme SAS" });
        var key = issued.Find("#sas-secret")!.TextContent.Trim();
        Assert.StartsWith("sas_", key);
        Assert.DoesNotContain(key, (await admin.GetAsync("/gestion/sas")).Html);
        Assert.DoesNotContain(key, string.Join(" ", await portal.WithDbAsync(db => db.SasKeys.Select(k => k.Hash).ToListAsync())));

        // A general practitioner with an RPPS publishes three slots tomorrow: at the practice, at home, without appointment.
        var (doctor, _, doctorId) = await TrainingSteps.MemberAsync(portal, "Sasdoc");
        var rpps = await portal.WithDbAsync(db => db.Professionals.Where(p => p.Id == doctorId).Select(p => p.Rpps!).SingleAsync());
        var tomorrow = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToParis().DateTime).AddDays(1);
        var page = await doctor.GetAsync("/espace/snp");
        foreach (var (start, mode, walkIn) in new[] { ("09:00", ConsultationMode.Office, false), ("09:20", ConsultationMode.Home, false), ("09:40", ConsultationMode.Office, true) })
        {
            var fields = new Dictionary<string, string> { ["Slot.Date"] = tomorrow.ToString("yyyy-MM-dd"), ["Slot.Start"] = start, ["Slot.Duration"] = "20", ["Slot.Mode"] = mode.ToString() };
            if (walkIn)
            {
                fields["Slot.WalkIn"] = "true";
            }
            Assert.Contains("Créneau publié", (await doctor.SubmitAsync(page, "/espace/snp/creneau", fields)).Text);
        }

        var from = $"{tomorrow:yyyy-MM-dd}T00:00:00.000+01:00";
        var to = $"{tomorrow:yyyy-MM-dd}T23:59:00.000+01:00";
        var (status, type, bundle) = await GetAsync(Search(from, to, rpps, "10000000008"), key);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/fhir+json", type);

        // The bundle: searchset, its total, its profile, the entries of the specification's example in its order.
        Assert.Equal("Bundle", bundle.GetProperty("resourceType").GetString());
        Assert.Equal("searchset", bundle.GetProperty("type").GetString());
        Assert.Equal(3, bundle.GetProperty("total").GetInt32());
        Assert.Equal(SasSlotBundle.Profiles.Bundle, Profile(bundle));
        Assert.Equal(["Practitioner", "PractitionerRole", "Schedule", "Slot", "Slot", "Slot", "HealthcareService", "Organization"],
            bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("resourceType").GetString()));
        var ids = bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .ToDictionary(r => $"{r.GetProperty("resourceType").GetString()}/{r.GetProperty("id").GetString()}");
        Assert.All(bundle.GetProperty("entry").EnumerateArray(), e => Assert.EndsWith(
            $"/fhir/{e.GetProperty("resource").GetProperty("resourceType").GetString()}/{e.GetProperty("resource").GetProperty("id").GetString()}", e.GetProperty("fullUrl").GetString()));

        var practitioner = Resources(bundle, "Practitioner").Single();
        Assert.Equal(SasSlotBundle.Profiles.Practitioner, Profile(practitioner));
        var nationalId = practitioner.GetProperty("identifier")[0];
        Assert.Equal("urn:oid:1.2.250.1.71.4.2.1", nationalId.GetProperty("system").GetString());
        Assert.Equal("8" + rpps, nationalId.GetProperty("value").GetString());
        Assert.Equal("IDNPS", nationalId.GetProperty("type").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal("http://interopsante.org/fhir/CodeSystem/fr-v2-0203", nationalId.GetProperty("type").GetProperty("coding")[0].GetProperty("system").GetString());
        Assert.Equal("Sasdoc", practitioner.GetProperty("name")[0].GetProperty("family").GetString());

        var role = Resources(bundle, "PractitionerRole").Single();
        Assert.Equal(SasSlotBundle.Profiles.PractitionerRole, Profile(role));
        var location = role.GetProperty("contained")[0];
        Assert.Equal("Location", location.GetProperty("resourceType").GetString());
        Assert.Equal(SasSlotBundle.Profiles.Location, Profile(location));
        Assert.Equal("INTRN", location.GetProperty("identifier")[0].GetProperty("type").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal("#" + location.GetProperty("id").GetString(), role.GetProperty("location")[0].GetProperty("reference").GetString());
        Assert.True(ids.ContainsKey(role.GetProperty("practitioner").GetProperty("reference").GetString()!));

        var schedule = Resources(bundle, "Schedule").Single();
        Assert.Equal(SasSlotBundle.Profiles.Schedule, Profile(schedule));
        Assert.Equal([$"Practitioner/{practitioner.GetProperty("id").GetString()}", $"PractitionerRole/{role.GetProperty("id").GetString()}"],
            schedule.GetProperty("actor").EnumerateArray().Select(a => a.GetProperty("reference").GetString()));

        var slots = Resources(bundle, "Slot").ToList();
        var service = Resources(bundle, "HealthcareService").Single();
        Assert.Equal(SasSlotBundle.Profiles.HealthcareService, Profile(service));
        foreach (var slot in slots)
        {
            Assert.Equal(SasSlotBundle.Profiles.Slot, Profile(slot));
            Assert.Equal("free", slot.GetProperty("status").GetString());
            Assert.Equal(["CPTS", "SNP"], slot.GetProperty("meta").GetProperty("security").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
            Assert.All(slot.GetProperty("meta").GetProperty("security").EnumerateArray(), s => Assert.Equal(SasSlotBundle.SlotTypeSystem, s.GetProperty("system").GetString()));
            Assert.Equal($"Schedule/{schedule.GetProperty("id").GetString()}", slot.GetProperty("schedule").GetProperty("reference").GetString());
            var cpts = slot.GetProperty("serviceType")[1];
            Assert.Equal(SasSlotBundle.EstablishmentCategorySystem, cpts.GetProperty("coding")[0].GetProperty("system").GetString());
            Assert.Equal("604", cpts.GetProperty("coding")[0].GetProperty("code").GetString());
            Assert.Equal("http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType", cpts.GetProperty("extension")[0].GetProperty("url").GetString());
            Assert.Equal($"HealthcareService/{service.GetProperty("id").GetString()}", cpts.GetProperty("extension")[0].GetProperty("valueReference").GetProperty("reference").GetString());
            Assert.Equal("SM54", slot.GetProperty("specialty")[0].GetProperty("coding")[0].GetProperty("code").GetString());
            Assert.Equal("http://terminology.hl7.org/CodeSystem/v2-0276", slot.GetProperty("appointmentType").GetProperty("coding")[0].GetProperty("system").GetString());
            Assert.Contains("/gestion/snp/creneaux/" + slot.GetProperty("id").GetString(), slot.GetProperty("comment").GetString());
        }
        Assert.Equal(["AMB", "HH", "AMB"], slots.Select(s => s.GetProperty("serviceType")[0].GetProperty("coding")[0].GetProperty("code").GetString()));
        Assert.All(slots, s => Assert.Equal(SasSlotBundle.ActCodeSystem, s.GetProperty("serviceType")[0].GetProperty("coding")[0].GetProperty("system").GetString()));
        Assert.Equal(["ROUTINE", "ROUTINE", "WALKIN"], slots.Select(s => s.GetProperty("appointmentType").GetProperty("coding")[0].GetProperty("code").GetString()));
        // Paris time with its offset, as the specification's example writes it.
        Assert.Equal(ParisTime.FromParis(tomorrow, new TimeOnly(9, 0)), DateTimeOffset.Parse(slots[0].GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("+01:00", slots[0].GetProperty("start").GetString());
        Assert.Equal(ParisTime.FromParis(tomorrow, new TimeOnly(9, 20)), DateTimeOffset.Parse(slots[0].GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var organisation = Resources(bundle, "Organization").Single();
        Assert.Equal(SasSlotBundle.Profiles.Organization, Profile(organisation));
        Assert.Equal($"Organization/{organisation.GetProperty("id").GetString()}", service.GetProperty("providedBy").GetProperty("reference").GetString());
        var finess = organisation.GetProperty("identifier")[0];
        Assert.Equal("urn:oid:1.2.250.1.71.4.2.2", finess.GetProperty("system").GetString());
        Assert.Equal("1" + Finess, finess.GetProperty("value").GetString());
        Assert.Equal("IDNST", finess.GetProperty("type").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal("http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type", finess.GetProperty("type").GetProperty("coding")[0].GetProperty("system").GetString());
        Assert.Equal("CPTS d'essai", organisation.GetProperty("name").GetString());
        Assert.Equal("+33102030405", organisation.GetProperty("telecom")[0].GetProperty("value").GetString());

        // A regulator gives the first slot in the portal: the same search returns two at once.
        var given = slots[0].GetProperty("id").GetString()!;
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var list = await coordinator.GetAsync("/gestion/snp");
        Assert.Contains("attribué", (await coordinator.PostFromAsync(list, $"/gestion/snp/{given}/attribuer", ("reference", "DOSSIER-42"))).Text);
        var (_, _, after) = await GetAsync(Search(from, to, rpps), key);
        Assert.Equal(2, after.GetProperty("total").GetInt32());
        Assert.DoesNotContain(Resources(after, "Slot"), s => s.GetProperty("id").GetString() == given);

        // Every call is on the Admin's page.
        var log = await admin.GetAsync("/gestion/sas");
        Assert.Contains("Plateforme SAS", log.Find("section[aria-labelledby='sas-appels'] table")!.TextContent);
        Assert.Equal(2, await portal.WithDbAsync(db => db.SasRequests.CountAsync(r => r.Status == 200 && r.SasKey!.Name == "Plateforme SAS")));
    }

    [Fact]
    public async Task Without_a_valid_key_the_answer_is_a_401_operation_outcome_and_a_revoked_key_is_refused_at_once()
    {
        var window = (From: "2026-01-01T00:00:00.000+01:00", To: "2026-01-02T00:00:00.000+01:00");
        foreach (var key in new string?[] { null, "", "sas_inconnue" })
        {
            var (status, type, body) = await GetAsync(Search(window.From, window.To, "10000000008"), key);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal("application/fhir+json", type);
            Assert.Equal("OperationOutcome", body.GetProperty("resourceType").GetString());
            Assert.Equal("login", body.GetProperty("issue")[0].GetProperty("code").GetString());
        }
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var issued = await admin.SubmitAsync(await admin.GetAsync("/gestion/sas"), "/gestion/sas/cles", new Dictionary<string, string> { ["Input.Name"] = "À révoquer" });
        var secret = issued.Find("#sas-secret")!.TextContent.Trim();
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await GetAsync(Search(window.From, window.To, "10000000008"), secret)).Status);
        var id = await portal.WithDbAsync(db => db.SasKeys.Where(k => k.Name == "À révoquer").Select(k => k.Id).SingleAsync());
        Assert.Contains("révoquée", (await admin.PostFromAsync(issued, $"/gestion/sas/cles/{id}/revoquer")).Text);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(Search(window.From, window.To, "10000000008"), secret)).Status);
        // A name is needed to issue a key: said next to the field.
        var nameless = await admin.SubmitAsync(await admin.GetAsync("/gestion/sas"), "/gestion/sas/cles", new Dictionary<string, string> { ["Input.Name"] = "" });
        Assert.Contains("Nommez la clé", nameless.ErrorFor("Input.Name"));
    }

    [Fact]
    public async Task Once_the_cpts_is_connected_to_the_sas_a_doctor_without_an_rpps_number_is_asked_for_it_before_publishing()
    {
        await portal.WithDbAsync(async db =>
        {
            db.SasKeys.Add(new SasKey { Name = "Connexion", Hash = SasKey.HashOf(Guid.NewGuid().ToString()), Hint = "abcd", CreatedAt = portal.Clock.GetUtcNow(), CreatedByName = "test" });
            return await db.SaveChangesAsync();
        });
        var (doctor, _, doctorId) = await TrainingSteps.MemberAsync(portal, "Sansrpps");
        await portal.WithDbAsync(db => db.Professionals.Where(p => p.Id == doctorId).ExecuteUpdateAsync(set => set.SetProperty(p => p.Rpps, (string?)null)));
        var tomorrow = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToParis().DateTime).AddDays(1).ToString("yyyy-MM-dd");
        var fields = new Dictionary<string, string> { ["Slot.Date"] = tomorrow, ["Slot.Start"] = "14:00", ["Slot.Duration"] = "20", ["Slot.Mode"] = nameof(ConsultationMode.Video) };
        var refused = await doctor.SubmitAsync(await doctor.GetAsync("/espace/snp"), "/espace/snp/creneau", fields);
        Assert.Contains("numéro RPPS", refused.ErrorFor("Slot.SiteId"));
        Assert.Equal(tomorrow, refused.ValueOf("Slot.Date"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.SnpSlots.CountAsync(s => s.ProfessionalId == doctorId)));

        await portal.WithDbAsync(db => db.Professionals.Where(p => p.Id == doctorId).ExecuteUpdateAsync(set => set.SetProperty(p => p.Rpps, Steps.NewRpps())));
        Assert.Contains("Créneau publié", (await doctor.SubmitAsync(await doctor.GetAsync("/espace/snp"), "/espace/snp/creneau", fields)).Text);
        var slot = await portal.WithDbAsync(db => db.SnpSlots.SingleAsync(s => s.ProfessionalId == doctorId));
        Assert.Equal(ConsultationMode.Video, slot.Mode);
        Assert.False(slot.WalkIn);
    }

    [Theory]
    [InlineData("start=ge2026-01-01&status=free&schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|810000000008", "start=le")]
    [InlineData("start=ge2026-01-02&start=le2026-01-01&status=free&schedule.actor:Practitioner.identifier=810000000008", "précède")]
    [InlineData("start=ge2026-01-01&start=le2026-01-02&status=busy&schedule.actor:Practitioner.identifier=810000000008", "status=free")]
    [InlineData("start=ge2026-01-01&start=le2026-01-02&status=free", "identifiants")]
    [InlineData("start=ge2026-01-01&start=le2026-01-02&status=free&schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|10000000008", "identifiant national")]
    [InlineData("start=gehier&start=le2026-01-02&status=free&schedule.actor:Practitioner.identifier=810000000008", "date")]
    [InlineData("start=eq2026-01-01&start=le2026-01-02&status=free&schedule.actor:Practitioner.identifier=810000000008", "préfixes")]
    public async Task A_search_the_specification_does_not_allow_is_a_400_operation_outcome_saying_why(string query, string said)
    {
        const string key = "sas_cle_des_erreurs_de_recherche";
        if (!await portal.WithDbAsync(db => db.SasKeys.AnyAsync(k => k.Hash == SasKey.HashOf(key))))
        {
            await portal.WithDbAsync(async db =>
            {
                db.SasKeys.Add(new SasKey { Name = "Erreurs", Hash = SasKey.HashOf(key), Hint = key[^4..], CreatedAt = portal.Clock.GetUtcNow(), CreatedByName = "test" });
                return await db.SaveChangesAsync();
            });
        }
        await EnterFinessAsync();
        var (status, type, body) = await GetAsync("/fhir/Slot?" + query, key);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/fhir+json", type);
        Assert.Equal("OperationOutcome", body.GetProperty("resourceType").GetString());
        Assert.Equal("invalid", body.GetProperty("issue")[0].GetProperty("code").GetString());
        Assert.Contains(said, body.GetProperty("issue")[0].GetProperty("diagnostics").GetString());
    }
}
