using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CodeCrafts.Api.Common;

/// <summary>
/// Hand-written statements sent in one round trip, on the DbContext's own connection and transaction: on PostgreSQL
/// an <see cref="NpgsqlBatch"/>, on SQLite (in-process, so round trips cost nothing) one command holding them all.
/// For the hot paths where EF Core's statement-per-call would cost round trips; EF Core keeps the model and migrations.
/// Statements use <c>{0}</c>, <c>{1}</c>… placeholders like EF Core's raw SQL; values go through <see cref="DbValues.ToProvider"/>.
/// </summary>
internal sealed partial class SqlBatch(CodeCraftsDbContext db)
{
    private readonly List<(string Sql, object?[] Args)> _statements = [];

    public int Count => _statements.Count;

    public SqlBatch Add(string sql, params object?[] args)
    {
        _statements.Add((sql, args));
        return this;
    }

    /// <summary>Runs every statement; the reader yields their result sets in order (<see cref="DbDataReader.NextResultAsync()"/>).</summary>
    public async Task<DbDataReader> ReadAsync(CancellationToken cancellationToken) =>
        db.Provider == DatabaseProvider.Postgres
            ? await PostgresBatch().ExecuteReaderAsync(cancellationToken)
            : await SqliteCommand().ExecuteReaderAsync(cancellationToken);

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await using var batch = PostgresBatch();
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            await using var command = SqliteCommand();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private NpgsqlBatch PostgresBatch()
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)Transaction());
        foreach (var (sql, args) in _statements)
        {
            // Positional parameters ($1, $2…) skip Npgsql's SQL rewriting.
            var command = new NpgsqlBatchCommand(Placeholder().Replace(sql, m => "$" + (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1)));
            foreach (var arg in args)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = DbValues.ToProvider(db, arg) });
            }
            batch.BatchCommands.Add(command);
        }
        return batch;
    }

    private DbCommand SqliteCommand()
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = Transaction();
        var texts = new List<string>(_statements.Count);
        for (var s = 0; s < _statements.Count; s++)
        {
            var (sql, args) = _statements[s];
            var statement = s;
            texts.Add(Placeholder().Replace(sql, m => $"@s{statement}p{m.Groups[1].Value}"));
            for (var p = 0; p < args.Length; p++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@s{statement}p{p}";
                parameter.Value = DbValues.ToProvider(db, args[p]);
                command.Parameters.Add(parameter);
            }
        }
        command.CommandText = string.Join(";\n", texts);
        return command;
    }

    // A batch belongs to the caller's transaction: the point is to share its round trips, not to start another.
    private DbTransaction Transaction() =>
        db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("A SqlBatch runs inside the caller's transaction.");

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
