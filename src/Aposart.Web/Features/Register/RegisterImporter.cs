using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Aposart.Web.Features.Register;

/// <summary>
/// Replaces the register with the territory's lines of an extraction, in one transaction: the previous import stays in
/// force until the new one is complete. Lines go to PostgreSQL by COPY as they are read, so memory does not grow with the file.
/// </summary>
public sealed class RegisterImporter(AposartDbContext db, TimeProvider clock)
{
    public async Task<RegisterImport> ImportAsync(Stream file, string fileName, string byName, Action<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var communes = await db.Communes.AsNoTracking().Select(c => new { c.InseeCode, c.Postcodes }).ToListAsync(cancellationToken);
        var codes = communes.Select(c => c.InseeCode).ToHashSet(StringComparer.Ordinal);
        var postcodes = communes.SelectMany(c => c.Postcodes).ToHashSet(StringComparer.Ordinal);
        // The members' national ids: the file says where those outside the territory practise now.
        var year = clock.GetUtcNow().ToParis().Year;
        var watched = (await db.Memberships.AsNoTracking()
                .Where(m => m.Year >= year - 1 && MembershipText.ActiveStatuses.Contains(m.Status) && m.Professional!.Rpps != null && m.Professional.AnonymisedAt == null)
                .Select(m => "8" + m.Professional!.Rpps).Distinct().ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var elsewhere = new SortedSet<string>(StringComparer.Ordinal);
        var import = new RegisterImport { FileName = Path.GetFileName(fileName), FileDate = RppsFile.DateOf(fileName), StartedAt = clock.GetUtcNow(), ByName = byName };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.RegisterImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        long lines = 0;
        var kept = 0;
        using (var reader = RppsFile.Open(file))
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY register_entries (import_id, national_id, last_name, first_name, profession_code, profession_label, specialty_code, " +
            "specialty_label, practice_mode, profession, site, street, postcode, commune_code, commune_name, telephone, email) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var entry in RppsFile.Read(reader, codes, postcodes, read => { lines = read; progress?.Invoke(read); },
                watched, (id, place) => elsewhere.Add($"{id}|{place}")))
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(import.Id, NpgsqlDbType.Integer, cancellationToken);
                foreach (var text in new[] { entry.NationalId, entry.LastName, entry.FirstName, entry.ProfessionCode, entry.ProfessionLabel,
                    entry.SpecialtyCode, entry.SpecialtyLabel, entry.PracticeMode })
                {
                    await copy.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);
                }
                if (entry.Profession is { } profession)
                {
                    await copy.WriteAsync((int)profession, NpgsqlDbType.Integer, cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                }
                foreach (var text in new[] { entry.Site, entry.Street, entry.Postcode, entry.CommuneCode, entry.CommuneName, entry.Telephone, entry.Email })
                {
                    await copy.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);
                }
                kept++;
            }
            await copy.CompleteAsync(cancellationToken);
        }
        // The previous imports and their lines (cascade) give way to this one.
        await db.RegisterImports.Where(i => i.Id != import.Id).ExecuteDeleteAsync(cancellationToken);
        import.LinesRead = lines;
        import.MembersElsewhere = [.. elsewhere];
        import.EntriesKept = kept;
        import.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return import;
    }
}
