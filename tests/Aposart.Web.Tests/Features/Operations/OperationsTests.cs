using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Features.Operations;
using Aposart.Web.Infrastructure.Backup;
using Aposart.Web.Infrastructure.Mail;
using Aposart.Web.Infrastructure.Settings;
using Aposart.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Aposart.Web.Tests.Features.Operations;

/// <summary>A portal whose DNS checks ask a server that does not answer: the page must say it could not check.</summary>
public sealed class OfflineDnsPortal : PortalFactory
{
    public OfflineDnsPortal() => With("Mail:DnsServer", $"127.0.0.1:{ClosedUdpPort()}");

    private static int ClosedUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }
}

public sealed class OperationsTests(OfflineDnsPortal portal) : IClassFixture<OfflineDnsPortal>
{
    [Fact]
    public async Task A_generated_dkim_key_signs_every_mail_and_an_independent_verifier_accepts_the_signature_with_the_record_the_page_shows()
    {
        var (admin, user) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var page = await admin.GetAsync(OperationsLinks.Status);
        Assert.Contains("Aucune clé", page.Text);

        var created = await admin.SubmitAsync(page, OperationsLinks.DkimKey, new Dictionary<string, string> { ["DkimInput.Selector"] = "cpts2026" });

        var record = created.Document.QuerySelectorAll("#dns tbody tr").Single(row => row.TextContent.Contains("cpts2026._domainkey.demo.aposart.fr"));
        var txt = record.QuerySelectorAll("code")[1].TextContent;
        Assert.StartsWith("v=DKIM1; k=rsa; p=MII", txt);
        // Straight through the SMTP connection (the settings' test mail)…
        await admin.SubmitAsync(await admin.GetAsync(Web.Features.Settings.SettingsLinks.Index), Web.Features.Settings.SettingsLinks.MailTest, new Dictionary<string, string>());
        var direct = await portal.Smtp.SingleFileToAsync(user.Email!, m => m.Subject == "Courriel de test du portail");
        // …and through the outbox, as every notice and letter goes.
        using (var scope = portal.Services.CreateScope())
        {
            var mailer = scope.ServiceProvider.GetRequiredService<PortalMailer>();
            mailer.Queue(user.Email!, "Destinataire", "Avis signé", ["Un paragraphe accentué : été, à bientôt."], null);
            await scope.ServiceProvider.GetRequiredService<AposartDbContext>().SaveChangesAsync();
        }
        var queued = await portal.Smtp.SingleFileToAsync(user.Email!, m => m.Subject == "Avis signé");

        foreach (var file in new[] { direct, queued })
        {
            var message = await MimeMessage.LoadAsync(file);
            var signature = message.Headers[HeaderId.DkimSignature];
            Assert.Contains("d=demo.aposart.fr", signature);
            Assert.Contains("s=cpts2026", signature);
            Assert.True(await new DkimVerifier(new FixedKey(txt)).VerifyAsync(message, message.Headers[message.Headers.IndexOf(HeaderId.DkimSignature)]));
            Assert.Equal("True", await DkimPyAsync(file, "cpts2026._domainkey.demo.aposart.fr.", txt));
        }
        // The verifier can say no: one word changed in the body breaks the signature.
        var tampered = Path.GetTempFileName();
        var raw = await File.ReadAllTextAsync(queued);
        await File.WriteAllTextAsync(tampered, raw.Replace("paragraphe", "paragraffe", StringComparison.Ordinal).Replace("cGFyYWdyYXBoZ", "cGFyYWdyYWZmZ", StringComparison.Ordinal));
        Assert.NotEqual(raw, await File.ReadAllTextAsync(tampered));
        Assert.Equal("False", await DkimPyAsync(tampered, "cpts2026._domainkey.demo.aposart.fr.", txt));
        File.Delete(tampered);
    }

    [Fact]
    public async Task A_bad_selector_is_refused_next_to_the_field_and_what_was_typed_stays()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        var page = await admin.GetAsync(OperationsLinks.Status);

