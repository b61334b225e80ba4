using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Bogus;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data.Seeding;

/// <summary>
/// A fictional directory shaped like the territory's: most professionals in Rambouillet and Le Perray-en-Yvelines, many
/// communes with none, about ninety adherents across the collèges with every status, a dozen structures.
/// The random seed is fixed, so every demo looks the same.
/// </summary>
public sealed class DemoDirectorySeeder(AposartDbContext db, TimeProvider clock, ILogger<DemoDirectorySeeder> logger)
{
    public const int ProfessionalCount = 300;

    private static readonly (string Insee, int Weight)[] CommuneWeights =
    [
        ("78517", 40), ("78486", 14), ("78537", 8), ("78220", 7), ("78562", 5), ("78003", 5), ("78087", 3), ("78030", 3), ("78120", 3),
        ("78601", 2), ("78128", 2), ("78269", 2),
    ];

    private static readonly (Profession Profession, int Weight)[] ProfessionWeights =
    [
        (Profession.GeneralPractitioner, 16), (Profession.Nurse, 18), (Profession.Pharmacist, 10), (Profession.Physiotherapist, 12),
        (Profession.Specialist, 6), (Profession.Midwife, 3), (Profession.SpeechTherapist, 5), (Profession.Psychologist, 5),
        (Profession.Dentist, 7), (Profession.Podiatrist, 3), (Profession.Dietitian, 2), (Profession.Orthoptist, 2),
        (Profession.OccupationalTherapist, 2), (Profession.PsychomotorTherapist, 2), (Profession.Biologist, 2), (Profession.Radiologist, 2),
        (Profession.Optician, 1), (Profession.HearingAidSpecialist, 1),
    ];

    private static readonly string[] Specialties = ["Cardiologie", "Pédiatrie", "Gériatrie", "Psychiatrie", "Dermatologie", "Gynécologie", "Ophtalmologie"];

