using System.Security.Cryptography;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Sas;

/// <summary>Issues, finds and revokes the keys of the SAS platform; only a key's hash is stored.</summary>
public sealed class SasKeys(AposartDbContext db, TimeProvider clock)
{
    /// <summary>A new key: 32 random bytes, shown once to the Admin who issues it.</summary>
    public async Task<string> IssueAsync(string name, string byName, CancellationToken cancellationToken)
    {
        var secret = "sas_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await AddAsync(name, secret, byName, cancellationToken);
        return secret;
    }

    /// <summary>Stores a key given in full (the demo's, printed by run.sh).</summary>
    public async Task AddAsync(string name, string secret, string byName, CancellationToken cancellationToken)
    {
        db.SasKeys.Add(new SasKey { Name = name, Hash = SasKey.HashOf(secret), Hint = secret[^4..], CreatedAt = clock.GetUtcNow(), CreatedByName = byName });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The active key matching what the caller presented, or null; its last use is noted.</summary>
    public async Task<SasKey?> FindActiveAsync(string? presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > 200)
        {
            return null;
        }
        var hash = SasKey.HashOf(presented.Trim());
        var key = await db.SasKeys.SingleOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
        if (key is not null)
        {
            key.LastUsedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return key;
    }

    public async Task<bool> RevokeAsync(Guid id, string byName, CancellationToken cancellationToken) =>
        await db.SasKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, clock.GetUtcNow()).SetProperty(k => k.RevokedByName, byName), cancellationToken) > 0;

    /// <summary>True once an active key exists: the CPTS is then connected to the SAS, and publishing a slot needs an RPPS number.</summary>
    public Task<bool> IsConnectedAsync(CancellationToken cancellationToken) => db.SasKeys.AnyAsync(k => k.RevokedAt == null, cancellationToken);
}
