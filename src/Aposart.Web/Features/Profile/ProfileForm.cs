using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Profile;

/// <summary>The professional's record as a form, shared by the person's own page and the coordinator's edit page.</summary>
public sealed record ProfileFormModel(ProfileInput Input, string Action, IReadOnlyList<SelectListItem> Communes, IReadOnlyList<SelectListItem> Organisations,
    string? Warning = null);

public static class ProfileForm
{
    public static ProfileInput FromEntity(Professional professional)
    {
        var input = new ProfileInput
        {
            Civility = professional.Civility,
            FirstName = professional.FirstName,
            LastName = professional.LastName,
            Profession = professional.Profession,
            Specialty = professional.Specialty,
            Rpps = professional.Rpps,
            RppsVerifiedAt = professional.RppsVerifiedAt,
            Adeli = professional.Adeli,
            Email = professional.Email,
            EmailVisibility = professional.EmailVisibility,
            SecureMailAddress = professional.SecureMailAddress,
            SecureMailVisibility = professional.SecureMailVisibility,
            WebsiteUrl = professional.WebsiteUrl,
            WebsiteVisibility = professional.WebsiteVisibility,
            AddressVisibility = professional.AddressVisibility,
            PhoneVisibility = professional.PhoneVisibility,
            AcceptsNewPatients = professional.AcceptsNewPatients,
            OffersUnscheduledCare = professional.OffersUnscheduledCare,
            Languages = string.Join(", ", professional.Languages),
            ListedInPublicDirectory = professional.ListedInPublicDirectory,
            OrganisationIds = [.. professional.Organisations.Select(o => o.Id)],
            Version = professional.Version,
            Sites = [.. professional.PracticeSites.OrderBy(s => s.SortOrder).Select(s => new PracticeSiteInput
            {
                Name = s.Name,
                AddressLine = s.AddressLine,
                Postcode = s.Postcode,
                City = s.CommuneInsee is null ? s.City : null,
                CommuneInsee = s.CommuneInsee,
                Phone = s.Phone,
            })],
        };
        return WithEmptySlots(input);
    }

    public static ProfileInput WithEmptySlots(ProfileInput input)
    {
        while (input.Sites.Count < ProfileInput.SiteSlots)
        {
            input.Sites.Add(new PracticeSiteInput());
        }
        return input;
    }