    public async Task SeedAsync(IReadOnlyDictionary<string, Guid> demoUsers, CancellationToken cancellationToken = default)
    {
        if (await db.Professionals.AnyAsync(cancellationToken))
        {
            return;
        }
        Randomizer.Seed = new Random(2026);
        var faker = new Faker("fr");
        var now = clock.GetUtcNow();
        var year = now.ToParis().Year;
        var communes = await db.Communes.AsNoTracking().ToDictionaryAsync(c => c.InseeCode, cancellationToken);
        var weightedCommunes = CommuneWeights.Where(c => communes.ContainsKey(c.Insee)).ToArray();
        var colleges = await db.Colleges.OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var statutes = await db.StatutesVersions.OrderByDescending(s => s.AdoptedOn).FirstAsync(cancellationToken);
        var fees = await db.MembershipFees.Where(f => f.Year == year || f.Year == year - 1).ToListAsync(cancellationToken);

        var organisations = Organisations(faker, communes);
        db.Organisations.AddRange(organisations);

        var professionals = new List<Professional>();
        for (var i = 0; i < ProfessionalCount; i++)
        {
            var profession = faker.Random.WeightedRandom(ProfessionWeights.Select(p => p.Profession).ToArray(), Normalised(ProfessionWeights.Select(p => p.Weight)));
            var insee = faker.Random.WeightedRandom(weightedCommunes.Select(c => c.Insee).ToArray(), Normalised(weightedCommunes.Select(c => c.Weight)));
            professionals.Add(NewProfessional(faker, profession, communes[insee], i));
        }
        // The demo accounts are professionals of the directory too.
        var demoProfiles = new[]
        {
            ("bureau@demo.aposart.fr", "Bastien", "Bureau", Profession.Physiotherapist),
            ("membre@demo.aposart.fr", "Maëlle", "Membre", Profession.Nurse),
            ("medecin@demo.aposart.fr", "Mathis", "Médecin", Profession.GeneralPractitioner),
            ("coordination@demo.aposart.fr", "Camille", "Coordination", Profession.Other),
        };
        foreach (var (email, first, last, profession) in demoProfiles)
        {
            if (!demoUsers.TryGetValue(email, out var userId))
            {
                continue;
            }
            var p = NewProfessional(faker, profession, communes["78517"], professionals.Count);
            p.UserId = userId;
            p.FirstName = first;
            p.LastName = last;
            p.Email = email;
            p.ListedInPublicDirectory = true;
            p.EmailVisibility = Visibility.Members;
            professionals.Add(p);
        }
        foreach (var p in professionals.Where(p => p.Profession is Profession.Pharmacist or Profession.Biologist || faker.Random.Bool(0.25f)))
        {
            var candidates = organisations.Where(o => o.Type switch
            {
                OrganisationType.Pharmacy => p.Profession == Profession.Pharmacist,
                OrganisationType.Laboratory => p.Profession == Profession.Biologist,
                OrganisationType.Ehpad or OrganisationType.Ssiad => p.Profession is Profession.Nurse or Profession.GeneralPractitioner,
                OrganisationType.Msp => p.Profession is Profession.GeneralPractitioner or Profession.Nurse or Profession.Physiotherapist,
                OrganisationType.Hospital => p.Profession is Profession.Specialist or Profession.Radiologist or Profession.Midwife,
                _ => false,
            }).ToList();
            if (candidates.Count > 0)
            {
                p.Organisations.Add(faker.PickRandom(candidates));
            }
        }
        db.Professionals.AddRange(professionals);

        var counters = new Dictionary<(int, string), int>();
        string Next(int y, string kind) => kind == DocumentNumbers.Receipt
            ? DocumentNumbers.FormatReceipt(y, counters[(y, kind)] = counters.GetValueOrDefault((y, kind)) + 1)
            : DocumentNumbers.FormatCertificate(y, counters[(y, kind)] = counters.GetValueOrDefault((y, kind)) + 1);

        // About ninety adherents this year, a few applications waiting, some of last year's members who did not renew.
        var statusPlan = Enumerable.Repeat(MembershipStatus.UpToDate, 64)
            .Concat(Enumerable.Repeat(MembershipStatus.ApprovedFeeDue, 9))
            .Concat(Enumerable.Repeat(MembershipStatus.Late, 6))
            .Concat(Enumerable.Repeat(MembershipStatus.Exempt, 4))
            .Concat(Enumerable.Repeat(MembershipStatus.PendingValidation, 6))
            .Concat(Enumerable.Repeat(MembershipStatus.InformationRequested, 2))
            .Concat(Enumerable.Repeat(MembershipStatus.Terminated, 3))
            .ToList();
        var demoMembers = professionals.Where(p => p.UserId is not null && p.Email != "coordination@demo.aposart.fr").ToList();
        var adherents = demoMembers.Concat(faker.Random.Shuffle(professionals.Except(demoMembers).Where(p => p.UserId is null)).Take(statusPlan.Count - demoMembers.Count)).ToList();
        var memberships = new List<Membership>();
        for (var i = 0; i < adherents.Count; i++)
        {
            var professional = adherents[i];
            var status = professional.UserId is not null ? MembershipStatus.UpToDate : statusPlan[i];
            var college = CollegeFor(professional, colleges);
            var category = professional.Organisations.Count > 0 && faker.Random.Bool(0.1f) ? FeeCategory.Structure : FeeCategory.Individual;
            var fee = fees.First(f => f.Year == year && f.Category == category).Amount;
            var submitted = now.AddDays(-faker.Random.Int(20, 300));
            var membership = new Membership
            {
                Id = Guid.CreateVersion7(),
                Professional = professional,
                Year = year,
                CollegeId = college.Id,
                FeeCategory = category,
                FeeAmount = fee,
                IntendedPaymentMethod = faker.PickRandom<PaymentMethod>(),
                StatutesVersionId = statutes.Id,
                StatutesAcceptedAt = submitted,
                SubmittedAt = submitted,
                Status = status,
            };
            membership.Events.Add(Event(submitted, professional.FullName, "Demande d'adhésion envoyée", MembershipStatus.Draft, MembershipStatus.PendingValidation));
            if (status is MembershipStatus.InformationRequested)
            {
                membership.StatusReason = "Merci de préciser votre lieu d'exercice principal.";
                membership.Events.Add(Event(submitted.AddDays(3), "Bastien Bureau", "Complément demandé", MembershipStatus.PendingValidation, status, membership.StatusReason));
            }
            if (status is not (MembershipStatus.PendingValidation or MembershipStatus.InformationRequested))
            {
                // Fees still due were validated recently; older ones would already be "en retard".
                var decided = status == MembershipStatus.ApprovedFeeDue ? now.AddDays(-faker.Random.Int(1, 40)) : submitted.AddDays(faker.Random.Int(2, 12));
                membership.DecidedAt = decided;
                professional.MemberSince = DateOnly.FromDateTime(decided.UtcDateTime).AddYears(-faker.Random.Int(0, 4));
                membership.Events.Add(Event(decided, "Bastien Bureau", "Adhésion validée par le bureau", MembershipStatus.PendingValidation, MembershipStatus.ApprovedFeeDue));
                if (status is MembershipStatus.UpToDate or MembershipStatus.Terminated)
                {
                    var paidOn = DateOnly.FromDateTime(decided.AddDays(faker.Random.Int(1, 20)).UtcDateTime);
                    if (paidOn.Year != year)
                    {
                        paidOn = new DateOnly(year, 1, 15);
                    }
                    var payment = new Payment
                    {
                        Id = Guid.CreateVersion7(),
                        PaidOn = paidOn,
                        Amount = fee,
                        Method = membership.IntendedPaymentMethod,
                        Reference = membership.IntendedPaymentMethod == PaymentMethod.Cheque ? faker.Random.ReplaceNumbers("#######") : null,
                        ReceiptNumber = Next(year, DocumentNumbers.Receipt),
                    };
                    payment.Allocations.Add(new PaymentAllocation { Payment = payment, Membership = membership, Amount = fee });
                    db.Payments.Add(payment);
                    membership.CertificateNumber = Next(year, DocumentNumbers.Certificate);
                    membership.Events.Add(Event(decided.AddDays(5), "Camille Coordination", "Paiement enregistré", MembershipStatus.ApprovedFeeDue, MembershipStatus.UpToDate,
                        $"Reçu {payment.ReceiptNumber} : {fee.ToEuros()}"));
                }
                if (status == MembershipStatus.Late)
                {
                    membership.DecidedAt = now.AddDays(-90);
                    membership.Events.Add(Event(now.AddDays(-30), "Portail", "Cotisation non réglée dans le délai", MembershipStatus.ApprovedFeeDue, status));
                }
                if (status == MembershipStatus.Exempt)
                {
                    membership.CertificateNumber = Next(year, DocumentNumbers.Certificate);
                    membership.StatusReason = "Membre du collège des usagers";
                    membership.Events.Add(Event(decided, "Bastien Bureau", "Cotisation exonérée", MembershipStatus.ApprovedFeeDue, status, membership.StatusReason));
                }
                if (status == MembershipStatus.Terminated)
                {
                    membership.StatusReason = "Départ du territoire";
                    membership.Events.Add(Event(now.AddDays(-10), "Bastien Bureau", "Adhésion résiliée", MembershipStatus.UpToDate, status, membership.StatusReason));
                }
            }
            memberships.Add(membership);
        }
        db.Memberships.AddRange(memberships);
        foreach (var ((y, kind), last) in counters)
        {
            db.DocumentCounters.Add(new DocumentCounter { Year = y, Kind = kind, LastNumber = last });
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo directory: {Professionals} professionals, {Organisations} structures, {Memberships} memberships",
            professionals.Count, organisations.Count, memberships.Count);
    }

