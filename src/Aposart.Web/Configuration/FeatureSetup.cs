using Aposart.Web.Data.Seeding;
using Aposart.Web.Features.Adhesion;
using Aposart.Web.Features.Fiches;
using Aposart.Web.Features.Letters;
using Aposart.Web.Features.Memberships;
using Aposart.Web.Features.Trainings;
using Aposart.Web.Infrastructure.Background;
using Aposart.Web.Infrastructure.Pdf;

namespace Aposart.Web.Configuration;

public static class FeatureSetup
{
    /// <summary>The features' own services and background jobs.</summary>
    public static IServiceCollection AddAposartFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MembershipOptions>(configuration.GetSection(MembershipOptions.Section));
        services.Configure<BackgroundJobOptions>(configuration.GetSection(BackgroundJobOptions.Section));
        services.AddSingleton(new PdfFonts(configuration["Pdf:FontDirectory"] ?? "/usr/share/fonts/truetype/dejavu"));
        services.AddSingleton<Features.Settings.SiteIcons>();
        // Projected once: every map of every page draws from the same outlines.
        services.AddSingleton(sp => Infrastructure.Maps.TerritoryMap.FromFile(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CptsOptions>>().Value.TerritoryFile));
        services.Configure<Features.Sas.SasOptions>(configuration.GetSection(Features.Sas.SasOptions.Section));
        services.AddScoped<Features.Sas.SasKeys>().AddScoped<Features.Sas.SasSlotBundle>();
        services.AddPeriodicJob<Features.Sas.SasCallLogRetention>();
        services.AddScoped<Infrastructure.Maps.FirstLineCoverage>().AddScoped<Infrastructure.Maps.TerritoryMaps>();
        services.AddScoped<Features.Operations.StatusReport>();
        services.AddScoped<Features.Register.RegisterImporter>().AddScoped<Features.Register.RegisterCensus>();
        services.AddScoped<Features.Import.ImportPlanner>().AddScoped<Features.Import.SpreadsheetImports>().AddScoped<Features.Import.ImportReview>()
            .AddScoped<Features.Import.SpreadsheetImportCommit>().AddScoped<Features.Import.ImportInvitations>();
        services.AddScoped<DemoSeeder>().AddScoped<DemoDirectorySeeder>().AddScoped<DemoFichesSeeder>().AddScoped<DemoTrainingsSeeder>().AddScoped<DemoLettersSeeder>().AddScoped<DemoCompensationSeeder>().AddScoped<DemoSnpSeeder>().AddScoped<DemoVaccinationSeeder>().AddScoped<DemoNewsSeeder>().AddScoped<DemoDocumentsSeeder>().AddScoped<DemoMeetingsSeeder>();
        services.AddScoped<MembershipDocuments>();
        services.AddScoped<MembershipWorkflow>().AddScoped<PaymentRecorder>();
        services.AddScoped<Features.MyData.PersonalDataExport>().AddScoped<Features.MyData.PersonalDataErasure>();
        services.AddScoped<Features.Home.MemberHome>().AddScoped<Features.Accounts.AccountAdministration>().AddScoped<Features.Accounts.Invitations>();
        services.AddScoped<Features.Settings.SettingsPageBuilder>().AddScoped<Features.Settings.MailTest>().AddScoped<Infrastructure.Settings.FirstRunChecklist>();
        services.AddPeriodicJob<RenewalReminders>();
        services.AddPeriodicJob<Features.Accounts.BureauMandates>()
            .AddScoped<Infrastructure.Association.IBoardComposition>(provider => provider.GetRequiredService<Features.Accounts.BureauMandates>());
        services.AddScoped<IndicatorValues>().AddScoped<FichePdf>();
        services.AddPeriodicJob<IndicatorSnapshots>();
        services.AddScoped<TrainingRegistrar>().AddScoped<TrainingDocuments>().AddScoped<TrainingSurveys>();
        services.AddScoped<Features.Meetings.MeetingConvocation>().AddScoped<Features.Meetings.MeetingAnswers>().AddScoped<Features.Meetings.MeetingVotes>().AddScoped<Features.Meetings.MeetingDocuments>()
            .AddScoped<Features.Meetings.MeetingElections>().AddScoped<Features.Meetings.MeetingMinutes>().AddScoped<Features.Meetings.MeetingTasks>()
            .AddScoped<Features.WorkingGroups.WorkingGroupMembership>().AddScoped<Features.Agenda.PublicRegistrations>()
            .AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Features.Meetings.MeetingManagerHandler>()
            .AddAuthorizationBuilder().AddPolicy(Features.Meetings.MeetingManagerHandler.Policy,
                policy => policy.RequireAuthenticatedUser().AddRequirements(new Features.Meetings.MeetingManagerRequirement()));
        services.AddPeriodicJob<TrainingReminders>();
        services.AddPeriodicJob<Features.Meetings.MeetingReminders>();
        services.AddPeriodicJob<Features.Agenda.PublicRegistrationRetention>();
        services.Configure<LetterOptions>(configuration.GetSection(LetterOptions.Section));
        services.AddScoped<CampaignAudience>().AddScoped<Infrastructure.Mail.IOutboxCampaigns, CampaignDispatch>();
        services.Configure<DashboardOptions>(configuration.GetSection(DashboardOptions.Section));
        services.Configure<AciOptions>(configuration.GetSection(AciOptions.Section));
        services.Configure<CompensationOptions>(configuration.GetSection(CompensationOptions.Section));
        services.AddScoped<Features.Dashboard.DashboardFigures>().AddScoped<Features.Dashboard.ActivityReport>();
        services.AddScoped<Features.Compensation.CompensationStatement>().AddScoped<Features.Compensation.CompensationLedger>().AddScoped<Features.Compensation.MeetingHours>().AddScoped<Features.Snp.SnpSlots>().AddScoped<Features.Vaccination.ShiftRota>();
        services.AddPeriodicJob<Features.Vaccination.ShiftReminders>();
        return services;
    }
}
