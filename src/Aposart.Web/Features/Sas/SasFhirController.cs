using System.Text.Json;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Sas;

/// <summary>
/// The FHIR interface the national SAS platform reads: the slot search, with a key in a header, every call logged. No
/// cookie, no session, no patient data: only the free slots of the doctors asked for.
/// </summary>
[AllowAnonymous, EnableRateLimiting(RateLimitOptions.SasPolicy)]
public sealed class SasFhirController(AposartDbContext db, SasKeys keys, SasSlotBundle bundles, IOptions<SasOptions> options, IOptions<CptsOptions> cpts,
    TimeProvider clock) : Controller
{
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    [HttpGet(SasLinks.FhirSlots)]
    public async Task<IActionResult> Slots(CancellationToken cancellationToken)
    {
        var key = await keys.FindActiveAsync(Request.Headers[options.Value.ApiKeyHeader].ToString(), cancellationToken);
        if (key is null)
        {
            Response.Headers.WWWAuthenticate = $"ApiKey header=\"{options.Value.ApiKeyHeader}\"";
            return await AnswerAsync(null, Outcome(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login,
                $"Clé d'accès absente, inconnue ou révoquée : présentez la clé remise par la CPTS dans l'en-tête {options.Value.ApiKeyHeader}."), 0, cancellationToken);
        }
        if (cpts.Value.Finess.Length == 0)
        {
            return await AnswerAsync(key, Outcome(StatusCodes.Status503ServiceUnavailable, OperationOutcome.IssueType.Incomplete,
                "Le numéro FINESS de la CPTS n'est pas encore renseigné dans les paramètres du portail."), 0, cancellationToken);
        }
        var (query, error) = SasSlotQuery.Parse(Request.Query);
        if (query is null)
        {
            return await AnswerAsync(key, Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, error!), 0, cancellationToken);
        }
        var self = cpts.Value.PublicUrl.TrimEnd('/') + Request.Path + Request.QueryString;
        var (bundle, count) = await bundles.SearchAsync(query, self, cancellationToken);
        return await AnswerAsync(key, (StatusCodes.Status200OK, bundle), count, cancellationToken);
    }

    private static (int Status, Resource Resource) Outcome(int status, OperationOutcome.IssueType type, string message) =>
        (status, new OperationOutcome
        {
            Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = type, Diagnostics = message }],
        });

    /// <summary>Logs the call, then answers in FHIR JSON.</summary>
    private async Task<IActionResult> AnswerAsync(SasKey? key, (int Status, Resource Resource) answer, int slots, CancellationToken cancellationToken)
    {
        var query = Request.QueryString.Value ?? "";
        db.SasRequests.Add(new SasRequest
        {
            SasKeyId = key?.Id, At = clock.GetUtcNow(), Status = answer.Status, Slots = slots, Query = query.Length > 2000 ? query[..2000] : query,
            ClientAddress = HttpContext.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ContentResult
        {
            StatusCode = answer.Status, ContentType = "application/fhir+json; charset=utf-8", Content = JsonSerializer.Serialize(answer.Resource, answer.Resource.GetType(), Fhir),
        };
    }
}