        var refused = await admin.SubmitAsync(page, OperationsLinks.DkimKey, new Dictionary<string, string>
        {
            ["DkimInput.Selector"] = "Mon Sélecteur !",
            ["DkimInput.Domain"] = "pas un domaine",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Lettres minuscules, chiffres et tirets seulement", refused.Find("#DkimInput_Selector-error")!.TextContent);
        Assert.Contains("Saisissez un nom de domaine", refused.Find("#DkimInput_Domain-error")!.TextContent);
        Assert.Equal("Mon Sélecteur !", refused.ValueOf("DkimInput.Selector"));
    }

    [Fact]
    public async Task The_health_page_turns_red_when_the_last_backup_is_older_than_two_days()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        Assert.Contains("Aucune sauvegarde n'a été faite", (await admin.GetAsync(OperationsLinks.Status)).Find("#sauvegardes")!.TextContent);

        await RecordBackupAsync(portal.Clock.GetUtcNow().AddHours(-49));
        var late = await admin.GetAsync(OperationsLinks.Status);
        await RecordBackupAsync(portal.Clock.GetUtcNow().AddHours(-3));
        var recent = await admin.GetAsync(OperationsLinks.Status);

        Assert.Contains("plus de 48 heures", late.Find("#sauvegardes .alert-danger")!.TextContent);
        Assert.Contains("/var/backups/aposart/aposart-test.dump", recent.Find("#sauvegardes .alert-success")!.TextContent);
    }

    [Fact]
    public async Task Mail_given_up_in_the_last_day_is_listed_with_the_servers_answer()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AposartDbContext>();
            var now = portal.Clock.GetUtcNow();
            db.OutboxMessages.Add(new OutboxMessage
            {
                ToAddress = PortalFactory.NewEmail("abandon"), ToName = "X", Subject = "Avis", Status = OutboxStatus.Failed, Attempts = 8,
                CreatedAt = now.AddHours(-5), NextAttemptAt = now.AddHours(-1), LastError = "550 5.1.1 Boîte inconnue chez le destinataire",
            });
            await db.SaveChangesAsync();
        }

        var page = await admin.GetAsync(OperationsLinks.Status);

        Assert.Contains("550 5.1.1 Boîte inconnue chez le destinataire", page.Find("#courriels")!.TextContent);
    }

    [Fact]
    public async Task Without_an_answering_dns_server_the_page_shows_the_records_to_publish_and_says_it_could_not_check()
    {
        var (admin, _) = await portal.SignedInAsync(Roles.Professional, Roles.Admin);

        var page = await admin.GetAsync(OperationsLinks.Status);

        var dns = page.Find("#dns")!.TextContent;
        Assert.Contains("n'a pas pu interroger le DNS", dns);
        Assert.Contains("v=spf1 a mx ~all", dns);
        Assert.Contains("_dmarc.demo.aposart.fr", dns);
    }

    private async Task RecordBackupAsync(DateTimeOffset at)
    {
        using var scope = portal.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PortalSettings>().SaveAsync(scope.ServiceProvider.GetRequiredService<AposartDbContext>(),
            DatabaseBackup.LastBackup, new BackupRecord(at, "/var/backups/aposart/aposart-test.dump", 12_345_678), null, "Sauvegarde");
    }

    /// <summary>dkimpy (Debian's python3-dkim), with its DNS lookup answered by the record the page told us to publish.</summary>
    private static async Task<string> DkimPyAsync(string file, string name, string txt)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("""
            import sys, dkim
            name, txt, path = sys.argv[1], sys.argv[2], sys.argv[3]
            def lookup(asked, timeout=5):
                return txt.encode() if asked.decode() == name else None
            print(dkim.verify(open(path, 'rb').read(), dnsfunc=lookup))
            """);
        info.ArgumentList.Add(name);
        info.ArgumentList.Add(txt);
        info.ArgumentList.Add(file);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return output.Trim();
    }

    private sealed class FixedKey(string txt) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            GetPublicKey(txt);

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(GetPublicKey(txt));
    }
}
