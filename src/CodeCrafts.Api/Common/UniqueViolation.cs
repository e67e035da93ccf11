using Microsoft.Data.Sqlite;
using Npgsql;

namespace CodeCrafts.Api.Common;

/// <summary>The one test for "a unique index or primary key refused the row", on both providers.</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>
    /// True when a write failed because a unique index or primary key already holds the value: the database's
    /// verdict on a race that a check-then-insert in C# could not decide. Looks down the chain, because EF Core wraps
    /// the provider's exception (DbUpdateException) while hand-written SQL throws it directly.
    /// </summary>
    public static bool IsUniqueViolation(this Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState == PostgresErrorCodes.UniqueViolation;
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode == SqliteConstraint
                           && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;
            }
        }
        return false;
    }
}
