using Aposart.Web.Domain;

namespace Aposart.Web.Configuration;

/// <summary>Reference values the dashboard compares the territory with.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// National densities of self-employed professionals per 10 000 inhabitants (orders of magnitude of the DREES figures;
    /// each CPTS sets those of its diagnostic).
    /// </summary>
    public Dictionary<Profession, decimal> NationalDensity { get; set; } = new()
    {
        [Profession.GeneralPractitioner] = 8.5m,
        [Profession.Nurse] = 15.0m,
        [Profession.Physiotherapist] = 11.0m,
        [Profession.Pharmacist] = 7.4m,
    };
}

public sealed class AciAmounts
{
    public decimal Fixed { get; set; }
    public decimal Variable { get; set; }
}

/// <summary>The yearly ACI amounts for one CPTS size.</summary>
public sealed class AciScale
{
    public decimal Functioning { get; set; }
    public Dictionary<AciMission, AciAmounts> Missions { get; set; } = [];
}

/// <summary>
/// ACI funding. Scales are keyed by CPTS size ("3"), or by size and year ("3-2027") when the amounts of one year differ.
/// The defaults are those published for a taille-3 CPTS.
/// </summary>
public sealed class AciOptions
{
    public const string Section = "Aci";

    public int Size { get; set; } = 3;

    public Dictionary<string, AciScale> Scales { get; set; } = new()
    {
        ["3"] = new AciScale
        {
            Functioning = 75_000m,
            Missions = new()
            {
                [AciMission.AccessToCare] = new() { Fixed = 90_000m, Variable = 35_000m },
                [AciMission.CarePathways] = new() { Fixed = 45_000m, Variable = 45_000m },
                [AciMission.Prevention] = new() { Fixed = 17_500m, Variable = 17_500m },
                [AciMission.HealthCrises] = new() { Fixed = 45_000m, Variable = 67_500m },
                [AciMission.QualityOfCare] = new() { Fixed = 15_000m, Variable = 15_000m },
                [AciMission.SupportForProfessionals] = new() { Fixed = 10_000m, Variable = 10_000m },
            },
        },
    };

    public AciScale? ScaleFor(int year) =>
        Scales.GetValueOrDefault($"{Size}-{year}") ?? Scales.GetValueOrDefault(Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class CompensationRates
{
    public decimal WorkingGroupHour { get; set; } = 100m;
    public decimal PreventionHalfDay { get; set; } = 150m;
    /// <summary>The most one person can be paid in a year.</summary>
    public decimal YearlyCapPerPerson { get; set; } = 1_500m;
    /// <summary>What the CPTS's budget sets aside for compensation in the year.</summary>
    public decimal Envelope { get; set; } = 30_000m;

    public decimal RateOf(CompensationKind kind) => kind == CompensationKind.WorkingGroupHours ? WorkingGroupHour : PreventionHalfDay;
}

/// <summary>Compensation of professionals: default rates, and the rates of given years where they differ.</summary>
public sealed class CompensationOptions
{
    public const string Section = "Compensation";

    public CompensationRates Default { get; set; } = new();
    public Dictionary<int, CompensationRates> Years { get; set; } = [];

    public CompensationRates For(int year) => Years.GetValueOrDefault(year) ?? Default;
}
