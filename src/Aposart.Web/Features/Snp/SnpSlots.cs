using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Snp;

/// <summary>The rules of SNP slots: who may publish, giving a slot exactly once, telling the doctor.</summary>
public sealed class SnpSlots(AposartDbContext db, PortalMailer mailer, TimeProvider clock)
{
    /// <summary>Adherent general practitioners publish; the coordinator may allow anyone else.</summary>
    public static bool CanPublish(Professional professional, System.Security.Claims.ClaimsPrincipal user) =>
        professional.SnpAllowed || (professional.Profession == Profession.GeneralPractitioner && user.IsMember());

    /// <summary>
    /// Gives a free future slot, once: the condition on the status is checked by PostgreSQL under the row's lock, so of two
    /// regulators at the same moment exactly one changes the row. Returns false when the slot was not free any more.
    /// </summary>
    public async Task<bool> GiveAsync(Guid slotId, string reference, string regulatorName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The slot given and the doctor's notice are written together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var given = await db.SnpSlots.Where(s => s.Id == slotId && s.Status == SnpSlotStatus.Open && s.StartsAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SnpSlotStatus.Given).SetProperty(s => s.GivenReference, reference)
                .SetProperty(s => s.GivenAt, now).SetProperty(s => s.GivenByName, regulatorName).SetProperty(s => s.UpdatedAt, now), cancellationToken);
        if (given == 0)
        {
            return false;
        }
        var slot = await db.SnpSlots.AsNoTracking().Include(s => s.Professional).SingleAsync(s => s.Id == slotId, cancellationToken);
        if (await db.MailAddressAsync(slot.Professional!, cancellationToken) is { } address)
        {
            await mailer.SendAsync(address, slot.Professional!.DisplayName, $"Créneau de soins non programmés attribué le {slot.StartsAt.ToParisString("dd/MM 'à' HH'h'mm")}",
            [
                $"Un patient du territoire a été orienté vers votre créneau du {slot.StartsAt.ToParisString("dddd d MMMM 'à' HH'h'mm")} ({slot.DurationMinutes} min), {slot.Place}.",
                $"Référence du régulateur : {reference}. Le portail ne transmet aucune donnée de santé : le patient se présentera avec cette référence.",
                "Après la consultation, indiquez si le créneau a été honoré : cela compte pour les indicateurs de la mission accès aux soins.",
            ], ("Mes créneaux", SnpLinks.Mine), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