    private static float[] Normalised(IEnumerable<int> weights)
    {
        var list = weights.ToList();
        var total = (float)list.Sum();
        return [.. list.Select(w => w / total)];
    }

    private static MembershipEvent Event(DateTimeOffset at, string by, string action, MembershipStatus from, MembershipStatus to, string? details = null) =>
        new() { At = at, ByName = by, Action = action, FromStatus = from, ToStatus = to, Details = details };

    private static College CollegeFor(Professional professional, List<College> colleges) => professional.Profession switch
    {
        Profession.GeneralPractitioner => colleges[0],
        Profession.Nurse => colleges[Math.Min(1, colleges.Count - 1)],
        Profession.Pharmacist => colleges[Math.Min(2, colleges.Count - 1)],
        _ => colleges[Math.Min(3, colleges.Count - 1)],
    };

    private static Professional NewProfessional(Faker faker, Profession profession, Commune commune, int index)
    {
        var female = faker.Random.Bool(0.6f);
        var first = faker.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
        var last = faker.Name.LastName();
        var doctor = profession is Profession.GeneralPractitioner or Profession.Specialist or Profession.Dentist or Profession.Radiologist or Profession.Biologist;
        var listed = faker.Random.Bool(0.75f);
        var slug = $"{Slug(first)}.{Slug(last)}{index}";
        var p = new Professional
        {
            Id = Guid.CreateVersion7(),
            Civility = doctor ? Civility.Doctor : female ? Civility.Madam : Civility.Sir,
            FirstName = first,
            LastName = last,
            Profession = profession,
            Specialty = profession == Profession.Specialist ? faker.PickRandom(Specialties) : null,
            Rpps = profession.UsesRpps() ? Rpps(faker) : null,
            Adeli = profession.UsesRpps() ? null : "78" + faker.Random.ReplaceNumbers("#######"),
            Email = $"{slug}@exemple.fr",
            EmailVisibility = faker.PickRandom<Visibility>(),
            SecureMailAddress = faker.Random.Bool(0.55f) ? $"{slug}@medecin.mssante.fr" : null,
            SecureMailVisibility = faker.Random.Bool(0.6f) ? Visibility.Members : Visibility.Hidden,
            WebsiteUrl = faker.Random.Bool(0.3f) ? $"https://rendez-vous.exemple.fr/{slug}" : null,
            WebsiteVisibility = Visibility.Public,
            AddressVisibility = faker.Random.Bool(0.85f) ? Visibility.Public : Visibility.Members,
            PhoneVisibility = faker.PickRandom(Visibility.Public, Visibility.Members, Visibility.Hidden),
            ListedInPublicDirectory = listed,
            AcceptsNewPatients = profession == Profession.GeneralPractitioner && faker.Random.Bool(0.25f),
            OffersUnscheduledCare = profession is Profession.GeneralPractitioner or Profession.Nurse && faker.Random.Bool(0.4f),
            Languages = faker.Random.Bool(0.3f) ? [faker.PickRandom("anglais", "espagnol", "portugais", "arabe", "allemand", "italien")] : [],
        };
        p.PracticeSites.Add(new PracticeSite
        {
            Id = Guid.CreateVersion7(),
            AddressLine = faker.Address.StreetAddress(),
            Postcode = commune.Postcodes.FirstOrDefault() ?? "78120",
            City = commune.Name,
            CommuneInsee = commune.InseeCode,
            Phone = FrenchFormats.NormalisePhone("01 34 " + faker.Random.ReplaceNumbers("## ## ##")),
        });
        return p;
    }

