using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Aposart.Web.Infrastructure.Web;

public sealed class PublicPageCacheOptions
{
    public const string Section = "PublicPageCache";

    /// <summary>
    /// How long an anonymous visitor may be shown a stored page. Changes made through this instance evict the pages at
    /// once; this bounds what the clock changes (an article dated today, a closed registration) and what another instance
    /// on the same database changed. 0 turns the cache off.
    /// </summary>
    public int Seconds { get; set; } = 60;
}

/// <summary>
/// The public pages are the same for every anonymous visitor, and most requests are anonymous: rendered once, they are
/// served from memory until the data they show changes. Only what can be shared is stored: no signed-in request, no
/// response that sets a cookie or says no-store (a page with a form carries its visitor's antiforgery token, and the
/// antiforgery system marks it no-store), and no request carrying a flash message.
/// </summary>
public sealed class PublicPageCache(IOptions<PublicPageCacheOptions> options) : IOutputCachePolicy
{
    public const string PolicyName = "PublicPage";
    public const string Tag = "public";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var request = context.HttpContext.Request;
        var seconds = options.Value.Seconds;
        var shareable = seconds > 0
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && context.HttpContext.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && !request.Cookies.ContainsKey(CookieTempDataProvider.CookieName);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = shareable;
        context.AllowCacheStorage = shareable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(Math.Max(seconds, 1));
        context.CacheVaryByRules.QueryKeys = "*";
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase) || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Evicts the stored public pages after a write to a table they may show: through SaveChanges, and through the
/// ExecuteUpdate/ExecuteDelete and raw SQL commands that bypass it (ending a crisis, deleting an article, the outbox
/// closing a campaign). Inside a transaction, eviction waits for the commit: evicting earlier would let a visitor's
/// request store the old rows again. Tables no public page reads are listed so that mail and sign-ins do not empty the cache.
/// </summary>
public sealed partial class PublicPageEviction(IOutputCacheStore store) : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<string> PrivateTables = new(StringComparer.Ordinal)
    {
        "users", "user_tokens", "user_logins", "user_claims", "user_roles", "data_protection_keys",
        "outbox_messages", "mail_subscribers", "contact_messages", "membership_reminders", "snp_slots", "compensation_entries",
        "shift_signups", "survey_answers", "topic_votes", "topic_suggestions", "campaign_approvals", "campaign_events", "action_comments",
    };

    private bool saving;
    private bool savingTouchesPublic;
    private bool pendingCommit;

    public static bool IsPublicTable(string? table) => table is not null && !PrivateTables.Contains(table);

    // Judged before the save, while the entries still say what they are: afterwards they are all Unchanged.
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeginSave(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        BeginSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EndSave(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EndSave(eventData.Context);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => saving = savingTouchesPublic = false;

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        saving = savingTouchesPublic = false;
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        AfterCommand(command, result).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await AfterCommand(command, result);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed().AsTask().GetAwaiter().GetResult();

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await Committed();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => pendingCommit = false;

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        pendingCommit = false;
        return Task.CompletedTask;
    }

    private void BeginSave(DbContext? context)
    {
        saving = true;
        savingTouchesPublic = context is not null && context.ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsPublicTable(e.Metadata.GetTableName()));
    }

    private ValueTask EndSave(DbContext? context)
    {
        var touched = savingTouchesPublic;
        saving = savingTouchesPublic = false;
        return touched ? Written(context?.Database.CurrentTransaction is not null) : ValueTask.CompletedTask;
    }

    private ValueTask AfterCommand(DbCommand command, int rows)
    {
        // SaveChanges' own commands are judged by their entities above; these are the writes that bypass it.
        if (saving || rows == 0)
        {
            return ValueTask.CompletedTask;
        }
        var target = WriteTarget().Match(command.CommandText);
        return target.Success && IsPublicTable(target.Groups["table"].Value) ? Written(command.Transaction is not null) : ValueTask.CompletedTask;
    }

    private ValueTask Written(bool inTransaction)
    {
        if (inTransaction)
        {
            pendingCommit = true;
            return ValueTask.CompletedTask;
        }
        return store.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None);
    }

    private ValueTask Committed()
    {
        if (!pendingCommit)
        {
            return ValueTask.CompletedTask;
        }
        pendingCommit = false;
        return store.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None);
    }

    [GeneratedRegex("""^\s*(?:UPDATE|DELETE\s+FROM|INSERT\s+INTO)\s+"?(?<table>[a-z_][a-z0-9_]*)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex WriteTarget();
}
