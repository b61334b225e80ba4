using System.Security.Cryptography;
using System.Text;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Snp;
using Aposart.Web.Infrastructure.Web;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Sas;

/// <summary>
/// Answers the SAS platform's slot search with the bundle its CPTS page describes (ANS, IG « Service d'accès aux soins »,
/// CPTS slot search): each free slot of the practitioners asked for, in the window, with its Schedule, Practitioner,
/// PractitionerRole (the practice contained as a Location), the CPTS's HealthcareService and Organization. Read top to
/// bottom: find the slots, then write the resources in the order of the specification's example.
/// </summary>
public sealed class SasSlotBundle(AposartDbContext db, IOptions<CptsOptions> cpts, TimeProvider clock)
{
    public const string FinessSystem = "urn:oid:1.2.250.1.71.4.2.2";
    public const string SlotTypeSystem = "https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau";
    public const string EstablishmentCategorySystem = "https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/TRE_R66-CategorieEtablissement";
    public const string SpecialtySystem = "https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale";
    public const string ServiceTypeExtension = "http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType";
    public const string ActCodeSystem = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string AppointmentReasonSystem = "http://terminology.hl7.org/CodeSystem/v2-0276";
    public const string IdentifierTypeSystem = "http://interopsante.org/fhir/CodeSystem/fr-v2-0203";
    public const string OrganisationIdentifierTypeSystem = "http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type";
    public const string LocationIdentifierTypeSystem = "http://www.interopsante.org/fhir/valuesets/fr-location-identifier-type";

    public static class Profiles
    {
        public const string Bundle = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-bundle-aggregator";
        public const string Slot = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator";
        public const string Schedule = "http://sas.fr/fhir/StructureDefinition/FrScheduleAgregateur";
        public const string Practitioner = "http://sas.fr/fhir/StructureDefinition/FrPractitionerAgregateur";
        public const string PractitionerRole = "http://sas.fr/fhir/StructureDefinition/FrPractitionerRoleExerciceAgregateur";
        public const string Location = "http://sas.fr/fhir/StructureDefinition/FrLocationAgregateur";
        public const string HealthcareService = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-healthcareservice-aggregator";
        public const string Organization = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-sos-organization-aggregator";
    }

    /// <summary>The search's answer, and how many slots it holds (for the request log).</summary>
    /// <param name="query">What the SAS asked for.</param>
    /// <param name="selfUrl">The request's own address, for the bundle's self link.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    public async Task<(Bundle Bundle, int Slots)> SearchAsync(SasSlotQuery query, string selfUrl, CancellationToken cancellationToken)
    {
        var c = cpts.Value;
        var baseUrl = c.PublicUrl.TrimEnd('/') + SasLinks.FhirBase;
        var now = clock.GetUtcNow();
        var from = query.From > now ? query.From : now;
        // The same conditions as the regulators' list: open, to come, of a doctor allowed to publish and holding one of the numbers.
        var slots = await db.SnpSlots.AsNoTracking().Include(s => s.Professional).Include(s => s.Commune)
            .Where(s => s.Status == SnpSlotStatus.Open && s.StartsAt >= from && s.StartsAt <= query.To
                && s.Professional!.Rpps != null && query.Rpps.Contains(s.Professional.Rpps) && s.Professional.AnonymisedAt == null)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);

