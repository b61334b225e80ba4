using System.Globalization;
using Aposart.Web.Configuration;
using Aposart.Web.Data;
using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aposart.Web.Features.Compensation;

/// <summary>
/// Writes declarations and validations under the yearly cap per person. Each takes the lock of its person and year
/// (a PostgreSQL transaction-level advisory lock) before adding up what is already committed, so two declarations or two
/// validations at the same moment are counted one after the other and cannot pass the cap together.
/// </summary>
public sealed class CompensationLedger(AposartDbContext db, IOptions<CompensationOptions> options, TimeProvider clock)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Adds a submitted entry if the year's declared and validated total stays within the cap; otherwise says why, in French.</summary>
    public async Task<string?> AddAsync(CompensationEntry entry, CancellationToken cancellationToken)
    {
        var year = entry.Date.Year;
        var cap = options.Value.For(year).YearlyCapPerPerson;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(entry.ProfessionalId, year, cancellationToken);
        var committed = await db.CompensationEntries
            .Where(e => e.ProfessionalId == entry.ProfessionalId && e.Date.Year == year && e.Status != CompensationStatus.Rejected)
            .SumAsync(e => (decimal?)e.Amount, cancellationToken) ?? 0;
        if (committed + entry.Amount > cap)
        {
            return $"Cette saisie ({entry.Amount.ToString("N2", French)} €) porterait le total {year} à "
                + $"{(committed + entry.Amount).ToString("N2", French)} €, au-delà du plafond annuel de {cap.ToString("N2", French)} € par personne "
                + $"(reste {Math.Max(0, cap - committed).ToString("N2", French)} €).";
        }
        db.CompensationEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Validates a submitted entry within the cap of validated amounts; returns the French message for the page.</summary>
    public async Task<(bool Done, string Message)> ValidateAsync(Guid id, AppUser by, CancellationToken cancellationToken)
    {
        var entry = await db.CompensationEntries.AsNoTracking().SingleAsync(e => e.Id == id, cancellationToken);
        var year = entry.Date.Year;
        var cap = options.Value.For(year).YearlyCapPerPerson;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(entry.ProfessionalId, year, cancellationToken);
        var validated = await db.CompensationEntries
            .Where(e => e.ProfessionalId == entry.ProfessionalId && e.Date.Year == year && e.Status == CompensationStatus.Validated)
            .SumAsync(e => e.Amount, cancellationToken);
        if (validated + entry.Amount > cap)
        {
            return (false, $"Validation impossible : le professionnel a déjà {validated.ToString("N2", French)} € validés en {year} ; "
                + $"cette saisie dépasserait le plafond annuel de {cap.ToString("N2", French)} €. Refusez-la ou demandez une saisie réduite.");
        }
        if (await DecideAsync(id, CompensationStatus.Validated, null, by, cancellationToken) == 0)
        {
            return (false, "Cette saisie a déjà été traitée.");
        }
        await transaction.CommitAsync(cancellationToken);
        return (true, "Saisie validée.");
    }

    /// <summary>Only a submitted entry can be decided, once: the condition makes a second click or a second coordinator a no-op.</summary>
    public Task<int> DecideAsync(Guid id, CompensationStatus status, string? note, AppUser by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.CompensationEntries.Where(e => e.Id == id && e.Status == CompensationStatus.Submitted).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.Status, status).SetProperty(e => e.DecidedAt, now).SetProperty(e => e.DecidedByName, by.NameOrEmail)
            .SetProperty(e => e.DecisionNote, note).SetProperty(e => e.UpdatedAt, now).SetProperty(e => e.UpdatedById, by.Id), cancellationToken);
    }

    private Task LockAsync(Guid professionalId, int year, CancellationToken cancellationToken)
    {
        var key = $"compensation:{professionalId}:{year}";
        return db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
    }
}
