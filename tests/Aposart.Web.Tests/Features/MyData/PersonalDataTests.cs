using System.Text.Json;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Aposart.Web.Tests.Features.Letters;
using Aposart.Web.Tests.Features.Trainings;
using Aposart.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Aposart.Web.Tests.Features.MyData;

/// <summary>
/// Every table of the portal, with what it holds of a person; and a person with data in each of those tables, whose export
/// shows all of it and whose erasure leaves their name and address in no column of any table.
/// </summary>
public sealed class PersonalDataTests(QuietOutboxPortal portal) : IClassFixture<QuietOutboxPortal>
{
    /// <summary>
    /// What each table holds of a person. A table added to the model without a line here fails the first test: whoever adds it
    /// decides whether the export and the erasure must cover it.
    /// </summary>
    private static readonly Dictionary<string, string> Tables = new()
    {
        ["users"] = "the account: exported, deleted",
        ["account_audits"] = "changes made to the account: kept without a name; the person's name as the one who acted: anonymised",
        ["invitations"] = "the address and name of an invited person: deleted on erasure; the inviter's name: anonymised",
        ["user_roles"] = "the account's roles: exported, deleted with the account",
        ["user_claims"] = "deleted with the account",
        ["user_logins"] = "deleted with the account",
        ["user_tokens"] = "two-factor keys and recovery codes: deleted with the account",
        ["roles"] = "none",
        ["role_claims"] = "none",
        ["professionals"] = "the directory record: exported, anonymised",
        ["practice_sites"] = "addresses and telephones: exported, deleted",
        ["professional_organisations"] = "structures one belongs to: exported, deleted",
        ["organisations"] = "structures, not people",
        ["memberships"] = "exported; amounts and statuses kept for the accounts, tied to the anonymised record",
        ["membership_events"] = "history: exported; the person's own entries and name anonymised",
        ["membership_reminders"] = "which reminders went out: no name or address",
        ["payments"] = "exported with the memberships; kept for the accounts",
        ["payment_allocations"] = "exported with the memberships; kept for the accounts",
        ["erasure_requests"] = "the register of erasures itself: the reason given, no name",
        ["document_counters"] = "none",
        ["colleges"] = "none",
        ["statutes_versions"] = "the name of who published a version: anonymised",
        ["settings_versions"] = "the name of who changed a setting: anonymised",
        ["bureau_mandates"] = "offices held on the bureau: exported, deleted with the account",
        ["membership_fees"] = "none",
        ["communes"] = "none",
        ["spreadsheet_imports"] = "a members' spreadsheet while it is checked (the file, kept as a draft for a week at most, dropped once imported or abandoned); who uploaded and imported it: staff names, anonymised on erasure",
        ["spreadsheet_import_lines"] = "what an import did with each line (name, outcome): the record's import history, exported with the person's data, anonymised on erasure",
        ["register_imports"] = "who imported the register file: the name of a staff member, kept as the import's author",
        ["register_entries"] = "the State's open register of health professionals (Annuaire Santé), replaced at each import: public data, not the person's portal data, neither exported nor erased (the ANS answers for it)",
        ["action_sheets"] = "none (pilots are in action_sheet_pilots)",
        ["action_sheet_pilots"] = "fiches one pilots: kept, tied to the anonymised record",
        ["action_sheet_partners"] = "structures, not people",
        ["action_steps"] = "none",
        ["budget_lines"] = "none",
        ["indicators"] = "none",
        ["indicator_targets"] = "none",
        ["measurements"] = "who entered a figure: name anonymised",
        ["action_comments"] = "comments: exported; author anonymised",
        ["action_changes"] = "who changed a fiche: name anonymised",
        ["trainings"] = "none",
        ["training_sessions"] = "none",
        ["training_trainers"] = "trainers: name anonymised",
        ["training_registrations"] = "exported; seats to come given back",
        ["session_attendance"] = "exported; who marked it: name anonymised",
        ["training_checklist_items"] = "who ticked an item: name anonymised",
        ["survey_answers"] = "anonymous by design: no link to the person",
        ["topic_suggestions"] = "exported",
        ["topic_votes"] = "exported",
        ["campaigns"] = "the author's name: anonymised",
        ["campaign_approvals"] = "who approved: name anonymised",
        ["campaign_events"] = "who moved a campaign: name anonymised",
        ["campaign_attachments"] = "none",
        ["outbox_messages"] = "every mail sent to the person: exported; address, name and message erased",
        ["mail_subscribers"] = "the person's mail preferences: exported, deleted",
        ["compensation_entries"] = "exported; amounts kept for the accounts, names anonymised",
        ["snp_slots"] = "exported; open slots withdrawn, the place erased",
        ["sas_keys"] = "who issued and revoked a SAS key: the name of an administrator, kept as the key's author (as for the register's imports)",
        ["meetings"] = "who convened a meeting and approved its minutes: names of bureau members, kept as authors; the approved minutes name those present and represented: the association's record, kept as the law on associations asks",
        ["meeting_invitees"] = "a person convened: name, address, collège, answer, proxy, presence: exported, deleted with the account",
        ["resolutions"] = "none (who applied a fee resolution: the name of a bureau member, kept as its author)",
        ["ballots"] = "none: a secret ballot holds the choice alone (and, for a resolution decided per collège, the collège it counts in)",
        ["college_votes"] = "none: each collège's count of a resolution",
        ["ballot_casts"] = "who voted on a resolution, for whom: deleted with the account",
        ["meeting_tasks"] = "a task given to a person in a meeting (their name as written): exported; the name anonymised and the link to the account cleared on erasure, as is the name of who marked a task done",
        ["working_groups"] = "none",
        ["meeting_documents"] = "none (which members' documents are a meeting's papers)",
        ["public_registrations"] = "registrations to public meetings (name, address, profession or usager), with or without an account: those under the account's address exported and deleted with it; every one anonymised a month after the meeting",
        ["working_group_members"] = "the groups a person is in or asked to join: exported, deleted with the account; a lead's name as who accepted someone: anonymised",
        ["candidates"] = "who stood in an election (name as convened) and their votes: deleted with the account, as the convocation they stand from",
        ["sas_requests"] = "the SAS platform's calls: the platform's address and its query (practitioners' public RPPS numbers), no patient data",
        ["vaccination_centres"] = "none",
        ["centre_opening"] = "none",
        ["centre_closure"] = "none",
        ["crisis_alerts"] = "none",
        ["centre_shifts"] = "none",
        ["shift_signups"] = "exported; sign-ups to come cancelled",
        ["contact_messages"] = "messages sent through the contact form: exported, deleted",
        ["articles"] = "none",
        ["document_categories"] = "none",
        ["member_documents"] = "none (the PDF of approved minutes, published here, is the association's record of a meeting)",
        ["document_versions"] = "who uploaded a version: name anonymised",
        ["data_protection_keys"] = "none",
    };

