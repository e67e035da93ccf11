using System.Collections.Concurrent;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>
/// This replica's copy of each board's top <see cref="RedisBoards.TopSize"/>, labelled with the board's top version.
/// A copy is served only while Redis still reports the same version, and every write that touches the top moves the
/// version on (LeaderboardScripts.Merge), so a copy is never stale, on any replica. It saves the one command that
/// costs Redis real time per read (ZRANGE … WITHSCORES is several times dearer than ZREVRANK): a board is read far
/// more often than its top changes.
/// </summary>
internal sealed class TopSnapshots
{
    // Weekly boards leave old keys behind; a handful of live boards is all a replica needs.
    private const int MaxBoards = 32;
    private readonly ConcurrentDictionary<string, Snapshot> _byKey = new();

    public IReadOnlyList<RedisBoardRow>? Find(BoardRef board, RedisValue version) =>
        !version.IsNull && _byKey.TryGetValue(board.Key, out var snapshot) && snapshot.Version == version ? snapshot.Rows : null;

    public void Keep(BoardRef board, RedisValue version, IReadOnlyList<RedisBoardRow> rows)
    {
        if (version.IsNull)
        {
            return;
        }
        if (_byKey.Count >= MaxBoards && !_byKey.ContainsKey(board.Key))
        {
            _byKey.Clear();
        }
        _byKey[board.Key] = new Snapshot((string)version!, rows);
    }

    private sealed record Snapshot(string Version, IReadOnlyList<RedisBoardRow> Rows);
}
