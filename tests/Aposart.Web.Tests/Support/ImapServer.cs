using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Aposart.Web.Tests.Support;

/// <summary>
/// A real IMAP server for the tests: Debian's Dovecot (package dovecot-imapd, installed by scripts/test.sh) started in the
/// foreground on a free loopback port with its own configuration, one mailbox, plain-text login, mail kept as nobody.
/// </summary>
public sealed class ImapServer : IAsyncDisposable
{
    public const string User = "rebonds@cpts.test";
    public const string Password = "mot-de-passe-imap";

    private readonly Process process;
    private readonly string folder;

    public int Port { get; }

    private ImapServer(Process process, string folder, int port) => (this.process, this.folder, Port) = (process, folder, port);

    public static async Task<ImapServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("aposart-imap-").FullName;
        var port = FreePorts.Next();
        Directory.CreateDirectory(Path.Combine(folder, "home"));
        if (!OperatingSystem.IsWindows())
        {
            // Dovecot's own users read the password file, and mail is kept as nobody, who must be able to make its folder.
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(Path.Combine(folder, "home"), (UnixFileMode)0b111_111_111);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "users"), $"{User}:{{PLAIN}}{Password}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "dovecot.conf"), $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            log_path = {{folder}}/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{folder}}/users
            }
            userdb {
              driver = static
              args = uid=65534 gid=65534 home={{folder}}/home/%u
            }
            mail_location = maildir:~/Maildir
            service imap-login {
              inet_listener imap {
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            """);
        var info = new ProcessStartInfo("/usr/sbin/dovecot") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-F", "-c", Path.Combine(folder, "dovecot.conf") })
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("dovecot did not start");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new ImapServer(process, folder, port);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                var log = File.Exists(Path.Combine(folder, "dovecot.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "dovecot.log")) : "";
                throw new InvalidOperationException($"Dovecot did not listen (install Debian's dovecot-imapd, as scripts/test.sh does): {await process.StandardError.ReadToEndAsync()} {log}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

}
