using System.Diagnostics;
using System.Net;
using System.Text;

namespace Aposart.Web.Tests.Support;

/// <summary>
/// The portal as a CPTS runs it: `dotnet publish` of the build under test into a temporary folder, started from there
/// in Production on Kestrel (a real socket on the loopback, as behind Caddy on the same host), on its own database.
/// Publishing without building takes a few seconds; it is what puts the pre-compressed static files in wwwroot.
/// </summary>
public sealed class PublishedPortal : IAsyncLifetime
{
    private Process? process;
    private readonly StringBuilder output = new();

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"aposart-published-{Guid.NewGuid():N}");
    public string DatabaseName { get; private set; } = "";
    public Uri Address { get; } = new($"http://127.0.0.1:{FreePorts.Next()}");
    public string Output { get { lock (output) { return output.ToString(); } } }

    public static string Configuration => AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public async Task InitializeAsync()
    {
        DatabaseName = await TestDatabase.CreateAsync();
        await RunAsync("dotnet", ["publish", Path.Combine(RepoPaths.Root, "src/Aposart.Web"), "-c", Configuration, "--no-build", "--nologo", "-v", "quiet", "-o", Folder]);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(Folder, "Aposart.Web.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(Address.ToString().TrimEnd('/'));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Default"] = TestDatabase.ConnectionStringFor(DatabaseName);
        info.Environment["Cpts__PublicUrl"] = "https://portail.exemple.fr";
        info.Environment["Mail__Transport"] = "Smtp";
        info.Environment["Mail__SmtpHost"] = "127.0.0.1";
        info.Environment["Mail__SmtpPort"] = SmtpSink.Instance.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Mail__SmtpSecurity"] = "None";
        info.Environment["BackgroundJobs__Enabled"] = "false";
        info.Environment["RateLimits__AuthPermitLimit"] = "3";
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The published portal did not start:\n{Output}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>A client that decompresses nothing and follows no redirect: the tests read the wire as it is.</summary>
    public HttpClient Client() => new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false }) { BaseAddress = Address };

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        await TestDatabase.DropAsync(DatabaseName);
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    public static async Task RunAsync(string command, string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var run = Process.Start(info)!;
        var stdout = run.StandardOutput.ReadToEndAsync();
        var stderr = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({run.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }

}
