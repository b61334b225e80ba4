using Aposart.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Aposart.Web.Data;

/// <summary>The rubric of the members' documents a feature files into by name (meeting papers, minutes), added at the end when missing.</summary>
public static class DocumentCategories
{
    public static async Task<DocumentCategory> NamedAsync(this AposartDbContext db, string name, CancellationToken cancellationToken) =>
        await db.DocumentCategories.SingleOrDefaultAsync(c => c.Name == name, cancellationToken)
        ?? db.DocumentCategories.Add(new DocumentCategory { Name = name, SortOrder = await db.DocumentCategories.CountAsync(cancellationToken) + 1 }).Entity;
}
