using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Aposart.Web.Tests.Features.Adhesion;

public sealed class PaymentConflictTests(HookedPortal portal) : IClassFixture<HookedPortal>
{
    [Fact]
    public async Task A_membership_changed_while_its_payment_is_recorded_answers_with_the_differences_records_nothing_and_keeps_the_input()
    {
        var (_, _, membershipId) = await Steps.ApplicantAsync(portal);
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        await Steps.DecideAsync(board, membershipId, "valider");
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var fee = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.FeeAmount).SingleAsync());
        var amount = fee.ToString(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

        // Just before the payment's changes reach the database, the bureau terminates the same membership from elsewhere.
        portal.Hook.Arm("UPDATE memberships", async _ =>
        {
            await using var other = new NpgsqlConnection(portal.ConnectionString);
            await other.OpenAsync();
            await using var terminate = new NpgsqlCommand("UPDATE memberships SET status = @status WHERE id = @id", other);
            terminate.Parameters.AddWithValue("status", (int)MembershipStatus.Terminated);
            terminate.Parameters.AddWithValue("id", membershipId);
            await terminate.ExecuteNonQueryAsync();
        });
        Page page;
        try
        {
            page = await Steps.RecordPaymentAsync(coordinator, amount, membershipId);
        }
        finally
        {
            portal.Hook.Disarm();
        }

        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        var error = page.Document.GetElementById("Input_MembershipIds-error")?.TextContent.Trim();
        Assert.NotNull(error);
        Assert.StartsWith("Rien n'a été enregistré : une adhésion a changé entre-temps.", error);
        Assert.Contains($"devenu « {MembershipStatus.Terminated.Label()} »", error);
        Assert.Equal("0001234", page.ValueOf("Input.Reference"));
        Assert.False(await portal.WithDbAsync(db => db.Payments.AnyAsync()));

        // The receipt number the failed attempt drew was rolled back with it: the next payment takes the first number.
        var (_, _, second) = await Steps.ApplicantAsync(portal, "Seconde");
        await Steps.DecideAsync(board, second, "valider");
        await Steps.RecordPaymentAsync(coordinator, amount, second);
        var receipt = await portal.WithDbAsync(db => db.Payments.Select(p => p.ReceiptNumber).SingleAsync());
        Assert.EndsWith("-R-0001", receipt);
    }
}
