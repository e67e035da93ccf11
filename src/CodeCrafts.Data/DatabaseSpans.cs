using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace CodeCrafts.Data;

/// <summary>
/// How PostgreSQL commands appear in traces: named by what they do (<c>SELECT users</c>,
/// <c>INSERT question_attempts</c>) rather than all <c>postgresql</c>, and only inside a trace that
/// something started (a request, or a background job that found work). A poll that finds nothing
/// would otherwise start a trace of its own every second and bury the requests a person looks for.
/// </summary>
public static partial class DatabaseSpans
{
    public static void Configure(NpgsqlTracingOptionsBuilder tracing) => tracing
        .ConfigureCommandFilter(_ => Activity.Current is not null)
        .ConfigureBatchFilter(_ => Activity.Current is not null)
        .ConfigureCommandSpanNameProvider(command => NameOf(command.CommandText))
        .ConfigureBatchSpanNameProvider(batch => batch.BatchCommands.Count switch
        {
            0 => null,
            1 => NameOf(batch.BatchCommands[0].CommandText),
            var n => $"{NameOf(batch.BatchCommands[0].CommandText)} +{n - 1}",
        })
        .EnablePhysicalOpenTracing(false);

    /// <summary>The statement's verb and first table, e.g. "SELECT users"; the verb alone when no table is named.</summary>
    public static string? NameOf(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return null;
        }
        // EF Core prefixes some commands with SET or WITH; the statement that matters follows.
        var verb = Verb().Match(sql);
        if (!verb.Success)
        {
            return null;
        }
        var keyword = verb.Groups[1].Value.ToUpperInvariant();
        var table = (keyword switch
        {
            "SELECT" or "DELETE" => FromTable(),
            "INSERT" => IntoTable(),
            "UPDATE" => UpdateTable(),
            _ => null,
        })?.Match(sql[verb.Index..]);
        return table is { Success: true } ? $"{keyword} {table.Groups[1].Value}" : keyword;
    }

    [GeneratedRegex(@"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|BEGIN|COMMIT|ROLLBACK|LOCK|TRUNCATE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Verb();

    [GeneratedRegex(@"\bFROM\s+""?([A-Za-z_][A-Za-z0-9_]*)""?", RegexOptions.IgnoreCase)]
    private static partial Regex FromTable();

    [GeneratedRegex(@"\bINTO\s+""?([A-Za-z_][A-Za-z0-9_]*)""?", RegexOptions.IgnoreCase)]
    private static partial Regex IntoTable();

    [GeneratedRegex(@"\bUPDATE\s+""?([A-Za-z_][A-Za-z0-9_]*)""?", RegexOptions.IgnoreCase)]
    private static partial Regex UpdateTable();
}
