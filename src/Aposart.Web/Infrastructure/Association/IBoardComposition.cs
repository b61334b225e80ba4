using Aposart.Web.Domain;

namespace Aposart.Web.Infrastructure.Association;

/// <summary>
/// The bureau's composition as another feature changes it: an assembly's election seats those it elected. The accounts
/// feature, which owns the mandates and the Bureau role, implements it; the meetings feature only knows this contract.
/// </summary>
public interface IBoardComposition
{
    /// <summary>
    /// Opens a bureau mandate for each person elected (renews the end of one already open), and closes the others' when the
    /// whole bureau was renewed. Joins the caller's transaction. Returns the refusal in French, or null.
    /// </summary>
    Task<string?> SeatElectedAsync(IReadOnlyCollection<Guid> electedUserIds, DateOnly startsOn, DateOnly? endsOn, bool closeOthers, AppUser by,
        CancellationToken cancellationToken);
}
