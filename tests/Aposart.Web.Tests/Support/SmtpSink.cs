using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Aposart.Web.Tests.Support;

/// <summary>
/// The real SMTP server the portal talks to in tests (scripts/smtp-sink.py, on aiosmtpd), one per test run.
/// </summary>
public sealed class SmtpSink
{
    private static readonly Lazy<SmtpSink> Shared = new(Start);

    public static SmtpSink Instance => Shared.Value;

    public int Port { get; }
    public string Directory { get; }
    private readonly Process process;

    private SmtpSink(int port, string directory, Process process)
    {
        Port = port;
        Directory = directory;
        this.process = process;
    }

    /// <summary>The messages delivered to one address, waiting up to <paramref name="timeout"/> for at least <paramref name="atLeast"/>.</summary>
    /// <summary>
    /// What the address received, once at least <paramref name="atLeast"/> messages (matching <paramref name="where"/>, when given)
    /// are there. Test classes run in parallel on one sink: a shared address such as the CPTS's own gets other classes' mail too.
    /// </summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(string address, int atLeast = 1, TimeSpan? timeout = null, Func<MimeMessage, bool>? where = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = new List<MimeMessage>();
            foreach (var file in new DirectoryInfo(Directory).GetFiles("*.eml").OrderBy(f => f.Name))
            {
                var message = await MimeMessage.LoadAsync(file.FullName);
                if (string.Equals(message.Headers["X-Envelope-To"], address, StringComparison.OrdinalIgnoreCase) && (where is null || where(message)))
                {
                    found.Add(message);
                }
            }
            if (found.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return found;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The file of the one message the address received, byte for byte as the server got it (the sink adds X-Envelope-To on top).</summary>
    public async Task<string> SingleFileToAsync(string address, Func<MimeMessage, bool>? where = null)
    {
        Assert.Single(await MessagesToAsync(address, where: where));
        foreach (var file in new DirectoryInfo(Directory).GetFiles("*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file.FullName);
            if (string.Equals(message.Headers["X-Envelope-To"], address, StringComparison.OrdinalIgnoreCase) && (where is null || where(message)))
            {
                return file.FullName;
            }
        }
        throw new InvalidOperationException($"No message to {address}");
    }

    public async Task<MimeMessage> SingleMessageToAsync(string address)
    {
        var messages = await MessagesToAsync(address);
        return Assert.Single(messages);
    }

    private static SmtpSink Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var directory = Path.Combine(Path.GetTempPath(), "aposart-smtp-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(RepoPaths.Root, "scripts", "smtp-sink.py"), "--port", port.ToString(), "--dir", directory })
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        };
        var ready = process.StandardOutput.ReadLine();
        if (ready is null || !ready.Contains("listening", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                "The SMTP sink did not start (install Debian's python3-aiosmtpd, as scripts/test.sh does): " + process.StandardError.ReadToEnd());
        }
        return new SmtpSink(port, directory, process);
    }

    public override string ToString() => $"smtp-sink on {Port} (pid {process.Id})";
}
