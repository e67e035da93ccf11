using System.Globalization;
using System.Text.RegularExpressions;
using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Memory;

/// <summary>
/// One hand-written statement outside a transaction, returning the rows it changed. Not EF Core's ExecuteSqlRaw: that
/// refuses null parameters, and the upserts here write nulls; values go through <see cref="DbValues.ToProvider"/>.
/// </summary>
internal static partial class MemorySql
{
    public static async Task<int> ExecuteAsync(CodeCraftsDbContext db, string sql, CancellationToken ct, params object?[] args)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = Placeholder().Replace(sql, m => "@p" + m.Groups[1].Value);
            for (var i = 0; i < args.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                parameter.Value = DbValues.ToProvider(db, args[i]);
                command.Parameters.Add(parameter);
            }
            return await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
