using System.Globalization;
using CodeCrafts.Api.Common;
using CodeCrafts.Data.Entities;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>A player waiting for an opponent: their queue entry (a pending duel), rating and since when.</summary>
internal sealed record QueuedPlayer(Guid EntryId, Guid UserId, DateTimeOffset Since, double Rating);

/// <summary>
/// The matchmaking queue's shared index in Redis: one sorted set per language, scored by rating, so any replica
/// finds the players near a rating with one range query. It only helps find candidates; PostgreSQL stays the
/// truth (the pending entry rows) and pairs them under row locks, so a stale member costs a lookup, never a
/// wrong match. Every method returns null/false when Redis is away, and the caller asks PostgreSQL instead.
/// </summary>
internal sealed partial class MatchmakingQueue(RedisAccessor redis, ILogger<MatchmakingQueue> logger)
{
    public static RedisKey Key(ProgrammingLanguage language) => $"duels:matchmaking:{language.ToString().ToLowerInvariant()}";

    public Task<bool> AddAsync(ProgrammingLanguage language, QueuedPlayer player) =>
        RunAsync(db => db.SortedSetAddAsync(Key(language), Member(player), player.Rating));

    public Task<bool> RemoveAsync(ProgrammingLanguage language, QueuedPlayer player) =>
        RunAsync(db => db.SortedSetRemoveAsync(Key(language), Member(player)));

    /// <summary>Players whose rating is within <paramref name="window"/> of <paramref name="rating"/>; null when Redis is away.</summary>
    public async Task<IReadOnlyList<QueuedPlayer>?> FindAsync(ProgrammingLanguage language, double rating, double window)
    {
        var found = await QueryAsync(db => db.SortedSetRangeByScoreWithScoresAsync(Key(language), rating - window, rating + window));
        return found?.Select(Parse).OfType<QueuedPlayer>().ToList();
    }

    /// <summary>Everyone in the language's set; null when Redis is away.</summary>
    public async Task<IReadOnlyList<QueuedPlayer>?> AllAsync(ProgrammingLanguage language)
    {
        var found = await QueryAsync(db => db.SortedSetRangeByRankWithScoresAsync(Key(language)));
        return found?.Select(Parse).OfType<QueuedPlayer>().ToList();
    }

    private static RedisValue Member(QueuedPlayer p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.EntryId:N}|{p.UserId:N}|{p.Since.ToUnixTimeMilliseconds()}");

    private static QueuedPlayer? Parse(SortedSetEntry entry)
    {
        var parts = entry.Element.ToString().Split('|');
        return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var entryId) && Guid.TryParseExact(parts[1], "N", out var userId)
               && long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? new QueuedPlayer(entryId, userId, DateTimeOffset.FromUnixTimeMilliseconds(ms), entry.Score)
            : null;
    }

    private async Task<bool> RunAsync(Func<IDatabase, Task> command)
    {
        if (redis.TryGetDatabase() is not { } db)
        {
            return false;
        }
        try
        {
            await redis.WithinBudgetAsync(command(db));
            return true;
        }
        catch (Exception ex) when (RedisAccessor.IsFailure(ex))
        {
            LogUnavailable(logger, ex);
            return false;
        }
    }

    private async Task<SortedSetEntry[]?> QueryAsync(Func<IDatabase, Task<SortedSetEntry[]>> query)
    {
        if (redis.TryGetDatabase() is not { } db)
        {
            return null;
        }
        try
        {
            return await redis.WithinBudgetAsync(query(db));
        }
        catch (Exception ex) when (RedisAccessor.IsFailure(ex))
        {
            LogUnavailable(logger, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable for the matchmaking queue; using PostgreSQL")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
