using System.Text.Json;
using Aposart.Web.Domain;
using Aposart.Web.Features.Sas;
using Aposart.Web.Tests.Support;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Tests.Features.Sas;

/// <summary>
/// The SAS answer read back with Firely's parser and checked by Firely's validator against the FHIR R4 specification (the
/// core StructureDefinitions shipped in Hl7.Fhir.Specification.Data.R4): cardinalities, types, references, invariants,
/// bound codes. The SAS profiles themselves are not published as a package here; what they add is checked field by field
/// in <see cref="SasTests"/>.
/// </summary>
public sealed class SasValidationTests(SasValidationTests.LimitedPortal portal) : IClassFixture<SasValidationTests.LimitedPortal>
{
    /// <summary>A portal allowing three SAS calls a minute, to reach the limit quickly.</summary>
    public sealed class LimitedPortal : PortalFactory
    {
        public LimitedPortal() => With("Sas:PermitPerMinute", "3");
    }

    [Fact]
    public async System.Threading.Tasks.Task The_call_log_keeps_a_year_and_the_background_job_deletes_what_is_older()
    {
        var now = portal.Clock.GetUtcNow();
        await portal.WithDbAsync(async db =>
        {
            db.SasRequests.AddRange(
                new SasRequest { At = now.AddDays(-366), Status = 200, Query = "?ancien", ClientAddress = "192.0.2.1" },
                new SasRequest { At = now.AddDays(-364), Status = 200, Query = "?recent", ClientAddress = "192.0.2.2" });
            return await db.SaveChangesAsync();
        });
        using var scope = portal.Services.CreateScope();
        var said = await scope.ServiceProvider.GetRequiredService<SasCallLogRetention>().RunAsync(CancellationToken.None);
        Assert.StartsWith("1 appel(s)", said);
        var left = await portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.SasRequests.Select(r => r.Query)));
        Assert.Contains("?recent", left);
        Assert.DoesNotContain("?ancien", left);
    }

    [Fact]
    public async System.Threading.Tasks.Task Past_the_allowed_calls_a_minute_the_sas_gets_a_429_operation_outcome_whatever_key_it_tries()
    {
        var browser = portal.NewBrowser();
        var answers = new List<System.Net.Http.HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, "/fhir/Slot?status=free");
            // A different made-up key each time: trying keys does not renew the allowance.
            request.Headers.Add("X-Api-Key", $"sas_essai_{i}");
            answers.Add(await browser.Http.SendAsync(request));
        }
        Assert.Equal([401, 401, 401, 429], answers.Select(a => (int)a.StatusCode));
        Assert.Equal("application/fhir+json", answers[3].Content.Headers.ContentType?.MediaType);
        var outcome = JsonDocument.Parse(await answers[3].Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("throttled", outcome.GetProperty("issue")[0].GetProperty("code").GetString());
        Assert.True(answers[3].Headers.RetryAfter is not null);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_slot_bundle_is_valid_fhir_r4_for_firelys_validator()
    {
        var doctor = await portal.WithDbAsync(async db =>
        {
            var professional = new Professional
            {
                FirstName = "Valérie", LastName = "Valide", Profession = Profession.GeneralPractitioner, Rpps = Steps.NewRpps(),
                PracticeSites = [new PracticeSite { AddressLine = "2 rue du Test", Postcode = "78120", City = "Rambouillet", CommuneInsee = "78517" }],
            };
            db.Professionals.Add(professional);
            foreach (var (hours, mode, walkIn) in new[] { (2, ConsultationMode.Office, false), (3, ConsultationMode.Home, false), (4, ConsultationMode.Video, true) })
            {
                db.SnpSlots.Add(new SnpSlot
                {
                    Professional = professional, StartsAt = portal.Clock.GetUtcNow().AddHours(hours), DurationMinutes = 15, Place = "2 rue du Test, 78120 Rambouillet",
                    CommuneInsee = "78517", Mode = mode, WalkIn = walkIn,
                });
            }
            await db.SaveChangesAsync();
            return professional;
        });
        using var scope = portal.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IOptions<Web.Configuration.CptsOptions>>().Value.Finess = "780099990";
        var query = new SasSlotQuery(portal.Clock.GetUtcNow(), portal.Clock.GetUtcNow().AddDays(1), [doctor.Rpps!]);
        var (bundle, count) = await scope.ServiceProvider.GetRequiredService<SasSlotBundle>().SearchAsync(query, "http://localhost/fhir/Slot?status=free", CancellationToken.None);
        Assert.Equal(3, count);

        // What travels is JSON: parse it back as a client would, then validate.
        var options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
        var json = JsonSerializer.Serialize(bundle, options);
        var parsed = JsonSerializer.Deserialize<Bundle>(json, options)!;
        Assert.Equal(8, parsed.Entry.Count);

        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        var validator = new Validator(resolver, new LocalTerminologyService(resolver));
        var outcome = validator.Validate(parsed);
        var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Expression.FirstOrDefault()}: {i.Details?.Text ?? i.Diagnostics}").ToList();
        // The one error left is the validator saying it cannot fetch the SAS profiles named in meta.profile (they are not
        // published as a package): those are exactly the eight profiles the specification asks for, and nothing else is wrong.
        var unresolved = System.Text.RegularExpressions.Regex.Matches(string.Join("\n", errors), "Unable to resolve reference to profile '([^']+)'")
            .Select(m => m.Groups[1].Value).ToHashSet();
        string[] profiles = [SasSlotBundle.Profiles.Bundle, SasSlotBundle.Profiles.Slot, SasSlotBundle.Profiles.Schedule, SasSlotBundle.Profiles.Practitioner,
            SasSlotBundle.Profiles.PractitionerRole, SasSlotBundle.Profiles.Location, SasSlotBundle.Profiles.HealthcareService, SasSlotBundle.Profiles.Organization];
        Assert.Equal(profiles.Order(), unresolved.Order());
        var others = errors.Where(e => !e.Contains("Unable to resolve reference to profile", StringComparison.Ordinal)).ToList();
        Assert.True(others.Count == 0, string.Join("\n", others));
    }
}
