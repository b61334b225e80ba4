using System.Net;
using Aposart.Web.Domain;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Features.Members;

public sealed class BackOfficeAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string[] BackOfficePages =
    [
        "/gestion/adhesions", "/gestion/membres", "/gestion/membres.csv", "/gestion/paiements/nouveau", "/gestion/rgpd", "/gestion/rgpd.csv",
        "/gestion/structures", "/gestion/structures.csv", "/gestion/structures/nouvelle",
    ];

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_from_every_back_office_page()
    {
        var http = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in BackOfficePages)
        {
            var response = await http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
            Assert.StartsWith("/compte/connexion", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Roles.Professional)]
    [InlineData(Roles.Member)]
    public async Task Plain_professionals_and_adherents_get_no_back_office_page(string role)
    {
        var (browser, _) = await portal.SignedInAsync(Roles.Professional, role);
        foreach (var url in BackOfficePages)
        {
            var page = await browser.GetAsync(url);
            Assert.True(page.IsRefused, $"{url}: {page.Status} {page.Url}");
        }
        // Nor can they act by posting straight to the decisions.
        var (_, _, membershipId) = await Steps.ApplicantAsync(portal, "Cible");
        var home = await browser.GetAsync("/espace/profil");
        var token = home.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var post = await browser.PostAsync($"/gestion/adhesions/{membershipId}/valider", [new("__RequestVerificationToken", token), new("Version", "0")]);
        Assert.True(post.IsRefused, $"{post.Status} {post.Url}");
        Assert.Equal(MembershipStatus.PendingValidation, await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.Status).SingleAsync()));
    }

    [Theory]
    [InlineData(Roles.Board)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Admin)]
    public async Task Bureau_coordinator_and_admin_open_every_back_office_page(string role)
    {
        var (browser, _) = await portal.SignedInAsync(Roles.Professional, role);
        foreach (var url in BackOfficePages)
        {
            var page = await browser.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.OK, $"{url}: {page.Status}");
        }
    }

    [Fact]
    public async Task A_member_cannot_read_another_members_receipt_or_certificate_by_id()
    {
        var (alice, _, aliceMembership) = await Steps.ApplicantAsync(portal, "Alice");
        var (bob, _, bobMembership) = await Steps.ApplicantAsync(portal, "Bob");
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        await Steps.DecideAsync(coordinator, aliceMembership, "valider");
        await Steps.DecideAsync(coordinator, bobMembership, "valider");
        await Steps.RecordPaymentAsync(coordinator, "20", aliceMembership);
        await Steps.RecordPaymentAsync(coordinator, "20", bobMembership);
        var bobPayment = await portal.WithDbAsync(db => db.PaymentAllocations.Where(a => a.MembershipId == bobMembership).Select(a => a.PaymentId).SingleAsync());
        var alicePayment = await portal.WithDbAsync(db => db.PaymentAllocations.Where(a => a.MembershipId == aliceMembership).Select(a => a.PaymentId).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, (await alice.Http.GetAsync($"/espace/adhesion/recus/{alicePayment}.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.Http.GetAsync($"/espace/adhesion/recus/{bobPayment}.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.Http.GetAsync($"/espace/adhesion/attestations/{bobMembership}.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bob.Http.GetAsync($"/espace/adhesion/attestations/{bobMembership}.pdf")).StatusCode);
        // The back-office copy of the receipt is not theirs either.
        Assert.NotEqual(HttpStatusCode.OK, (await alice.Http.GetAsync($"/gestion/paiements/{bobPayment}/recu.pdf")).StatusCode);
        Assert.DoesNotContain("Bob", (await alice.GetAsync("/espace/adhesion")).Text);
    }

    [Fact]
    public async Task A_member_cannot_change_another_members_record_through_the_form()
    {
        var (alice, aliceUser) = await portal.SignedInAsync(Roles.Professional);
        await Steps.FillProfileAsync(alice, Steps.Profile(aliceUser.Email!, "Alice"));
        var (bob, bobUser) = await portal.SignedInAsync(Roles.Professional);
        await Steps.FillProfileAsync(bob, Steps.Profile(bobUser.Email!, "Bob"));
        var bobId = await portal.WithDbAsync(db => db.Professionals.Where(p => p.UserId == bobUser.Id).Select(p => p.Id).SingleAsync());

        // Extra fields naming Bob's record are ignored: the profile form only ever edits the signed-in person's own.
        var fields = Steps.Profile(aliceUser.Email!, "Pirate");
        fields["Input.Id"] = bobId.ToString();
        fields["Id"] = bobId.ToString();
        fields["UserId"] = bobUser.Id.ToString();
        await alice.FillAsync("/espace/profil", fields);
        Assert.Equal("Bob", await portal.WithDbAsync(db => db.Professionals.Where(p => p.Id == bobId).Select(p => p.LastName).SingleAsync()));

        var edit = await alice.GetAsync($"/gestion/membres/{bobId}/modifier");
        Assert.True(edit.IsRefused);
    }
}
