using Aposart.Web.Domain;
using Aposart.Web.Tests.Features.Trainings;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Tests.Security;

/// <summary>Names and subjects end up in mail headers: a line break in them is refused at the form, next to the field.</summary>
public sealed class HeaderInjectionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Injected = "Jean\r\nBcc: pirate@exemple.invalid";

    [Fact]
    public async Task A_line_break_in_a_name_at_registration_is_refused_next_to_the_field_and_no_mail_leaves()
    {
        var email = PortalFactory.NewEmail("entete");
        var page = await portal.NewBrowser().FillAsync("/compte/inscription", new Dictionary<string, string>
        {
            ["FirstName"] = Injected, ["LastName"] = "Martin", ["Email"] = email,
            ["Password"] = PortalFactory.Password, ["ConfirmPassword"] = PortalFactory.Password, ["AcceptPrivacy"] = "true",
        });
        Assert.Contains("une seule ligne", page.ErrorFor("FirstName"));
        Assert.Equal("Martin", page.ValueOf("LastName"));
        Assert.Empty(await portal.Smtp.MessagesToAsync(email, timeout: TimeSpan.FromSeconds(1)));
        Assert.Empty(await portal.Smtp.MessagesToAsync("pirate@exemple.invalid", timeout: TimeSpan.Zero));
    }

    [Fact]
    public async Task A_line_break_in_a_letter_subject_or_a_contact_name_is_refused_and_an_invisible_character_too()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var letter = await coordinator.FillAsync("/gestion/lettres/nouvelle", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(CampaignKind.Flashmail), ["Input.Subject"] = "Rappel\r\nBcc: pirate@exemple.invalid",
            ["Input.Body"] = "Deux lignes\r\nsont permises dans le texte.", ["Input.Audience"] = nameof(AudienceKind.DirectoryProfessionals),
        });
        Assert.Contains("une seule ligne", letter.ErrorFor("Input.Subject"));
        Assert.True(string.IsNullOrEmpty(letter.ErrorFor("Input.Body")), letter.ErrorFor("Input.Body"));

        var contact = await portal.NewBrowser().FillAsync("/contact", new Dictionary<string, string>
        {
            ["Input.Name"] = Injected, ["Input.Email"] = "jeanne@exemple.fr", ["Input.Subject"] = "Sujet\u0007", ["Input.Body"] = "Bonjour,\n\nUne question.",
        });
        Assert.Contains("une seule ligne", contact.ErrorFor("Input.Name"));
        Assert.Contains("caractère invisible", contact.ErrorFor("Input.Subject"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.ContactMessages.CountAsync()));
    }

    [Fact]
    public async Task The_coordinator_messages_the_registrants_of_a_training_and_a_subject_on_two_lines_is_refused()
    {
        var (coordinator, _) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var id = await TrainingSteps.CreateAsync(portal, coordinator, TrainingSteps.Training(portal, "Formation à prévenir"));
        var (member, user, _) = await TrainingSteps.MemberAsync(portal, "Prévenue");
        await TrainingSteps.RegisterAsync(member, id);

        var manage = await coordinator.GetAsync($"/gestion/formations/{id}");
        var refused = await coordinator.SubmitAsync(manage, $"/gestion/formations/{id}/message",
            new Dictionary<string, string> { ["subject"] = "Salle\r\nBcc: pirate@exemple.invalid", ["body"] = "La salle change." });
        Assert.Contains("sur une ligne", refused.Text);
        Assert.Equal("La salle change.", refused.Document.QuerySelector("textarea[name='body']")?.TextContent.Trim());

        var sent = await coordinator.SubmitAsync(refused, $"/gestion/formations/{id}/message",
            new Dictionary<string, string> { ["subject"] = "Changement de salle", ["body"] = "La formation a lieu salle B.\n\nÀ bientôt." });
        Assert.Contains("Message envoyé à 1 inscrit(s) sur 1", sent.Text);
        var mail = Assert.Single(await portal.Smtp.MessagesToAsync(user.Email!, atLeast: 2), m => (m.Subject ?? "").EndsWith("Changement de salle", StringComparison.Ordinal));
        Assert.Contains("salle B", mail.TextBody);
        Assert.Empty(await portal.Smtp.MessagesToAsync("pirate@exemple.invalid", timeout: TimeSpan.Zero));
    }
}
