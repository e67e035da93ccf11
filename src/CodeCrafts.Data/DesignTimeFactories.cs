using CodeCrafts.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CodeCrafts.Data;

// Used only by `dotnet ef`: the connection string is never opened to create a migration.
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCodeCraftsDbContext>
{
    public PostgresCodeCraftsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCodeCraftsDbContext>()
            .UseNpgsql("Host=localhost;Database=codecrafts", o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .Options);
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCodeCraftsDbContext>
{
    public SqliteCodeCraftsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCodeCraftsDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .Options);
}
