using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Infrastructure.Mail;

/// <summary>A notice is written with the change that causes it: when the notice cannot be written, the change is not saved either.</summary>
public sealed class NoticeAtomicityTests(HookedPortal portal) : IClassFixture<HookedPortal>
{
    [Fact]
    public async Task An_adhesion_decision_whose_notice_cannot_be_written_is_not_saved_and_succeeds_with_its_notice_once_the_outbox_is_back()
    {
        var (_, applicant, membershipId) = await Steps.ApplicantAsync(portal);
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        FailOutboxWrites();
        try
        {
            await Steps.DecideAsync(board, membershipId, "valider");
        }
        finally
        {
            portal.Hook.Disarm();
        }
        Assert.Equal(MembershipStatus.PendingValidation, await StatusAsync(membershipId));
        Assert.False(await portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == applicant.Email)));

        await Steps.DecideAsync(board, membershipId, "valider");
        Assert.NotEqual(MembershipStatus.PendingValidation, await StatusAsync(membershipId));
        var notice = await portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == applicant.Email));
        Assert.StartsWith("Votre adhésion", notice.Subject);
    }

    [Fact]
    public async Task A_contact_message_whose_mail_to_the_cpts_cannot_be_written_is_not_kept_either()
    {
        var visitor = portal.NewBrowser();
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Jeanne Martin", ["Input.Email"] = "jeanne.martin@exemple.fr", ["Input.Subject"] = "Message perdu ?",
            ["Input.Body"] = "Bonjour,\n\nCe message doit partir avec son courriel, ou pas du tout.",
        };
        FailOutboxWrites();
        try
        {
            await visitor.FillAsync("/contact", fields);
        }
        finally
        {
            portal.Hook.Disarm();
        }
        Assert.False(await portal.WithDbAsync(db => db.ContactMessages.AnyAsync(m => m.Subject == "Message perdu ?")));
    }

    /// <summary>The next write into the outbox fails, as a full disk or a lost connection would.</summary>
    private void FailOutboxWrites() =>
        portal.Hook.Arm("INSERT INTO outbox_messages", _ => throw new InvalidOperationException("Injected failure: the outbox cannot be written."));

    private Task<MembershipStatus> StatusAsync(Guid id) => portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());
}