        var organisation = new Organization
        {
            Id = NameId("organization", c.Finess).ToString(),
            Meta = new Meta { Profile = [Profiles.Organization] },
            Identifier = [Identifier(FinessSystem, "1" + c.Finess, OrganisationIdentifierTypeSystem, "IDNST")],
            Name = c.Name.Length > 0 ? c.Name : c.ShortName,
        };
        if (c.Telephone.Length > 0)
        {
            organisation.Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, International(c.Telephone))];
        }
        var service = new HealthcareService
        {
            Id = NameId("healthcareservice", c.Finess).ToString(),
            Meta = new Meta { Profile = [Profiles.HealthcareService] },
            ProvidedBy = new ResourceReference($"Organization/{organisation.Id}"),
        };

        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Meta = new Meta { Profile = [Profiles.Bundle] },
            Type = Bundle.BundleType.Searchset,
            Total = slots.Count,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = selfUrl }],
        };
        void Add(Resource resource, Bundle.SearchEntryMode mode) => bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = $"{baseUrl}/{resource.TypeName}/{resource.Id}", Resource = resource, Search = new Bundle.SearchComponent { Mode = mode },
        });

        // One Practitioner per doctor, one PractitionerRole and Schedule per doctor and place; then the slots.
        foreach (var doctor in slots.GroupBy(s => s.ProfessionalId))
        {
            var professional = doctor.First().Professional!;
            var practitioner = new Practitioner
            {
                Id = professional.Id.ToString(),
                Meta = new Meta { Profile = [Profiles.Practitioner] },
                Identifier = [Identifier(SasSlotQuery.NationalIdSystem, "8" + professional.Rpps, IdentifierTypeSystem, "IDNPS")],
                Name = [new HumanName { Family = professional.LastName, Given = [professional.FirstName] }],
            };
            Add(practitioner, Bundle.SearchEntryMode.Include);
            foreach (var place in doctor.GroupBy(s => s.Place))
            {
                var first = place.First();
                var location = new Location
                {
                    Id = NameId("location", $"{professional.Id}|{place.Key}").ToString("N")[..12],
                    Meta = new Meta { Profile = [Profiles.Location] },
                    Address = new Address { Text = place.Key, City = first.Commune?.Name, PostalCode = first.Commune?.Postcodes.FirstOrDefault() },
                };
                location.Identifier = [Identifier(c.PublicUrl, location.Id, LocationIdentifierTypeSystem, "INTRN")];
                var role = new PractitionerRole
                {
                    Id = NameId("practitionerrole", $"{professional.Id}|{place.Key}").ToString(),
                    Meta = new Meta { Profile = [Profiles.PractitionerRole] },
                    Contained = [location],
                    Practitioner = new ResourceReference($"Practitioner/{practitioner.Id}"),
                    Location = [new ResourceReference($"#{location.Id}")],
                };
                var schedule = new Schedule
                {
                    Id = NameId("schedule", $"{professional.Id}|{place.Key}").ToString(),
                    Meta = new Meta { Profile = [Profiles.Schedule] },
                    Actor = [new ResourceReference($"Practitioner/{practitioner.Id}"), new ResourceReference($"PractitionerRole/{role.Id}")],
                };
                Add(role, Bundle.SearchEntryMode.Include);
                Add(schedule, Bundle.SearchEntryMode.Include);
                foreach (var slot in place)
                {
                    Add(Slot(slot, schedule, service, c.PublicUrl), Bundle.SearchEntryMode.Match);
                }
            }
        }
        if (slots.Count > 0)
        {
            Add(service, Bundle.SearchEntryMode.Include);
            Add(organisation, Bundle.SearchEntryMode.Include);
        }
        return (bundle, slots.Count);
    }

    private static Slot Slot(SnpSlot slot, Schedule schedule, HealthcareService service, string publicUrl) => new()
    {
        Id = slot.Id.ToString(),
        Meta = new Meta
        {
            Profile = [Profiles.Slot],
            // Offered to the CPTS's regulators and, through the SAS, to those of the SAMU: CPTS and SNP.
            Security = [new Coding(SlotTypeSystem, "CPTS"), new Coding(SlotTypeSystem, "SNP")],
        },
        Status = Hl7.Fhir.Model.Slot.SlotStatus.Free,
        Start = slot.StartsAt.ToParis(),
        End = slot.StartsAt.AddMinutes(slot.DurationMinutes).ToParis(),
        // The specification puts the booking address in the comment: the regulators' page of the portal, which asks to sign in.
        Comment = publicUrl.TrimEnd('/') + SnpLinks.Booking(slot.Id),
        ServiceType =
        [
            new CodeableConcept(ActCodeSystem, slot.Mode switch { ConsultationMode.Home => "HH", ConsultationMode.Video => "VR", _ => "AMB" }) { Text = slot.Mode.Label() },
            new CodeableConcept(EstablishmentCategorySystem, "604")
            {
                Extension = [new Extension(ServiceTypeExtension, new ResourceReference($"HealthcareService/{service.Id}"))],
            },
        ],
        Specialty = slot.Professional!.Profession == Profession.GeneralPractitioner ? [new CodeableConcept(SpecialtySystem, "SM54")] : [],
        AppointmentType = new CodeableConcept(AppointmentReasonSystem, slot.WalkIn ? "WALKIN" : "ROUTINE"),
        Schedule = new ResourceReference($"Schedule/{schedule.Id}"),
    };

    /// <summary>A French number as the specification's example writes it (+33…); anything else as typed.</summary>
    private static string International(string telephone)
    {
        var digits = new string([.. telephone.Where(char.IsAsciiDigit)]);
        return digits.Length == 10 && digits[0] == '0' && !telephone.TrimStart().StartsWith('+') ? "+33" + digits[1..] : telephone.Trim();
    }

    private static Identifier Identifier(string system, string value, string typeSystem, string typeCode) =>
        new(system, value) { Type = new CodeableConcept(typeSystem, typeCode) };

    /// <summary>A stable id from a name (RFC 4122 version 5 style): the same doctor and place give the same resource id at every call.</summary>
    private static Guid NameId(string kind, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}|{name}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
