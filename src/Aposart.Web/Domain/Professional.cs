namespace Aposart.Web.Domain;

public enum Civility
{
    None = 0,
    Doctor = 1,
    Madam = 2,
    Sir = 3,
}

/// <summary>A health professional of the directory, usually tied to a portal account.</summary>
public class Professional : IAuditable
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public Civility Civility { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public Profession Profession { get; set; }
    public string? Specialty { get; set; }
    public string? Rpps { get; set; }
    /// <summary>When Pro Santé Connect last vouched for <see cref="Rpps"/>; cleared when the number is changed by hand.</summary>
    public DateTimeOffset? RppsVerifiedAt { get; set; }
    public string? Adeli { get; set; }

    /// <summary>The master consent: without it the person appears in no public page, whatever the fields say.</summary>
    public bool ListedInPublicDirectory { get; set; }
    public string? Email { get; set; }
    public Visibility EmailVisibility { get; set; }
    public string? SecureMailAddress { get; set; }
    public Visibility SecureMailVisibility { get; set; }
    public string? WebsiteUrl { get; set; }
    public Visibility WebsiteVisibility { get; set; }
    public Visibility AddressVisibility { get; set; } = Visibility.Public;
    public Visibility PhoneVisibility { get; set; }

    /// <summary>Only meaningful for general practitioners.</summary>
    public bool AcceptsNewPatients { get; set; }
    public bool OffersUnscheduledCare { get; set; }
    /// <summary>Set by the coordinator: may publish SNP slots without being an adherent general practitioner.</summary>
    public bool SnpAllowed { get; set; }
    public List<string> Languages { get; set; } = [];

    /// <summary>
    /// Created from the CPTS's own spreadsheet, not by the person: shown in no directory, public or members', and sent no
    /// mail but the invitation to claim it, until the person accepts that invitation.
    /// </summary>
    public bool AwaitingConsent { get; set; }

    public DateOnly? MemberSince { get; set; }
    public DateTimeOffset? AnonymisedAt { get; set; }

    public List<PracticeSite> PracticeSites { get; set; } = [];
    public List<Organisation> Organisations { get; set; } = [];
    public List<Membership> Memberships { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }
    public uint Version { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();

    public string DisplayName => Civility == Civility.Doctor ? $"Dr {FullName}" : FullName;

    public bool Shows(Visibility field, bool viewerIsMember) =>
        field == Visibility.Public ? ListedInPublicDirectory || viewerIsMember : field == Visibility.Members && viewerIsMember;
}

public class PracticeSite
{
    public Guid Id { get; set; }
    public Guid ProfessionalId { get; set; }
    public string? Name { get; set; }
    public string AddressLine { get; set; } = "";
    public string Postcode { get; set; } = "";
    public string City { get; set; } = "";
    /// <summary>INSEE code when the site is in the territory; null outside it.</summary>
    public string? CommuneInsee { get; set; }
    public Commune? Commune { get; set; }
    public string? Phone { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Name, street and town in one line, as printed on a slot or a letter.</summary>
    public string FullAddress => string.Join(", ", new[] { Name, AddressLine, $"{Postcode} {City}".Trim() }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
