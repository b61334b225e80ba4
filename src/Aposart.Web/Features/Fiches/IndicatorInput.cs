using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Aposart.Web.Domain;

namespace Aposart.Web.Features.Fiches;

public sealed class IndicatorInput
{
    public const int BlankTargets = 3;

    [Display(Name = "Type")]
    public IndicatorKind Kind { get; set; } = IndicatorKind.Process;

    [Display(Name = "Nom de l'indicateur")]
    [Required(ErrorMessage = "Indiquez le nom de l'indicateur.")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? Name { get; set; }

    [Display(Name = "Unité")]
    public IndicatorUnit Unit { get; set; } = IndicatorUnit.Count;

    [Display(Name = "Rapport numérateur / dénominateur, affiché en %")]
    public bool IsRatio { get; set; }

    [Display(Name = "Mode de calcul")]
    [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Computation { get; set; }

    [Display(Name = "Valeur de départ")]
    [Range(typeof(decimal), "-1000000000", "1000000000", ErrorMessage = "Une valeur entre -1 milliard et 1 milliard.")]
    public decimal? Baseline { get; set; }

    [Display(Name = "Origine des valeurs")]
    public IndicatorSource Source { get; set; }

    public List<TargetInput> Targets { get; set; } = [];

    public uint Version { get; set; }

    /// <summary>A computed indicator takes the unit of what the portal computes.</summary>
    public void Normalise()
    {
        if (Source == IndicatorSource.Manual)
        {
            return;
        }
        Unit = Source is IndicatorSource.SecureMailShare or IndicatorSource.SnpGpShare ? IndicatorUnit.Percent : IndicatorUnit.Count;
        IsRatio = false;
    }

    public IEnumerable<(string Field, string Message)> CrossFieldProblems()
    {
        if (IsRatio && Unit != IndicatorUnit.Percent)
        {
            yield return (nameof(Unit), "Un rapport numérateur / dénominateur s'exprime en %.");
        }
        var seen = new HashSet<int>();
        for (var i = 0; i < Targets.Count; i++)
        {
            var target = Targets[i];
            var prefix = $"{nameof(Targets)}[{i}].";
            if (target.IsEmpty)
            {
                continue;
            }
            if (target.Year is null)
            {
                yield return (prefix + nameof(TargetInput.Year), "Indiquez l'année de la cible.");
            }
            else if (!seen.Add(target.Year.Value))
            {
                yield return (prefix + nameof(TargetInput.Year), $"L'année {target.Year} a déjà une cible.");
            }
            if (target.Value is null)
            {
                yield return (prefix + nameof(TargetInput.Value), "Indiquez la valeur visée.");
            }
        }
    }

    /// <summary>The definition in one line, for the fiche's history.</summary>
    public string Describe() => string.Join(" ; ", new[]
    {
        Kind.Label(), Unit.Label(), IsRatio ? "rapport" : null, Source.Label(),
        Baseline is { } b ? "départ " + b.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")) : null,
        Computation?.Trim() is { Length: > 0 } c ? "calcul : " + c : null,
        string.Join(", ", Targets.Where(t => !t.IsEmpty).OrderBy(t => t.Year)
            .Select(t => $"cible {t.Year} : {t.Value?.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"))}")) is { Length: > 0 } targets ? targets : null,
    }.Where(part => part is not null));

    public static IndicatorInput FromEntity(Indicator indicator) => new()
    {
        Kind = indicator.Kind, Name = indicator.Name, Unit = indicator.Unit, IsRatio = indicator.IsRatio, Computation = indicator.Computation,
        Baseline = indicator.Baseline, Source = indicator.Source, Version = indicator.Version,
        Targets = [.. indicator.Targets.OrderBy(t => t.Year).Select(t => new TargetInput { Year = t.Year, Value = t.Value })],
    };

    public IndicatorInput WithBlankRows()
    {
        Targets = [.. Targets.Where(t => !t.IsEmpty), .. Enumerable.Range(0, BlankTargets).Select(_ => new TargetInput())];
        return this;
    }
}

public sealed class TargetInput
{
    [Display(Name = "Année")]
    [Range(2000, 2100, ErrorMessage = "Une année entre 2000 et 2100.")]
    public int? Year { get; set; }

    [Display(Name = "Cible")]
    [Range(typeof(decimal), "-1000000000", "1000000000", ErrorMessage = "Une valeur entre -1 milliard et 1 milliard.")]
    public decimal? Value { get; set; }

    public bool IsEmpty => Year is null && Value is null;
}

public sealed class MeasurementInput
{
    [Display(Name = "Année")]
    [Required(ErrorMessage = "Indiquez l'année mesurée.")]
    [Range(2000, 2100, ErrorMessage = "Une année entre 2000 et 2100.")]
    public int? Year { get; set; }

    [Display(Name = "Valeur")]
    [Range(typeof(decimal), "-1000000000", "1000000000", ErrorMessage = "Une valeur entre -1 milliard et 1 milliard.")]
    public decimal? Value { get; set; }

    [Display(Name = "Numérateur")]
    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "Un nombre entre 0 et 1 milliard.")]
    public decimal? Numerator { get; set; }

    [Display(Name = "Dénominateur")]
    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "Un nombre entre 0 et 1 milliard.")]
    public decimal? Denominator { get; set; }

    [Display(Name = "Commentaire")]
    [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Comment { get; set; }

    [Display(Name = "Remplacer la valeur déjà enregistrée pour cette année")]
    public bool Replace { get; set; }

    public IEnumerable<(string Field, string Message)> CrossFieldProblems(Indicator indicator)
    {
        if (indicator.IsRatio)
        {
            if (Numerator is null)
            {
                yield return (nameof(Numerator), "Indiquez le numérateur.");
            }
            if (Denominator is null or 0)
            {
                yield return (nameof(Denominator), "Indiquez un dénominateur supérieur à zéro.");
            }
            else if (Numerator > Denominator)
            {
                yield return (nameof(Numerator), "Le numérateur ne peut pas dépasser le dénominateur.");
            }
        }
        else if (Value is null)
        {
            yield return (nameof(Value), "Indiquez la valeur mesurée.");
        }
        else if (indicator.Unit == IndicatorUnit.Percent && Value is < 0 or > 100)
        {
            yield return (nameof(Value), "Un pourcentage entre 0 et 100.");
        }
    }

    public decimal Result(Indicator indicator) =>
        indicator.IsRatio ? Math.Round(100m * Numerator!.Value / Denominator!.Value, 1) : Value!.Value;
}
