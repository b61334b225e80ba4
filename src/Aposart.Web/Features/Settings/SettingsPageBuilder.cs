using System.Security.Claims;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Settings;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Settings;

public sealed record StatutesRow(int Id, StatutesKind Kind, string Label, DateOnly AdoptedOn, bool HasPdf, DateTimeOffset? UploadedAt, string UploadedByName);

public sealed record SettingsPage(
    bool IsAdmin,
    CptsOptions Cpts,
    IdentityInput Identity,
    TextsInput Texts,
    MailSenderInput MailSender,
    string MailServer,
    RulesInput Rules,
    FeesInput Fees,
    IReadOnlyList<MembershipFee> KnownFees,
    CollegesInput Colleges,
    CompensationRatesInput Compensation,
    IReadOnlyDictionary<int, CompensationRates> CompensationYears,
    StatutesInput Statutes,
    IReadOnlyList<StatutesRow> StatutesVersions,
    IReadOnlyList<SettingsVersion> History);

/// <summary>Reads what the settings page shows; the input given back after a refused save replaces its section's values.</summary>
public sealed class SettingsPageBuilder(AposartDbContext db, PortalSettings settings, IOptions<CptsOptions> cpts, IOptions<MailOptions> mail,
    IOptions<MembershipOptions> membership, IOptions<AciOptions> aci, IOptions<Letters.LetterOptions> letters, IOptions<CompensationOptions> compensationOptions,
    TimeProvider clock)
{
    public static readonly string[] HistorySections = ["identity", "texts", "logo", "mail-sender", "rules", "compensation", "fees", "colleges", "mail-test-passed", "territory-checked"];

    public async Task<SettingsPage> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken, IdentityInput? identity = null, TextsInput? texts = null,
        MailSenderInput? mailSender = null, RulesInput? rules = null, FeesInput? fees = null, CollegesInput? colleges = null,
        CompensationRatesInput? compensation = null, StatutesInput? statutes = null)
    {
        var current = cpts.Value;
        var year = clock.GetUtcNow().ToParis().Year;
        var knownFees = await db.MembershipFees.AsNoTracking().OrderByDescending(f => f.Year).ThenBy(f => f.Category).ToListAsync(cancellationToken);
        var collegeNames = await db.Colleges.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync(cancellationToken);
        var statutesRows = await db.StatutesVersions.AsNoTracking().OrderBy(s => s.Kind).ThenByDescending(s => s.AdoptedOn).ThenByDescending(s => s.Id)
            .Select(s => new StatutesRow(s.Id, s.Kind, s.Label, s.AdoptedOn, s.Pdf != null, s.UploadedAt, s.UploadedByName)).ToListAsync(cancellationToken);
        var feeYear = fees?.Year ?? (knownFees.Any(f => f.Year == year) ? year + 1 : year);
        var rates = compensation is null ? compensationOptions.Value.For(year) : null;
        var mailOptions = mail.Value;
        return new SettingsPage(
            user.IsInRole(Roles.Admin),
            current,
            identity ?? IdentityInput.From(current, settings.Get(SettingsSections.Identity)),
            texts ?? TextsInput.From(current),
            mailSender ?? new MailSenderInput { FromName = mailOptions.FromName, FromAddress = mailOptions.FromAddress },
            mailOptions.Transport == MailTransport.Smtp ? $"{mailOptions.SmtpHost}:{mailOptions.SmtpPort}" : "dossier de dépôt (développement)",
            rules ?? new RulesInput { PaymentDueDays = membership.Value.PaymentDueDays, AciSize = aci.Value.Size, RequiredApprovals = letters.Value.RequiredApprovals },
            fees ?? new FeesInput
            {
                Year = feeYear,
                Individual = knownFees.FirstOrDefault(f => f.Year == feeYear && f.Category == FeeCategory.Individual)?.Amount ?? 0,
                Structure = knownFees.FirstOrDefault(f => f.Year == feeYear && f.Category == FeeCategory.Structure)?.Amount ?? 0,
            },
            knownFees,
            colleges ?? new CollegesInput { Lines = string.Join("\n", collegeNames) },
            compensation ?? new CompensationRatesInput
            {
                Year = year,
                WorkingGroupHour = rates!.WorkingGroupHour,
                PreventionHalfDay = rates.PreventionHalfDay,
                YearlyCapPerPerson = rates.YearlyCapPerPerson,
                Envelope = rates.Envelope,
            },
            compensationOptions.Value.Years,
            statutes ?? new StatutesInput { AdoptedOn = DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime) },
            statutesRows,
            await PortalSettings.HistoryAsync(db, HistorySections, 30, cancellationToken));
    }
}
