using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Aposart.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AposartDbContext>
{
    public AposartDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AposartDbContext>();
        AposartDbContext.Configure(builder, "Host=127.0.0.1;Database=aposart_design;Username=aposart;Password=aposart");
        return new AposartDbContext(builder.Options);
    }
}
