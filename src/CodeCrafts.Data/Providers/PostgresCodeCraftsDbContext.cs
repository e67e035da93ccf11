using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Data.Providers;

public sealed class PostgresCodeCraftsDbContext(DbContextOptions<PostgresCodeCraftsDbContext> options)
    : CodeCraftsDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // xmin changes on every row update, so PostgreSQL itself is the version counter.
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            modelBuilder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsRowVersion();
        }
    }
}