    [Fact]
    public async Task Every_table_of_the_model_is_listed_with_what_it_holds_of_a_person()
    {
        var tables = await portal.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().ToHashSet()));
        Assert.Empty(tables.Except(Tables.Keys));
        Assert.Empty(Tables.Keys.Except(tables));
    }

    [Fact]
    public async Task The_export_shows_the_person_in_every_table_that_holds_them_and_erasure_leaves_their_name_and_address_in_no_table()
    {
        var lastName = "Quintavalle" + Guid.NewGuid().ToString("N")[..6];
        var (browser, user, membershipId) = await Steps.ApplicantAsync(portal, lastName);
        var marker = user.Email!.Split('@')[0];
        var (board, _) = await portal.SignedInAsync(Roles.Professional, Roles.Board);
        await Steps.DecideAsync(board, membershipId, "valider");
        var (coordinator, coordinatorUser) = await portal.SignedInAsync(Roles.Professional, Roles.Coordinator);
        var fee = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.FeeAmount).SingleAsync());
        await Steps.RecordPaymentAsync(coordinator, fee.ToString(System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), membershipId);
        var professionalId = await portal.WithDbAsync(db => db.Professionals.Where(p => p.UserId == user.Id).Select(p => p.Id).SingleAsync());

        // Trainings: a registration, a topic proposed and voted, and a training they give.
        var trainingId = await TrainingSteps.CreateAsync(portal, coordinator, TrainingSteps.Training(portal, "Plaies chroniques", capacity: 5));
        await TrainingSteps.RegisterAsync(browser, trainingId);
        await browser.SubmitAsync(await browser.GetAsync("/espace/formations"), "/espace/formations/sujets", new Dictionary<string, string> { ["title"] = "Prise en charge des ulcères" });
        // Compensation, declared by the person (who is then "recorded by").
        var fiche = await portal.WithDbAsync(async db =>
        {
            var sheet = new ActionSheet { Number = 500, Title = "Fiche plaies", Mission = AciMission.QualityOfCare };
            db.ActionSheets.Add(sheet);
            db.TrainingTrainers.Add(new TrainingTrainer { TrainingId = trainingId, ProfessionalId = professionalId, Name = $"Hélène {lastName}" });
            var centre = new VaccinationCentre { Name = "Centre de la salle des fêtes", Address = "Place de la mairie" };
            var shift = new CentreShift { Centre = centre, Date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)), Starts = new TimeOnly(9, 0), Ends = new TimeOnly(12, 0), Role = ShiftRole.Doctor, Needed = 2 };
            db.CentreShifts.Add(shift);
            db.ShiftSignups.Add(new ShiftSignup { Shift = shift, ProfessionalId = professionalId, SignedAt = DateTimeOffset.UtcNow });
            db.SnpSlots.Add(new SnpSlot { ProfessionalId = professionalId, Place = "Cabinet des Étangs, 12 rue du Général de Gaulle", StartsAt = DateTimeOffset.UtcNow.AddDays(2), DurationMinutes = 20, Status = SnpSlotStatus.Open });
            db.SnpSlots.Add(new SnpSlot { ProfessionalId = professionalId, Place = "Cabinet des Étangs, 12 rue du Général de Gaulle", StartsAt = DateTimeOffset.UtcNow.AddDays(-2), DurationMinutes = 20, Status = SnpSlotStatus.Given, GivenAt = DateTimeOffset.UtcNow.AddDays(-3), GivenReference = "REG-1" });
            await db.SaveChangesAsync();
            db.ActionComments.Add(new ActionComment { ActionSheetId = sheet.Id, AuthorId = user.Id, AuthorName = $"Hélène {lastName}", Text = "Je peux animer l'atelier.", At = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return sheet.Id;
        });
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToParis().DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var declared = await browser.SubmitAsync(await browser.GetAsync("/espace/indemnisation"), "/espace/indemnisation/saisie", new Dictionary<string, string>
        {
            ["Input.ActionSheetId"] = fiche.ToString(), ["Input.Date"] = today, ["Input.Kind"] = nameof(CompensationKind.WorkingGroupHours), ["Input.Quantity"] = "1",
        });
        Assert.Contains("Saisie enregistrée", declared.Text);
        // Mail: a flashmail to their profession (a campaign row and a subscriber), the decision's notice, and a contact message.
        await LetterSteps.DueCampaignAsync(portal, AudienceKind.Professions, Profession.GeneralPractitioner);
        await LetterSteps.DrainAsync(portal);
        await portal.NewBrowser().FillAsync("/contact", new Dictionary<string, string>
        {
            ["Input.Name"] = $"Hélène {lastName}", ["Input.Email"] = user.Email!, ["Input.Subject"] = "Question de " + lastName, ["Input.Body"] = "Bonjour, une question.",
        });

        using (var json = JsonDocument.Parse(await browser.Http.GetStringAsync("/espace/mes-donnees/export.json")))
        {
            var root = json.RootElement;
            var professional = root.GetProperty("professional");
            Assert.Equal(lastName, professional.GetProperty("LastName").GetString());
            Assert.Equal("Plaies chroniques", professional.GetProperty("trainings")[0].GetProperty("Title").GetString());
            Assert.Equal(1, professional.GetProperty("compensation").GetArrayLength());
            Assert.Equal(2, professional.GetProperty("snpSlots").GetArrayLength());
            Assert.Equal(1, professional.GetProperty("vaccinationShifts").GetArrayLength());
            Assert.Equal("Je peux animer l'atelier.", root.GetProperty("ficheComments")[0].GetProperty("Text").GetString());
            var subjects = root.GetProperty("mails").EnumerateArray().Select(m => m.GetProperty("subject").GetString()).ToList();
            Assert.Contains("Essai de l'envoi", subjects);
            Assert.Contains(subjects, s => s!.StartsWith("Votre adhésion", StringComparison.Ordinal));
            Assert.Equal(1, root.GetProperty("mailPreferences").GetArrayLength());
            Assert.Equal("Question de " + lastName, root.GetProperty("contactMessages")[0].GetProperty("Subject").GetString());
        }
        Assert.NotEmpty(await FindAsync(lastName));
        Assert.NotEmpty(await FindAsync(marker));

        var erased = await browser.SubmitAsync(await browser.GetAsync("/espace/mes-donnees"), "/espace/mes-donnees/effacement",
            new Dictionary<string, string> { ["Password"] = PortalFactory.Password, ["Confirm"] = "true" });
        Assert.Contains("Vos données ont été effacées", erased.Text);

        Assert.Empty(await FindAsync(lastName));
        Assert.Empty(await FindAsync(marker));
        // What the accounts and the indicators need stays, without the person.
        Assert.Equal(fee, await portal.WithDbAsync(db => db.PaymentAllocations.Where(a => a.MembershipId == membershipId).SumAsync(a => a.Amount)));
        Assert.Equal(1, await portal.WithDbAsync(db => db.SnpSlots.CountAsync(s => s.ProfessionalId == professionalId)));
        Assert.Equal(1, await portal.WithDbAsync(db => db.CompensationEntries.CountAsync(e => e.ProfessionalId == professionalId)));
        Assert.NotNull(await portal.WithDbAsync(db => db.ShiftSignups.Where(s => s.ProfessionalId == professionalId).Select(s => s.CancelledAt).SingleAsync()));
        Assert.True(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == coordinatorUser.Id)), "only the person is erased");
    }

    /// <summary>Every column of every table that holds text or bytes, and the ones where the string is found (case ignored).</summary>
    private async Task<List<string>> FindAsync(string value)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand("""
            SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'bytea', 'jsonb', 'ARRAY')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        var found = new List<string>();
        foreach (var (table, column, type) in columns.Where(c => c.Table != "ef_migrations_history"))
        {
            var condition = type == "bytea" ? $"position(convert_to(@value, 'UTF8') in \"{column}\") > 0" : $"\"{column}\"::text ILIKE '%' || @value || '%'";
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" WHERE {condition}", connection);
            count.Parameters.AddWithValue("value", value);
            if ((long)(await count.ExecuteScalarAsync())! > 0)
            {
                found.Add($"{table}.{column}");
            }
        }
        return found;
    }
}