    /// <summary>An 11-digit number starting with 10 whose Luhn key is right, like a real RPPS.</summary>
    private static string Rpps(Faker faker)
    {
        var body = "10" + faker.Random.ReplaceNumbers("########");
        for (var key = 0; key <= 9; key++)
        {
            if (FrenchFormats.PassesLuhn(body + key))
            {
                return body + key;
            }
        }
        throw new InvalidOperationException("No Luhn key");
    }

    private static string Slug(string text) =>
        new([.. text.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);

    private static List<Organisation> Organisations(Faker faker, IReadOnlyDictionary<string, Commune> communes)
    {
        Organisation Make(OrganisationType type, string name, string insee, string? finess) => new()
        {
            Id = Guid.CreateVersion7(),
            Type = type,
            Name = name,
            Finess = finess,
            AddressLine = faker.Address.StreetAddress(),
            Postcode = communes.TryGetValue(insee, out var c) ? c.Postcodes.FirstOrDefault() ?? "78120" : "78120",
            City = communes.TryGetValue(insee, out var c2) ? c2.Name : "Rambouillet",
            CommuneInsee = communes.ContainsKey(insee) ? insee : null,
            Phone = FrenchFormats.NormalisePhone("01 34 " + faker.Random.ReplaceNumbers("## ## ##")),
        };
        return
        [
            Make(OrganisationType.Hospital, "Centre hospitalier de Rambouillet", "78517", "780000" + faker.Random.ReplaceNumbers("###")),
            Make(OrganisationType.Ehpad, "EHPAD Les Tilleuls", "78517", "780" + faker.Random.ReplaceNumbers("######")),
            Make(OrganisationType.Ehpad, "EHPAD La Clairière", "78537", "780" + faker.Random.ReplaceNumbers("######")),
            Make(OrganisationType.Msp, "Maison de santé pluriprofessionnelle du Perray", "78486", "780" + faker.Random.ReplaceNumbers("######")),
            Make(OrganisationType.Pharmacy, "Pharmacie de la Gare", "78517", "780" + faker.Random.ReplaceNumbers("######")),
            Make(OrganisationType.Pharmacy, "Pharmacie du Centre", "78486", "780" + faker.Random.ReplaceNumbers("######")),
            Make(OrganisationType.Pharmacy, "Pharmacie des Étangs", "78220", "780" + faker.Random.ReplaceNumbers("######")),
            Make(OrganisationType.Laboratory, "Laboratoire d'analyses du Sud Yvelines", "78517", "780" + faker.Random.ReplaceNumbers("######")),
            Make(OrganisationType.Ssiad, "SSIAD du Pays de Rambouillet", "78517", "780" + faker.Random.ReplaceNumbers("######")),
            Make(OrganisationType.Dac, "Dispositif d'appui à la coordination Sud Yvelines", "78517", null),
            Make(OrganisationType.Association, "Association d'aide à domicile des Yvelines", "78003", null),
            Make(OrganisationType.LocalAuthority, "Communauté d'agglomération Rambouillet Territoires", "78517", null),
        ];
    }
}
