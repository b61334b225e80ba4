using System.Net.Sockets;
using Npgsql;

namespace Aposart.Web.Infrastructure.Web;

/// <summary>
/// Turns a lost database into a French 503 page instead of a 500. Npgsql's pool reconnects on its own,
/// so the portal recovers at the first request after the database is back, without a restart.
/// </summary>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next, IWebHostEnvironment environment, ILogger<DatabaseUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (IsDatabaseOutage(exception) && !context.Response.HasStarted)
        {
            logger.LogError(exception, "Database unavailable while serving {Path}", context.Request.Path);
            // Pooled connections to the lost server are all dead: drop them so the first request after it returns succeeds.
            NpgsqlConnection.ClearAllPools();
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "30";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(environment.WebRootFileProvider.GetFileInfo("errors/503.html"));
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.CharacterNotInRepertoire && !context.Response.HasStarted)
        {
            // Text PostgreSQL cannot store (a NUL byte typed into a form or a query string): the request is malformed, not the portal.
            logger.LogWarning("Malformed text in a request to {Path}: {Message}", context.Request.Path, exception.MessageText);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException exception) when (!context.Response.HasStarted)
        {
            // Two people acted on the same row at once (deleted twice, edited over each other) and the action had no kinder answer of its own.
            logger.LogWarning("Concurrent change of {Entities} in a request to {Path}", string.Join(", ", exception.Entries.Select(e => e.Metadata.ClrType.Name)), context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status409Conflict;
        }
    }

    public static bool IsDatabaseOutage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                    return true;
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }:
                    return true;
            }
        }
        return false;
    }
}
