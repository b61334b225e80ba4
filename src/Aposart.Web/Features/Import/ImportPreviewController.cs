using Aposart.Web.Data;
using Aposart.Web.Domain;
using Aposart.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Features.Import;

public sealed record ReportPage(SpreadsheetImport Import, Paged<SpreadsheetImportLine> Lines, PagerModel Pager, int Eligible, InvitationProgress Progress);

/// <summary>Bringing the members' spreadsheet in, last steps: the dry run with its fixes, the import, its report and the invitations.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator)]
public sealed class ImportPreviewController(AposartDbContext db, SpreadsheetImports imports, ImportReview review, SpreadsheetImportCommit commit,
    ImportInvitations invitations, UserManager<AppUser> users) : Controller
{
    [HttpGet(ImportLinks.PreviewRoute)]
    public async Task<IActionResult> Preview(int id, string? filtre, int page = 1, CancellationToken cancellationToken = default)
    {
        if (await imports.DraftAsync(id, cancellationToken) is not { } import)
        {
            return await db.SpreadsheetImports.AnyAsync(i => i.Id == id, cancellationToken) ? Redirect(ImportLinks.Report(id)) : NotFound();
        }
        if (!ImportSetup.Parse(import.Setup).Confirmed)
        {
            return Redirect(ImportLinks.Mapping(id));
        }
        return View(await review.PreviewAsync(import, filtre == "problemes", page, cancellationToken));
    }

    [HttpPost(ImportLinks.PreviewRoute)]
    public async Task<IActionResult> Correct(int id, string? filtre, int page = 1, CancellationToken cancellationToken = default)
    {
        if (await imports.DraftAsync(id, cancellationToken) is not { } import)
        {
            return NotFound();
        }
        await review.SaveCorrectionsAsync(import, Request.Form, cancellationToken);
        TempData["Message"] = "Corrections enregistrées : l'aperçu ci-dessous en tient compte. Rien n'est encore importé.";
        return Redirect(ImportLinks.Preview(id, filtre == "problemes", page));
    }

    [HttpPost(ImportLinks.CommitRoute)]
    public async Task<IActionResult> Commit(int id, CancellationToken cancellationToken)
    {
        var outcome = await commit.CommitAsync(id, (await users.GetUserAsync(User))!, cancellationToken);
        switch (outcome)
        {
            case null:
                return NotFound();
            case SpreadsheetImportCommit.Done done:
                TempData["Message"] = $"Import terminé : {done.Import.Created} fiche(s) créée(s), {done.Import.Updated} mise(s) à jour, {done.Import.Unchanged} sans changement, {done.Import.Skipped} ligne(s) ignorée(s).";
                return Redirect(ImportLinks.Report(id));
            case SpreadsheetImportCommit.AlreadyDone:
                TempData["Message"] = "Cet import a déjà été fait : voici son compte rendu.";
                return Redirect(ImportLinks.Report(id));
            case SpreadsheetImportCommit.StillBlocked blocked:
                TempData["Error"] = $"Rien n'a été importé : {blocked.Lines} ligne(s) ont encore un problème. Corrigez-les ou ignorez-les.";
                return Redirect(ImportLinks.Preview(id, problemsOnly: true));
            default:
                TempData["Error"] = "Rien n'a été importé : une fiche de l'annuaire a changé pendant l'import. L'aperçu ci-dessous est à jour ; vérifiez-le et importez à nouveau.";
                return Redirect(ImportLinks.Preview(id));
        }
    }

    [HttpPost(ImportLinks.AbandonRoute)]
    public async Task<IActionResult> Abandon(int id, CancellationToken cancellationToken)
    {
        await db.SpreadsheetImports.Where(i => i.Id == id && i.Status == SpreadsheetImportStatus.Draft)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, SpreadsheetImportStatus.Abandoned).SetProperty(i => i.Content, (byte[]?)null), cancellationToken);
        TempData["Message"] = "Import abandonné : rien n'a été écrit, et le fichier a été supprimé du portail.";
        return Redirect(ImportLinks.Index);
    }

    [HttpGet(ImportLinks.ReportRoute)]
    public async Task<IActionResult> Report(int id, int page = 1, CancellationToken cancellationToken = default)
    {
        var import = await db.SpreadsheetImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (import is null)
        {
            return NotFound();
        }
        if (import.Status == SpreadsheetImportStatus.Draft)
        {
            return Redirect(ImportLinks.Preview(id));
        }
        var lines = await db.SpreadsheetImportLines.AsNoTracking().Where(l => l.ImportId == id).OrderBy(l => l.RowNumber).PageAsync(page, 50, cancellationToken);
        return View(new ReportPage(import, lines, lines.Pager(ImportLinks.Report(id)), await invitations.Eligible(id).CountAsync(cancellationToken),
            await invitations.ProgressAsync(id, cancellationToken)));
    }

    [HttpGet(ImportLinks.ReportCsvRoute)]
    public async Task<IActionResult> ReportCsv(int id, CancellationToken cancellationToken)
    {
        var import = await db.SpreadsheetImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.Status == SpreadsheetImportStatus.Committed, cancellationToken);
        if (import is null)
        {
            return NotFound();
        }
        var lines = await db.SpreadsheetImportLines.AsNoTracking().Where(l => l.ImportId == id).OrderBy(l => l.RowNumber).ToListAsync(cancellationToken);
        return CsvExport.File($"import-{id}-compte-rendu.csv", ["Ligne", "Résultat", "Personne", "Détail"],
            lines.Select(l => (IReadOnlyList<string?>)[l.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), OutcomeLabel(l.Outcome), l.Name, l.Details]));
    }

    [HttpPost(ImportLinks.InvitationsRoute)]
    public async Task<IActionResult> Invite(int id, CancellationToken cancellationToken)
    {
        var sent = await invitations.SendAsync(id, (await users.GetUserAsync(User))!, cancellationToken);
        TempData["Message"] = sent is { } count
            ? $"{count} invitation(s) mise(s) en file d'envoi : leur progression s'affiche ci-dessous."
            : "Les invitations de cet import sont déjà parties.";
        return Redirect(ImportLinks.Report(id));
    }

    [HttpGet(ImportLinks.ProgressRoute)]
    public async Task<IActionResult> Progress(int id, CancellationToken cancellationToken)
    {
        var progress = await invitations.ProgressAsync(id, cancellationToken);
        return Json(new { progress.Invited, progress.Sent, progress.Pending, progress.Failed, progress.Claimed, progress.Done });
    }

    public static string OutcomeLabel(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Created => "Créée",
        ImportOutcome.Updated => "Mise à jour",
        ImportOutcome.Unchanged => "Sans changement",
        _ => "Ignorée",
    };
}
