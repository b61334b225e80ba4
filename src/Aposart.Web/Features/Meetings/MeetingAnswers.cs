using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Settings;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Meetings;

/// <summary>
/// An adherent's answer to a convocation, and the presence taken at the door. A proxy goes to another convened adherent
/// who does not give theirs, within the number of proxies the statutes allow: the holder's row is locked while their
/// proxies are counted, so that two proxies given at once cannot both pass the limit.
/// </summary>
public sealed class MeetingAnswers(AposartDbContext db, PortalSettings settings, TimeProvider clock)
{
    /// <returns>null when saved, else the French reason, for the field <c>ProxyHolderId</c> when it is about the proxy.</returns>
    public async Task<string?> AnswerAsync(Guid meetingId, Guid userId, MeetingAnswer answer, Guid? proxyHolderId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var me = await db.MeetingInvitees.Include(i => i.Meeting).SingleOrDefaultAsync(i => i.MeetingId == meetingId && i.UserId == userId, cancellationToken);
        if (me?.Meeting is not { Status: MeetingStatus.Convened } meeting)
        {
            return "Vous n'êtes pas convoqué·e à cette réunion.";
        }
        if (meeting.StartsAt <= clock.GetUtcNow())
        {
            return "La réunion a commencé : la présence se note sur place.";
        }
        if (answer == MeetingAnswer.Proxy)
        {
            if (proxyHolderId is not { } holderId || holderId == me.Id)
            {
                return "Choisissez l'adhérent à qui vous donnez votre pouvoir.";
            }
            if (await db.MeetingInvitees.AnyAsync(i => i.ProxyHolderId == me.Id && i.Answer == MeetingAnswer.Proxy, cancellationToken))
            {
                return "Des adhérents vous ont confié leur pouvoir : vous ne pouvez pas donner le vôtre. Prévenez-les pour qu'ils en choisissent un autre.";
            }
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM meeting_invitees WHERE id = {holderId} FOR UPDATE", cancellationToken);
            var holder = await db.MeetingInvitees.AsNoTracking().SingleOrDefaultAsync(i => i.Id == holderId && i.MeetingId == meetingId, cancellationToken);
            if (holder is null)
            {
                return "Cette personne n'est pas convoquée à la réunion.";
            }
            if (holder.Answer == MeetingAnswer.Proxy)
            {
                return $"{holder.Name} donne son propre pouvoir : choisissez quelqu'un d'autre.";
            }
            var max = (settings.Get(SettingsSections.Statutes) ?? new StatutesRules()).MaxProxies;
            if (await db.MeetingInvitees.CountAsync(i => i.ProxyHolderId == holderId && i.Answer == MeetingAnswer.Proxy && i.Id != me.Id, cancellationToken) >= max)
            {
                return $"{holder.Name} détient déjà {max} pouvoir{(max > 1 ? "s" : "")}, le nombre que permettent les statuts : choisissez quelqu'un d'autre.";
            }
        }
        me.Answer = answer;
        me.ProxyHolderId = answer == MeetingAnswer.Proxy ? proxyHolderId : null;
        me.AnsweredAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Marks someone present (or not). Present in person, they vote themselves: a proxy they had given falls.
    /// </summary>
    public async Task<MeetingInvitee?> MarkPresentAsync(Guid meetingId, Guid inviteeId, bool present, CancellationToken cancellationToken)
    {
        var invitee = await db.MeetingInvitees.SingleOrDefaultAsync(i => i.Id == inviteeId && i.MeetingId == meetingId, cancellationToken);
        if (invitee is null)
        {
            return null;
        }
        invitee.Present = present;
        invitee.PresenceMarkedAt = present ? clock.GetUtcNow() : null;
        if (present && invitee.Answer is MeetingAnswer.Proxy or MeetingAnswer.NotComing or MeetingAnswer.None)
        {
            invitee.Answer = MeetingAnswer.Coming;
            invitee.ProxyHolderId = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        return invitee;
    }

    public async Task<QuorumState> QuorumAsync(Guid meetingId, CancellationToken cancellationToken) =>
        QuorumState.Of(await db.MeetingInvitees.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync(cancellationToken),
            settings.Get(SettingsSections.Statutes) ?? new StatutesRules());
}
