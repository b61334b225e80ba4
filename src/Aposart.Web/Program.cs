using Aposart.Web.Configuration;
using Aposart.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddAposartLogging();
builder.Services.Configure<CptsOptions>(builder.Configuration.GetSection(CptsOptions.Section));
builder.Services
    .AddAposartData(builder.Configuration)
    .AddAposartIdentity(builder.Configuration)
    .AddAposartMail(builder.Configuration)
    .AddAposartSettings(builder.Configuration)
    .AddAposartSecurity(builder.Configuration)
    .AddAposartMvc(builder.Configuration)
    .AddAposartHosting(builder.Configuration)
    .AddAposartFeatures(builder.Configuration);

var app = builder.Build();
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

await app.PrepareDatabaseAsync();
await app.LoadSettingsAsync();

app.UseAposartHosting();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/erreur/500");
    app.UseHsts();
}
else
{
    app.UseDeveloperExceptionPage();
}
app.UseAposartSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/erreur/{0}");
app.UseAposartRequestLogging();
app.UseMiddleware<DatabaseUnavailableMiddleware>();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<Aposart.Web.Features.Account.StaffTwoFactorMiddleware>();
app.UseOutputCache();
app.MapStaticAssets();
app.MapHealthChecks("/health");
app.MapControllers().WithStaticAssets();
await app.RunAsync();
return 0;

public partial class Program;