    public static async Task<ProfileFormModel> ModelAsync(AposartDbContext db, ProfileInput input, string action, string? warning,
        CancellationToken cancellationToken)
    {
        var communes = await db.Communes.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name + " (" + c.InseeCode + ")", c.InseeCode)).ToListAsync(cancellationToken);
        communes.Insert(0, new SelectListItem("Hors du territoire, ou non renseignée", ""));
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name + " – " + o.City, o.Id.ToString())).ToListAsync(cancellationToken);
        return new ProfileFormModel(WithEmptySlots(input), action, communes, organisations, warning);
    }

    /// <summary>Refusals the database would make, explained in French next to the field.</summary>
    public static async Task ValidateUniqueAsync(AposartDbContext db, ProfileInput input, Guid? professionalId, ModelStateDictionary modelState,
        CancellationToken cancellationToken)
    {
        var others = db.Professionals.Where(p => p.Id != professionalId);
        var rpps = Clean(input.Rpps);
        if (rpps is not null && await others.AnyAsync(p => p.Rpps == rpps, cancellationToken))
        {
            modelState.AddModelError(Key(nameof(input.Rpps)), "Ce numéro RPPS figure déjà sur une autre fiche de l'annuaire. Si c'est la vôtre, écrivez à la coordination pour la rattacher à votre compte.");
        }
        var adeli = Clean(input.Adeli);
        if (adeli is not null && await others.AnyAsync(p => p.Adeli == adeli, cancellationToken))
        {
            modelState.AddModelError(Key(nameof(input.Adeli)), "Ce numéro ADELI figure déjà sur une autre fiche de l'annuaire. Si c'est la vôtre, écrivez à la coordination.");
        }
        var email = input.Email?.Trim().ToLowerInvariant();
        if (email is not null && await others.AnyAsync(p => p.Email == email, cancellationToken))
        {
            modelState.AddModelError(Key(nameof(input.Email)), "Cette adresse figure déjà sur une autre fiche de l'annuaire. Si c'est la vôtre, écrivez à la coordination.");
        }
        var known = input.OrganisationIds.Count == 0 ? 0 : await db.Organisations.CountAsync(o => input.OrganisationIds.Contains(o.Id), cancellationToken);
        if (known != input.OrganisationIds.Distinct().Count())
        {
            modelState.AddModelError(Key(nameof(input.OrganisationIds)), "Une des structures choisies n'existe pas.");
        }
        var territory = await db.Communes.Select(c => c.InseeCode).ToListAsync(cancellationToken);
        for (var i = 0; i < input.Sites.Count; i++)
        {
            if (input.Sites[i].CommuneInsee is { Length: > 0 } insee && !territory.Contains(insee))
            {
                modelState.AddModelError(Key($"{nameof(input.Sites)}[{i}].{nameof(PracticeSiteInput.CommuneInsee)}"), "Choisissez une commune de la liste.");
            }
        }
    }

    /// <summary>A warning that does not block saving: the RPPS key check fails more often from a typo than from a fake number.</summary>
    public static string? Warning(ProfileInput input) =>
        Clean(input.Rpps) is { } rpps && !FrenchFormats.PassesLuhn(rpps)
            ? "Attention : le numéro RPPS saisi ne passe pas le contrôle de clé. Il a été enregistré, mais vérifiez-le sur votre carte CPS."
            : null;

    public static async Task ApplyAsync(AposartDbContext db, ProfileInput input, Professional professional, CancellationToken cancellationToken)
    {
        professional.Civility = input.Civility;
        professional.FirstName = input.FirstName!.Trim();
        professional.LastName = input.LastName!.Trim();
        professional.Profession = input.Profession!.Value;
        professional.Specialty = input.Profession == Domain.Profession.Specialist ? input.Specialty?.Trim() : null;
        if (Clean(input.Rpps) != professional.Rpps)
        {
            // Pro Santé Connect vouched for the old number, not for the one typed.
            professional.RppsVerifiedAt = null;
        }
        professional.Rpps = Clean(input.Rpps);
        professional.Adeli = Clean(input.Adeli);
        professional.Email = input.Email!.Trim().ToLowerInvariant();
        professional.EmailVisibility = input.EmailVisibility;
        professional.SecureMailAddress = string.IsNullOrWhiteSpace(input.SecureMailAddress) ? null : input.SecureMailAddress.Trim().ToLowerInvariant();
        professional.SecureMailVisibility = input.SecureMailVisibility;
        professional.WebsiteUrl = input.WebsiteUrl.TrimmedOrNull();
        professional.WebsiteVisibility = input.WebsiteVisibility;
        professional.AddressVisibility = input.AddressVisibility;
        professional.PhoneVisibility = input.PhoneVisibility;
        professional.AcceptsNewPatients = input.Profession == Domain.Profession.GeneralPractitioner && input.AcceptsNewPatients;
        professional.OffersUnscheduledCare = input.OffersUnscheduledCare;
        professional.Languages = [.. (input.Languages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];
        professional.ListedInPublicDirectory = input.ListedInPublicDirectory;

        var communes = await db.Communes.ToDictionaryAsync(c => c.InseeCode, c => c.Name, cancellationToken);
        db.PracticeSites.RemoveRange(professional.PracticeSites);
        professional.PracticeSites = [.. input.Sites.Where(s => !s.IsEmpty).Select((s, index) => new PracticeSite
        {
            Name = s.Name.TrimmedOrNull(),
            AddressLine = s.AddressLine!.Trim(),
            Postcode = s.Postcode!.Trim(),
            CommuneInsee = string.IsNullOrEmpty(s.CommuneInsee) ? null : s.CommuneInsee,
            City = !string.IsNullOrEmpty(s.CommuneInsee) && communes.TryGetValue(s.CommuneInsee, out var name) ? name : s.City!.Trim(),
            Phone = FrenchFormats.NormalisePhone(s.Phone),
            SortOrder = index,
        })];

        var wanted = input.OrganisationIds.Distinct().ToList();
        professional.Organisations.RemoveAll(o => !wanted.Contains(o.Id));
        var missing = wanted.Except(professional.Organisations.Select(o => o.Id)).ToList();
        professional.Organisations.AddRange(await db.Organisations.Where(o => missing.Contains(o.Id)).ToListAsync(cancellationToken));
    }

    /// <summary>The forms bind the record under the prefix "Input": errors must carry it to land next to their field.</summary>
    private static string Key(string field) => $"{nameof(ProfileFormModel.Input)}.{field}";

    private static string? Clean(string? identifier) =>
        string.IsNullOrWhiteSpace(identifier) ? null : identifier.Replace(" ", "", StringComparison.Ordinal).Trim();
}
