using Aposart.Web.Data;
using Aposart.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Letters;

/// <summary>
/// Unsubscribing without logging in (the token in every mail is the key; POST is RFC 8058's one-click), and the
/// preference page where a signed-in person chooses which kinds of mail they receive.
/// </summary>
public sealed class SubscriptionController(AposartDbContext db, CampaignAudience audience, UserManager<AppUser> users, TimeProvider clock) : Controller
{
    [HttpGet(LetterLinks.UnsubscribeRoute)]
    public async Task<IActionResult> Unsubscribe(string token, CancellationToken cancellationToken)
    {
        var subscriber = await FindAsync(token, cancellationToken);
        return View("Unsubscribe", new UnsubscribePage(token, subscriber?.Address, subscriber?.UnsubscribedAt is not null, Done: false));
    }

    /// <summary>One click, no cookie, no antiforgery token: mail clients post here on the user's behalf (RFC 8058).</summary>
    [HttpPost(LetterLinks.UnsubscribeRoute)]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> UnsubscribeConfirmed(string token, CancellationToken cancellationToken)
    {
        var subscriber = await FindAsync(token, cancellationToken);
        if (subscriber is null)
        {
            return View("Unsubscribe", new UnsubscribePage(token, null, false, Done: false));
        }
        subscriber.UnsubscribedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return View("Unsubscribe", new UnsubscribePage(token, subscriber.Address, true, Done: true));
    }

    [Authorize]
    [HttpGet(LetterLinks.Preferences)]
    public async Task<IActionResult> Preferences(CancellationToken cancellationToken)
    {
        var subscriber = await audience.SubscriberAsync((await users.GetUserAsync(User))!.Email!, cancellationToken);
        return View(new PreferencesInput
        {
            QuarterlyLetter = subscriber.QuarterlyLetter, Flashmails = subscriber.Flashmails, TrainingAnnouncements = subscriber.TrainingAnnouncements,
            Subscribed = subscriber.UnsubscribedAt is null,
        });
    }

    [Authorize]
    [HttpPost(LetterLinks.Preferences)]
    public async Task<IActionResult> Preferences(PreferencesInput input, CancellationToken cancellationToken)
    {
        var subscriber = await audience.SubscriberAsync((await users.GetUserAsync(User))!.Email!, cancellationToken);
        subscriber.QuarterlyLetter = input.QuarterlyLetter;
        subscriber.Flashmails = input.Flashmails;
        subscriber.TrainingAnnouncements = input.TrainingAnnouncements;
        subscriber.UnsubscribedAt = input.Subscribed ? null : subscriber.UnsubscribedAt ?? clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Vos préférences sont enregistrées.";
        return Redirect(LetterLinks.Preferences);
    }

    private Task<MailSubscriber?> FindAsync(string token, CancellationToken cancellationToken) =>
        token.Length is < 20 or > 64 ? Task.FromResult<MailSubscriber?>(null) : db.MailSubscribers.SingleOrDefaultAsync(s => s.Token == token, cancellationToken);
}

public sealed record UnsubscribePage(string Token, string? Address, bool Unsubscribed, bool Done);

public sealed class PreferencesInput
{
    [System.ComponentModel.DataAnnotations.Display(Name = "La lettre trimestrielle")]
    public bool QuarterlyLetter { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Les flashmails (informations courtes et ciblées)")]
    public bool Flashmails { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Les annonces de formations")]
    public bool TrainingAnnouncements { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Recevoir des courriels d'information de la CPTS")]
    public bool Subscribed { get; set; }
}
