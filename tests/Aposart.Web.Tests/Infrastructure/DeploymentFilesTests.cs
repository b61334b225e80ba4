using System.Diagnostics;
using Aposart.Web.Tests.Support;

namespace Aposart.Web.Tests.Infrastructure;

/// <summary>
/// The deployment files as docker-compose and bash read them (no Docker engine runs here: the compose file is parsed and
/// checked, not started). deploy/install.sh itself was run on a Debian 12 machine by hand: see README, "Mettre en production".
/// </summary>
public sealed class DeploymentFilesTests
{
    private static readonly Dictionary<string, string> Production = new()
    {
        ["APOSART_DOMAIN"] = "portail.exemple.fr",
        ["APOSART_DB_PASSWORD"] = "secret-de-test",
    };

    [Fact]
    public async Task The_compose_file_puts_caddy_alone_in_front_on_ports_80_and_443_and_the_portal_behind_it()
    {
        var (exit, output) = await RunAsync("docker-compose", ["-f", "docker-compose.yml", "config"], Production);

        Assert.True(exit == 0, output);
        var services = Sections(output, "services:");
        Assert.Contains("published: 443", services["caddy"]);
        Assert.Contains("published: 80", services["caddy"]);
        Assert.Contains("APOSART_DOMAIN: portail.exemple.fr", services["caddy"]);
        Assert.DoesNotContain("published", services["web"]);
        Assert.DoesNotContain("published", services["db"]);
        Assert.Contains("Cpts__PublicUrl: https://portail.exemple.fr", services["web"]);
        Assert.Contains("Proxy__KnownNetworks__0: 172.28.0.0/16", services["web"]);
        Assert.Contains("subnet: 172.28.0.0/16", output);
        Assert.Contains("backup --dir /backups", services["backup"]);
    }

    [Fact]
    public async Task The_compose_file_refuses_to_start_without_a_domain_or_a_database_password()
    {
        var (exit, output) = await RunAsync("docker-compose", ["-f", "docker-compose.yml", "config"], new() { ["APOSART_DOMAIN"] = "portail.exemple.fr" });

        Assert.NotEqual(0, exit);
        Assert.Contains("set APOSART_DB_PASSWORD", output);
    }

    [Fact]
    public async Task The_local_compose_file_keeps_plain_http_on_5080_and_mailpit()
    {
        var (exit, output) = await RunAsync("docker-compose", ["-f", "docker-compose.yml", "-f", "docker-compose.local.yml", "config"],
            new() { ["APOSART_DOMAIN"] = "localhost", ["APOSART_DB_PASSWORD"] = "aposart" });

        Assert.True(exit == 0, output);
        var services = Sections(output, "services:");
        Assert.Contains("published: 5080", services["web"]);
        Assert.Contains("Mail__SmtpHost: mail", services["web"]);
        Assert.Contains("axllent/mailpit", services["mail"]);
    }

    [Theory]
    [InlineData("deploy/install.sh")]
    [InlineData("deploy/aposart-cli")]
    public async Task The_deployment_scripts_are_valid_bash(string script)
    {
        var (exit, output) = await RunAsync("bash", ["-n", script], []);

        Assert.True(exit == 0, output);
    }

    [Fact]
    public void The_service_units_run_the_portal_as_its_own_user_with_the_settings_file_and_restart_it()
    {
        var service = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy/aposart.service"));
        var backup = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy/aposart-backup.service"));
        var timer = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy/aposart-backup.timer"));

        Assert.Contains("User=aposart", service);
        Assert.Contains("EnvironmentFile=/etc/aposart/aposart.env", service);
        Assert.Contains("Restart=on-failure", service);
        Assert.Contains("--urls http://127.0.0.1:5080", service);
        Assert.Contains("backup --dir /var/backups/aposart", backup);
        Assert.Contains("Persistent=true", timer);
        Assert.Contains("reverse_proxy 127.0.0.1:5080", File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy/Caddyfile")));
    }

    /// <summary>The indented blocks under a top-level key: each service's text by its name.</summary>
    private static Dictionary<string, string> Sections(string yaml, string topKey)
    {
        var lines = yaml.Split('\n');
        var start = Array.IndexOf(lines, topKey);
        var sections = new Dictionary<string, string>();
        string? current = null;
        foreach (var line in lines.Skip(start + 1))
        {
            if (line.Length > 0 && line[0] != ' ')
            {
                break;
            }
            if (line.StartsWith("  ", StringComparison.Ordinal) && line.Length > 2 && line[2] != ' ')
            {
                current = line.Trim().TrimEnd(':');
                sections[current] = "";
            }
            else if (current is not null)
            {
                sections[current] += line.Trim() + "\n";
            }
        }
        return sections;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string command, string[] args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(command) { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Remove("APOSART_DOMAIN");
        info.Environment.Remove("APOSART_DB_PASSWORD");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
