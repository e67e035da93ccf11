using CodeCrafts.Data;
using CodeCrafts.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Infrastructure;

/// <summary>Direct access to a test database, to arrange state and to check what the Api wrote.</summary>
public static class TestDb
{
    public static CodeCraftsDbContext Open(string connectionString) =>
        new PostgresCodeCraftsDbContext(new DbContextOptionsBuilder<PostgresCodeCraftsDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .Options);
}
