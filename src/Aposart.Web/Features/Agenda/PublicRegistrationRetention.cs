using Aposart.Web.Data;
using Aposart.Web.Infrastructure.Background;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Agenda;

/// <summary>
/// A registration to a public meeting is kept with its name and address only while it serves: a month after the meeting,
/// the name and address are erased and only the count remains (for the indicators). Registrants without an account have
/// no personal space to ask for it: the portal does it for them.
/// </summary>
public sealed class PublicRegistrationRetention(AposartDbContext db, TimeProvider clock) : IPeriodicJob
{
    public static readonly TimeSpan KeptAfterMeeting = TimeSpan.FromDays(30);
    public const string ErasedName = "Participant (effacé)";

    public string Name => "Effacement des inscrits aux réunions publiques";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - KeptAfterMeeting;
        var erased = await db.PublicRegistrations.Where(r => r.Name != ErasedName && r.Meeting!.EndsAt < before)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Name, ErasedName)
                .SetProperty(r => r.Email, r => "effacee-" + r.Id.ToString() + "@effacement.invalid"), cancellationToken);
        return $"{erased} inscription(s) anonymisée(s)";
    }
}
