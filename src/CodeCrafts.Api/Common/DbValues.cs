using System.Data.Common;
using System.Globalization;
using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CodeCrafts.Api.Common;

/// <summary>Values for hand-written SQL, written and read exactly as the model stores them on each provider.</summary>
internal static class DbValues
{
    private static readonly DateTimeOffsetToBinaryConverter Ticks = new();

    /// <summary>PostgreSQL and SQLite spell "lock this row until commit" differently; SQLite already serialises writers.</summary>
    public static string RowLock(CodeCraftsDbContext db) =>
        db.Provider == DatabaseProvider.Postgres ? " FOR NO KEY UPDATE" : "";

    /// <summary>
    /// A parameter value as the provider stores it: on SQLite, EF Core keeps GUIDs as upper-case text, dates as
    /// yyyy-MM-dd text and instants as ticks (see SqliteCodeCraftsDbContext); PostgreSQL's timestamptz takes UTC only.
    /// Enums are stored by name.
    /// </summary>
    public static object ToProvider(CodeCraftsDbContext db, object? value)
    {
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        return value switch
        {
            null => DBNull.Value,
            Guid id when sqlite => id.ToString().ToUpperInvariant(),
            DateOnly day when sqlite => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset instant => sqlite ? Ticks.ConvertToProvider(instant)! : instant.ToUniversalTime(),
            Enum name => name.ToString(),
            _ => value,
        };
    }

    public static Guid Guid(this DbDataReader reader, string column) => reader.GetGuid(reader.GetOrdinal(column));

    public static DateOnly? Day(this DbDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null
            : reader.GetFieldType(i) == typeof(string) ? DateOnly.ParseExact(reader.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : reader.GetFieldValue<DateOnly>(i);
    }

    public static DateTimeOffset? Instant(this DbDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null
            : reader.GetFieldType(i) == typeof(long) ? (DateTimeOffset)Ticks.ConvertFromProvider(reader.GetInt64(i))!
            : reader.GetFieldValue<DateTimeOffset>(i);
    }

    public static T? Nullable<T>(this DbDataReader reader, string column) where T : struct
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : Convert<T>(reader.GetValue(i));
    }

    public static T Value<T>(this DbDataReader reader, string column) => Convert<T>(reader.GetValue(reader.GetOrdinal(column)));

    public static string? Text(this DbDataReader reader, string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetString(i);
    }

    // SQLite hands back every integer as long and every real as double; PostgreSQL the column's own type.
    private static T Convert<T>(object value) => (T)System.Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
}
