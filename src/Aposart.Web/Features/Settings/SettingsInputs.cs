using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Aposart.Web.Configuration;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Settings;
using Aposart.Web.Infrastructure.Web;

namespace Aposart.Web.Features.Settings;

public sealed class IdentityInput
{
    [Display(Name = "Nom de la CPTS")]
    [Required(ErrorMessage = "Indiquez le nom de la CPTS.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Name { get; set; }

    [Display(Name = "Nom court ou sigle")]
    [StringLength(40, ErrorMessage = "40 caractères au plus.")]
    public string? ShortName { get; set; }

    [Display(Name = "Nom du territoire")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string? TerritoryName { get; set; }

    [Display(Name = "Adresse e-mail de contact")]
    [Required(ErrorMessage = "Indiquez l'adresse e-mail de contact de la CPTS.")]
    [ValidEmail]
    public string? Email { get; set; }

    [Display(Name = "Téléphone")]
    [PhoneNumber]
    public string? Telephone { get; set; }

    [Display(Name = "Adresse postale du siège")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? PostalAddress { get; set; }

    [Display(Name = "SIRET")]
    [RegularExpression(@"^[0-9 ]{14,17}$", ErrorMessage = "Le SIRET compte 14 chiffres.")]
    public string? Siret { get; set; }

    [Display(Name = "Numéro RNA")]
    [RegularExpression(@"^W[0-9]{9}$", ErrorMessage = "Le numéro RNA s'écrit W suivi de 9 chiffres, par exemple W781000000.")]
    public string? Rna { get; set; }

    [Display(Name = "FINESS (s'il y en a un)")]
    [RegularExpression(@"^[0-9AB]{9}$", ErrorMessage = "Le numéro FINESS compte 9 caractères.")]
    public string? Finess { get; set; }

    [Display(Name = "Directeur ou directrice de la publication")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? PublicationDirector { get; set; }

    [Display(Name = "Hébergeur du site (nom, adresse, téléphone)")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? Host { get; set; }

    [Display(Name = "Adresse publique du portail (dans les courriels)")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    [PublicAddress]
    public string? PublicUrl { get; set; }

    [Display(Name = "Couleur principale")]
    [ReadableMainColour]
    public string? MainColour { get; set; }

    public static IdentityInput From(CptsOptions cpts, IdentitySettings? stored) => new()
    {
        Name = stored?.Name ?? (cpts.IsConfigured ? cpts.Name : ""),
        ShortName = stored?.ShortName ?? (cpts.IsConfigured ? cpts.ShortName : ""),
        TerritoryName = cpts.TerritoryName,
        Email = cpts.Email,
        Telephone = cpts.Telephone,
        PostalAddress = cpts.PostalAddress,
        Siret = cpts.Siret,
        Rna = cpts.Rna,
        Finess = cpts.Finess,
        PublicationDirector = cpts.PublicationDirector,
        Host = cpts.Host,
        PublicUrl = stored?.PublicUrl ?? "",
        MainColour = cpts.MainColour,
    };

    public IdentitySettings ToSettings() => new()
    {
        Name = Clean(Name),
        ShortName = Clean(ShortName),
        TerritoryName = Clean(TerritoryName),
        Email = Clean(Email),
        Telephone = Clean(Telephone),
        PostalAddress = Clean(PostalAddress),
        Siret = Clean(Siret).Replace(" ", "", StringComparison.Ordinal),
        Rna = Clean(Rna),
        Finess = Clean(Finess),
        PublicationDirector = Clean(PublicationDirector),
        Host = Clean(Host),
        PublicUrl = Clean(PublicUrl).TrimEnd('/'),
        MainColour = Clean(MainColour).ToLowerInvariant(),
    };

    internal static string Clean(string? value) => value?.Trim() ?? "";
}

public sealed class TextsInput
{
    [Display(Name = "Introduction de la page d'accueil")]
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? HomeIntroduction { get; set; }

    [Display(Name = "Présentation sur la page « La CPTS »")]
    [StringLength(20000, ErrorMessage = "20 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? AboutText { get; set; }

    [Display(Name = "Compléments aux mentions légales")]
    [StringLength(20000, ErrorMessage = "20 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? LegalComplement { get; set; }

    public static TextsInput From(CptsOptions cpts) => new()
    {
        HomeIntroduction = cpts.HomeIntroduction,
        AboutText = cpts.AboutText,
        LegalComplement = cpts.LegalComplement,
    };

    public TextSettings ToSettings() => new()
    {
        HomeIntroduction = IdentityInput.Clean(HomeIntroduction),
        AboutText = IdentityInput.Clean(AboutText),
        LegalComplement = IdentityInput.Clean(LegalComplement),
    };
}

public sealed class MailSenderInput
{
    [Display(Name = "Nom de l'expéditeur")]
    [Required(ErrorMessage = "Indiquez le nom affiché comme expéditeur.")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string? FromName { get; set; }

    [Display(Name = "Adresse d'expédition")]
    [Required(ErrorMessage = "Indiquez l'adresse d'expédition.")]
    [ValidEmail]
    public string? FromAddress { get; set; }

    public MailSenderSettings ToSettings() => new() { FromName = IdentityInput.Clean(FromName), FromAddress = IdentityInput.Clean(FromAddress) };
}

public sealed class RulesInput
{
    [Display(Name = "Délai de paiement de la cotisation (jours après validation)")]
    [Range(1, 365, ErrorMessage = "Entre 1 et 365 jours.")]
    public int PaymentDueDays { get; set; } = 60;

    [Display(Name = "Taille de la CPTS dans l'ACI (1 à 4)")]
    [Range(1, 4, ErrorMessage = "La taille d'une CPTS va de 1 à 4.")]
    public int AciSize { get; set; } = 3;

    [Display(Name = "Approbations du bureau nécessaires pour une lettre trimestrielle")]
    [Range(1, 10, ErrorMessage = "Entre 1 et 10 approbations.")]
    public int RequiredApprovals { get; set; } = 2;

    public RulesSettings ToSettings() => new() { PaymentDueDays = PaymentDueDays, AciSize = AciSize, RequiredApprovals = RequiredApprovals };
}

public sealed class FeesInput
{
    [Display(Name = "Année")]
    [Range(2000, 2100, ErrorMessage = "Une année entre 2000 et 2100.")]
    public int Year { get; set; }

    [Display(Name = "Cotisation individuelle (€)")]
    [Range(typeof(decimal), "0", "10000", ErrorMessage = "Un montant entre 0 et 10 000 €.")]
    public decimal Individual { get; set; }

    [Display(Name = "Cotisation d'une structure (€)")]
    [Range(typeof(decimal), "0", "100000", ErrorMessage = "Un montant entre 0 et 100 000 €.")]
    public decimal Structure { get; set; }
}

public sealed class CompensationRatesInput
{
    [Display(Name = "Année")]
    [Range(2000, 2100, ErrorMessage = "Une année entre 2000 et 2100.")]
    public int Year { get; set; }

    [Display(Name = "Heure de groupe de travail (€)")]
    [Range(typeof(decimal), "0", "1000", ErrorMessage = "Un montant entre 0 et 1 000 €.")]
    public decimal WorkingGroupHour { get; set; }

    [Display(Name = "Demi-journée de prévention (€)")]
    [Range(typeof(decimal), "0", "5000", ErrorMessage = "Un montant entre 0 et 5 000 €.")]
    public decimal PreventionHalfDay { get; set; }

    [Display(Name = "Plafond annuel par personne (€)")]
    [Range(typeof(decimal), "0", "100000", ErrorMessage = "Un montant entre 0 et 100 000 €.")]
    public decimal YearlyCapPerPerson { get; set; }

    [Display(Name = "Enveloppe annuelle (€)")]
    [Range(typeof(decimal), "0", "10000000", ErrorMessage = "Un montant entre 0 et 10 000 000 €.")]
    public decimal Envelope { get; set; }

    public CompensationRates ToRates() => new()
    {
        WorkingGroupHour = WorkingGroupHour,
        PreventionHalfDay = PreventionHalfDay,
        YearlyCapPerPerson = YearlyCapPerPerson,
        Envelope = Envelope,
    };
}

public sealed class CollegesInput
{
    /// <summary>One collège per line, in the order they are shown.</summary>
    [Display(Name = "Collèges (un par ligne)")]
    [Required(ErrorMessage = "Indiquez au moins un collège.")]
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? Lines { get; set; }
}

public sealed class StatutesInput
{
    [Display(Name = "Document")]
    public StatutesKind Kind { get; set; } = StatutesKind.Statutes;

    [Display(Name = "Intitulé de la version")]
    [Required(ErrorMessage = "Indiquez l'intitulé, par exemple « Statuts adoptés par l'AG du 12 mars 2026 ».")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Label { get; set; }

    [Display(Name = "Adoptés le")]
    [Required(ErrorMessage = "Indiquez la date d'adoption.")]
    public DateOnly? AdoptedOn { get; set; }

    [Display(Name = "Fichier PDF")]
    public IFormFile? File { get; set; }
}

/// <summary>An absolute http(s) address without query or fragment: the base of every link the portal mails.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PublicAddressAttribute() : ValidationAttribute("Une adresse complète, par exemple https://portail.cpts-exemple.fr.")
{
    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text)
        || (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query.Length == 0 && uri.Fragment.Length == 0);
}

/// <summary>A #rrggbb colour dark enough for white text (WCAG AA, 4.5:1); the message gives the ratio reached.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReadableMainColourAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text))
        {
            return ValidationResult.Success;
        }
        if (!ThemeColour.TryParse(text.Trim(), out var colour))
        {
            return new ValidationResult("Une couleur au format #rrvvbb, par exemple #0b4f6c.");
        }
        var ratio = ThemeColour.ContrastWithWhite(colour);
        return ratio >= ThemeColour.MinimumContrast
            ? ValidationResult.Success
            : new ValidationResult($"Cette couleur est trop claire : le texte blanc posé dessus n'atteint qu'un contraste de {ratio.ToString("0.0", CultureInfo.GetCultureInfo("fr-FR"))}:1, il faut au moins 4,5:1 (RGAA). Choisissez une teinte plus foncée.");
    }
}
