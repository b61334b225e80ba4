using System.Net;
using Aposart.Web.Configuration;
using DnsClient;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Infrastructure.Mail;

public enum DnsCheck
{
    NotChecked,
    Present,
    Missing,
    Different,
    Unreachable,
}

/// <summary>A record the CPTS must publish in its DNS so that its mail is trusted, and what the DNS answered.</summary>
public sealed record DnsRecordAdvice(string Purpose, string Name, string Type, string Value, DnsCheck Check = DnsCheck.NotChecked, string? Found = null);

/// <summary>
/// SPF, DKIM and DMARC for the sender's domain, computed from the settings; and, when the server can resolve names,
/// whether they are published. Offline the page still shows what to publish and says it could not check.
/// </summary>
public sealed class MailDns(DkimSigning dkim, IOptions<MailOptions> mail, IOptions<CptsOptions> cpts)
{
    public string Domain => mail.Value.FromAddress.Split('@') is [_, var domain] ? domain.ToLowerInvariant() : "";

    public IReadOnlyList<DnsRecordAdvice> Expected()
    {
        var domain = Domain;
        if (domain.Length == 0)
        {
            return [];
        }
        var spfInclude = mail.Value.SpfInclude.Length > 0 ? $" include:{mail.Value.SpfInclude}" : "";
        var records = new List<DnsRecordAdvice>
        {
            new("SPF : les serveurs autorisés à envoyer pour le domaine", domain, "TXT", $"v=spf1 a mx{spfInclude} ~all"),
        };
        if (dkim.Current is { } key && string.Equals(key.Domain, domain, StringComparison.OrdinalIgnoreCase))
        {
            records.Add(new("DKIM : la clé publique qui vérifie la signature des courriels", $"{key.Selector}._domainkey.{key.Domain}", "TXT", DkimSigning.DnsRecord(key)));
        }
        var reports = cpts.Value.Email.Length > 0 ? $"; rua=mailto:{cpts.Value.Email}" : "";
        records.Add(new("DMARC : la politique à appliquer aux courriels non authentifiés (p=none pour commencer)", $"_dmarc.{domain}", "TXT", $"v=DMARC1; p=none{reports}"));
        return records;
    }

    public async Task<IReadOnlyList<DnsRecordAdvice>> CheckAsync(CancellationToken cancellationToken)
    {
        var expected = Expected();
        var options = mail.Value.DnsServer is { Length: > 0 } server
            ? new LookupClientOptions(IPEndPoint.Parse(server))
            : new LookupClientOptions();
        options.Timeout = TimeSpan.FromSeconds(2);
        options.Retries = 1;
        options.UseCache = false;
        options.ThrowDnsErrors = false;
        LookupClient client;
        try
        {
            client = new LookupClient(options);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or DnsResponseException)
        {
            return [.. expected.Select(r => r with { Check = DnsCheck.Unreachable })];
        }
        var checkedRecords = new List<DnsRecordAdvice>();
        foreach (var record in expected)
        {
            checkedRecords.Add(await CheckAsync(client, record, cancellationToken));
        }
        return checkedRecords;
    }

    private static async Task<DnsRecordAdvice> CheckAsync(LookupClient client, DnsRecordAdvice record, CancellationToken cancellationToken)
    {
        IDnsQueryResponse answer;
        try
        {
            answer = await client.QueryAsync(record.Name, QueryType.TXT, QueryClass.IN, cancellationToken);
        }
        catch (Exception exception) when (exception is DnsResponseException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return record with { Check = DnsCheck.Unreachable };
        }
        if (answer.HasError && answer.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain)
        {
            return record with { Check = DnsCheck.Unreachable };
        }
        var texts = answer.Answers.TxtRecords().Select(t => string.Concat(t.Text)).ToList();
        var prefix = record.Value.Split(';', ' ')[0];
        var same = texts.FirstOrDefault(t => Normalise(t) == Normalise(record.Value));
        if (same is not null)
        {
            return record with { Check = DnsCheck.Present, Found = same };
        }
        var related = texts.FirstOrDefault(t => t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        // SPF and DMARC are the CPTS's own policy: one of the right kind is enough. A DKIM key must be this one.
        return related switch
        {
            null => record with { Check = DnsCheck.Missing },
            _ when prefix != "v=DKIM1" => record with { Check = DnsCheck.Present, Found = related },
            _ => record with { Check = DnsCheck.Different, Found = related },
        };
    }

    private static string Normalise(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).TrimEnd(';').ToLowerInvariant();
}
