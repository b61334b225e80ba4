using Aposart.Web.Domain;

namespace Aposart.Web.Tests.Support;

/// <summary>What a professional does in the portal, step by step, through the same forms a person fills.</summary>
public static class Steps
{
    private static int counter = Random.Shared.Next(1_000_000);

    /// <summary>A fresh RPPS number with a right Luhn key, different on every call.</summary>
    public static string NewRpps()
    {
        var body = "10" + Interlocked.Increment(ref counter).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        for (var key = 0; key <= 9; key++)
        {
            if (Luhn(body + key))
            {
                return body + key;
            }
        }
        throw new InvalidOperationException("unreachable");
    }

    public static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>A complete, valid professional record for the profile form; tests override what they try.</summary>
    public static Dictionary<string, string> Profile(string email, string lastName = "Lefèvre") => new()
    {
        ["Input.Civility"] = "Doctor",
        ["Input.FirstName"] = "Hélène",
        ["Input.LastName"] = lastName,
        ["Input.Profession"] = nameof(Profession.GeneralPractitioner),
        ["Input.Rpps"] = NewRpps(),
        ["Input.Email"] = email,
        ["Input.EmailVisibility"] = nameof(Visibility.Members),
        ["Input.SecureMailAddress"] = email.Replace("@", ".mss@", StringComparison.Ordinal),
        ["Input.SecureMailVisibility"] = nameof(Visibility.Hidden),
        ["Input.WebsiteUrl"] = "https://rdv.exemple.fr/" + lastName.ToLowerInvariant(),
        ["Input.WebsiteVisibility"] = nameof(Visibility.Public),
        ["Input.AddressVisibility"] = nameof(Visibility.Public),
        ["Input.PhoneVisibility"] = nameof(Visibility.Members),
        ["Input.AcceptsNewPatients"] = "true",
        ["Input.Languages"] = "anglais, espagnol",
        ["Input.ListedInPublicDirectory"] = "true",
        ["Input.Sites[0].Name"] = "Cabinet des Étangs",
        ["Input.Sites[0].AddressLine"] = "12 rue du Général de Gaulle",
        ["Input.Sites[0].Postcode"] = "78120",
        ["Input.Sites[0].CommuneInsee"] = "78517",
        ["Input.Sites[0].Phone"] = "01 34 83 00 00",
    };

    public static async Task<Page> FillProfileAsync(Browser browser, Dictionary<string, string> fields)
    {
        var page = await browser.FillAsync("/espace/profil", fields);
        Assert.True(page.Document.QuerySelectorAll(".is-invalid").Length == 0, "Profile refused: " + page.FormErrors + page.Text);
        return page;
    }

    /// <summary>Applies for membership: the first collège, the individual fee, by cheque, statutes accepted.</summary>
    public static async Task<Page> ApplyAsync(Browser browser)
    {
        var form = await browser.GetAsync("/espace/adhesion");
        var college = form.Document.QuerySelector("select[name='Input.CollegeId'] option[value]:not([value=''])")!.GetAttribute("value")!;
        return await browser.SubmitAsync(form, "/espace/adhesion", new Dictionary<string, string>
        {
            ["Input.CollegeId"] = college,
            ["Input.FeeCategory"] = nameof(FeeCategory.Individual),
            ["Input.PaymentMethod"] = nameof(PaymentMethod.Cheque),
            ["Input.AcceptStatutes"] = "true",
        });
    }

    /// <summary>A signed-in professional with a complete directory record and a pending application.</summary>
    public static async Task<(Browser Browser, AppUser User, Guid MembershipId)> ApplicantAsync(PortalFactory portal, string lastName = "Lefèvre")
    {
        var (browser, user) = await portal.SignedInAsync(Roles.Professional);
        await FillProfileAsync(browser, Profile(user.Email!, lastName));
        var page = await ApplyAsync(browser);
        Assert.Contains("En attente de validation", page.Text);
        var id = await portal.WithDbAsync(db => Task.FromResult(db.Memberships.Single(m => m.Professional!.UserId == user.Id).Id));
        return (browser, user, id);
    }

    /// <summary>A board member approves from the application page, as in the back office.</summary>
    public static async Task<Page> DecideAsync(Browser board, Guid membershipId, string path, string? message = null)
    {
        var details = await board.GetAsync($"/gestion/adhesions/{membershipId}");
        var fields = new Dictionary<string, string>();
        if (message is not null)
        {
            fields["Message"] = message;
        }
        return await board.SubmitAsync(details, $"/gestion/adhesions/{membershipId}/{path}", fields);
    }

    /// <summary>The coordinator records a payment for these memberships, as the form pre-fills it.</summary>
    public static async Task<Page> RecordPaymentAsync(Browser coordinator, string amount, params Guid[] membershipIds)
    {
        var form = await coordinator.GetAsync("/gestion/paiements/nouveau");
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.Document.QuerySelector("form[action='/gestion/paiements/nouveau'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!),
            new("Input.FormId", form.Document.QuerySelector("input[name='Input.FormId']")!.GetAttribute("value")!),
            new("Input.PaidOn", form.ValueOf("Input.PaidOn")!),
            new("Input.Amount", amount),
            new("Input.Method", nameof(PaymentMethod.Cheque)),
            new("Input.Reference", "0001234"),
        };
        values.AddRange(membershipIds.Select(id => new KeyValuePair<string, string>("Input.MembershipIds", id.ToString())));
        return await coordinator.PostAsync("/gestion/paiements/nouveau", values);
    }
}
