using System.ComponentModel.DataAnnotations;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Maps;
using Aposart.Web.Infrastructure.Web;

namespace Aposart.Web.Features.Vaccination;

public sealed class CentreInput
{
    [Display(Name = "Nom du centre")]
    [Required(ErrorMessage = "Indiquez le nom du centre.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Name { get; set; }

    [Display(Name = "Adresse")]
    [Required(ErrorMessage = "Indiquez l'adresse.")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? Address { get; set; }

    [Display(Name = "Commune")]
    public string? CommuneInsee { get; set; }

    [Display(Name = "Latitude")]
    [DataType(FrenchDecimalModelBinder.Coordinate)]
    // Compared as decimals: the int overload converts the value to an int, which overflows (a 500) for a long number typed.
    [Range(typeof(decimal), "-90", "90", ErrorMessage = "Une latitude est comprise entre -90 et 90 (par exemple 48,6435).")]
    public decimal? Latitude { get; set; }

    [Display(Name = "Longitude")]
    [DataType(FrenchDecimalModelBinder.Coordinate)]
    [Range(typeof(decimal), "-180", "180", ErrorMessage = "Une longitude est comprise entre -180 et 180 (par exemple 1,8298).")]
    public decimal? Longitude { get; set; }

    [Display(Name = "État")]
    public CentreStatus Status { get; set; }

    [Display(Name = "Lien de prise de rendez-vous")]
    [Url(ErrorMessage = "Une adresse web complète, commençant par https://.")]
    [StringLength(500, ErrorMessage = "500 caractères au plus.")]
    public string? BookingUrl { get; set; }

    [Display(Name = "Téléphone de prise de rendez-vous")]
    [PhoneNumber]
    public string? BookingPhone { get; set; }

    [Display(Name = "Qui peut venir")]
    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? WhoMayCome { get; set; }

    [Display(Name = "Documents à apporter")]
    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")]
    [DataType(DataType.MultilineText)]
    public string? DocumentsToBring { get; set; }

    [Display(Name = "Affiché sur la page publique")]
    public bool Published { get; set; }

    public List<OpeningInput> Hours { get; set; } = [];
    public List<ClosureInput> Closures { get; set; } = [];
    public uint Version { get; set; }

    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static CentreInput From(VaccinationCentre centre) => new CentreInput
    {
        Name = centre.Name, Address = centre.Address, CommuneInsee = centre.CommuneInsee, Status = centre.Status,
        Latitude = centre.Latitude is { } lat ? Math.Round((decimal)lat, 6) : null, Longitude = centre.Longitude is { } lon ? Math.Round((decimal)lon, 6) : null, BookingUrl = centre.BookingUrl,
        BookingPhone = centre.BookingPhone, WhoMayCome = centre.WhoMayCome, DocumentsToBring = centre.DocumentsToBring, Published = centre.Published,
        Version = centre.Version,
        Hours = [.. Week.Select(d => centre.Openings.FirstOrDefault(o => o.Day == d) is { } o
            ? new OpeningInput { Day = d, Opens = o.Opens, Closes = o.Closes } : new OpeningInput { Day = d })],
        Closures = [.. centre.Closures.OrderBy(c => c.From).Select(c => new ClosureInput { From = c.From, To = c.To, Reason = c.Reason })],
    }.WithBlanks();

    /// <summary>A row per weekday and two empty closure rows to fill.</summary>
    public CentreInput WithBlanks()
    {
        Hours = [.. Week.Select(d => Hours.FirstOrDefault(h => h.Day == d) ?? new OpeningInput { Day = d })];
        Closures = [.. Closures.Where(c => !c.IsEmpty), new ClosureInput(), new ClosureInput()];
        return this;
    }
}

public sealed class OpeningInput
{
    public DayOfWeek Day { get; set; }

    [Display(Name = "Ouverture")]
    public TimeOnly? Opens { get; set; }

    [Display(Name = "Fermeture")]
    public TimeOnly? Closes { get; set; }
}

public sealed class ClosureInput
{
    [Display(Name = "Du")]
    public DateOnly? From { get; set; }

    [Display(Name = "Au")]
    public DateOnly? To { get; set; }

    [Display(Name = "Motif")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Reason { get; set; }

    public bool IsEmpty => From is null && To is null && string.IsNullOrWhiteSpace(Reason);
}

public sealed class ShiftInput
{
    [Display(Name = "Date")]
    [Required(ErrorMessage = "Indiquez la date (jj/mm/aaaa).")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Début")]
    [Required(ErrorMessage = "Indiquez l'heure de début.")]
    public TimeOnly? Starts { get; set; }

    [Display(Name = "Fin")]
    [Required(ErrorMessage = "Indiquez l'heure de fin.")]
    public TimeOnly? Ends { get; set; }

    [Display(Name = "Rôle")]
    [Required(ErrorMessage = "Choisissez le rôle.")]
    public ShiftRole? Role { get; set; }

    [Display(Name = "Personnes nécessaires")]
    [Required(ErrorMessage = "Indiquez combien de personnes il faut.")]
    [Range(1, 50, ErrorMessage = "Entre 1 et 50.")]
    public int? Needed { get; set; } = 2;
}

public sealed class CrisisInput
{
    [Display(Name = "Message du bandeau")]
    [Required(ErrorMessage = "Écrivez le message du bandeau.")]
    [StringLength(300, ErrorMessage = "300 caractères au plus.")]
    public string? Message { get; set; }

    [Display(Name = "Lien (facultatif)")]
    [StringLength(500, ErrorMessage = "500 caractères au plus.")]
    public string? LinkUrl { get; set; }

    [Display(Name = "Texte du lien")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    public string? LinkLabel { get; set; }
}

public sealed record CentreAdminList(IReadOnlyList<VaccinationCentre> Centres, CrisisAlert? Crisis, CrisisInput CrisisInput, MapDrawing Map);

/// <param name="Input">What the form holds.</param>
/// <param name="Action">Where it posts.</param>
/// <param name="IsNew">A new centre rather than an edit.</param>
/// <param name="Communes">The territory's communes for the list.</param>
/// <param name="Map">The territory with the centre where it stands, to click on.</param>
/// <param name="CommuneMiddles">Each commune's middle (latitude, longitude), where a centre without coordinates is drawn.</param>
public sealed record CentreForm(CentreInput Input, string Action, bool IsNew, IReadOnlyList<(string Insee, string Name)> Communes, MapDrawing Map,
    IReadOnlyDictionary<string, double[]> CommuneMiddles);

public sealed record RotaAdminPage(VaccinationCentre Centre, IReadOnlyList<CentreShift> Shifts, ShiftInput Input);

public sealed record MyRotaPage(bool HasRecord, IReadOnlyList<CentreShift> Open, IReadOnlyList<CentreShift> Mine, Guid? ProfessionalId, MapDrawing Map);
