using Npgsql;

namespace CodeCrafts.MigrationService;

/// <summary>
/// Creates the application database before EF Core first connects to it. EF Core would create it too,
/// but only after failing to open it, which puts an Error in the logs of every fresh start.
/// </summary>
internal static class PostgresDatabase
{
    private const string MaintenanceDatabase = "postgres";

    /// <returns>Whether it had to be created.</returns>
    public static async Task<bool> EnsureExistsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database) || target.Database == MaintenanceDatabase)
        {
            return false;
        }
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = MaintenanceDatabase, Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException)
        {
            // No right to the maintenance database (a managed server): the database is then the operator's to create.
            return false;
        }

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return false;
        }
        var quoted = "\"" + target.Database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another worker won the race; the database is there, which is all this wanted.
            return false;
        }
    }
}
