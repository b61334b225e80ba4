namespace Aposart.Web.Configuration;

/// <summary>Membership rules that differ from one CPTS to another.</summary>
public sealed class MembershipOptions
{
    public const string Section = "Membership";

    public List<string> Colleges { get; set; } =
    [
        "Médecins généralistes",
        "Infirmiers",
        "Pharmaciens",
        "Autres professions de santé",
        "Établissements et structures",
        "Partenaires et usagers",
    ];

    /// <summary>Days after validation before an unpaid fee makes the membership "en retard".</summary>
    public int PaymentDueDays { get; set; } = 60;

    /// <summary>
    /// Seeds example statutes and this year's and next year's fees at `migrate`: for the demo and the tests. A real CPTS
    /// sets its own from /gestion/parametres, and nothing of an example may appear on its site.
    /// </summary>
    public bool SeedExamples { get; set; }

    public decimal IndividualFee { get; set; } = 20m;
    public decimal StructureFee { get; set; } = 50m;
    public string StatutesLabel { get; set; } = "Statuts – version 1";
    public string StatutesFile { get; set; } = "data/statutes-v1.md";
    public DateOnly StatutesAdoptedOn { get; set; } = new(2020, 1, 1);
}
