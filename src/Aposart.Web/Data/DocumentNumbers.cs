using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data;

/// <summary>
/// Sequential numbers per year for receipts and certificates. The counter row stays locked until the caller's
/// transaction commits, so two numbers are never the same and a rolled-back request leaves no gap.
/// </summary>
public static class DocumentNumbers
{
    public const string Receipt = "receipt";
    public const string Certificate = "certificate";

    public static async Task<int> NextAsync(AposartDbContext db, int year, string kind, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Document numbers must be taken inside the transaction that uses them.");
        }
        var numbers = await db.Database.SqlQuery<int>($"""
            INSERT INTO document_counters (year, kind, last_number) VALUES ({year}, {kind}, 1)
            ON CONFLICT (year, kind) DO UPDATE SET last_number = document_counters.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(cancellationToken);
        return numbers.Single();
    }

    public static string FormatReceipt(int year, int number) => $"{year}-R-{number:D4}";

    public static string FormatCertificate(int year, int number) => $"{year}-A-{number:D4}";
}
