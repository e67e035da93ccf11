using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CodeCrafts.Api.Common;

/// <summary>Values for hand-written SQL, stored exactly as the model stores them on each provider.</summary>
internal static class DbValues
{
    private static readonly DateTimeOffsetToBinaryConverter Ticks = new();

    /// <summary>SQLite keeps instants as ticks (see SqliteCodeCraftsDbContext), so raw SQL must write ticks too.</summary>
    public static object Instant(CodeCraftsDbContext db, DateTimeOffset value) =>
        db.Provider == DatabaseProvider.Sqlite ? Ticks.ConvertToProvider(value)! : value;

    /// <summary>PostgreSQL and SQLite spell "lock this row until commit" differently; SQLite already serialises writers.</summary>
    public static string RowLock(CodeCraftsDbContext db) =>
        db.Provider == DatabaseProvider.Postgres ? " FOR NO KEY UPDATE" : "";
}
