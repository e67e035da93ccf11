using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>
/// Each replica's copy of what GET /api/leagues/current last read, so that a league card opened again (the common case:
/// most of a cohort is not answering at that second) costs no Redis round trip. It stays exact through invalidation:
/// every write to a cohort's Redis set also publishes the set's key on <see cref="LeagueRedis.Changes"/> (inside the same
/// script or pipeline, so at no extra round trip), and <see cref="LeagueCacheInvalidation"/> evicts it on every replica.
/// <list type="bullet">
/// <item>A seat (learner → tier and cohort) never changes within a week, so it is kept for the week.</item>
/// <item>A cohort's standings and an unplaced learner's answer are kept until a change is published, and at most
/// <see cref="LeagueOptions.LocalCacheLifetime"/>: a message lost with a dropped subscription is late by that much at worst
/// (the connection's loss and return also clear everything).</item>
/// <item>A read stores what it read only if no change to its key was published while it read (<see cref="Mark"/>), so a
/// slow read can never put back what an answer just replaced.</item>
/// </list>
/// Used only while the subscription is live and Redis answers; otherwise every read goes to Redis or PostgreSQL.
/// </summary>
internal sealed class LeagueLocalCache(IOptions<LeagueOptions> options, TimeProvider time)
{
    private const int Stripes = 1024;

    private sealed record Entry(LeagueCurrentResponse View, DateTimeOffset ExpiresAt);

    // One change counter per stripe of keys (a key's change bumps its stripe, so a read that began before it stores
    // nothing), and one for all keys, for a read that did not know its key when it began.
    private readonly long[] _changes = new long[Stripes];
    private long _all;
    private readonly ConcurrentDictionary<string, Entry> _views = new(StringComparer.Ordinal);
    private volatile SeatBook _seats = new(default);
    private volatile bool _live;

    private sealed class SeatBook(DateOnly week)
    {
        public DateOnly Week { get; } = week;

        public ConcurrentDictionary<Guid, string> Seats { get; } = new();
    }

    private TimeSpan Lifetime => options.Value.LocalCacheLifetime;

    /// <summary>
    /// This replica's name at the head of what it publishes: it evicts its own copies as it writes, and skips its own
    /// messages, so that a read which rebuilt a cohort keeps the copy it has just made.
    /// </summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    /// <summary>True while changes are being received: the only time the copies may be used.</summary>
    public bool IsLive => _live && Lifetime > TimeSpan.Zero;

    /// <summary>What a read notes before it goes to Redis or PostgreSQL; <paramref name="key"/> is null when it does not know its key yet.</summary>
    public ReadMark Mark(string? key, string learnerKey) =>
        new(key, key is null ? 0 : StampOf(key), learnerKey, StampOf(learnerKey), Volatile.Read(ref _all));

    public string? SeatOf(DateOnly week, Guid userId) =>
        IsLive && _seats is { } book && book.Week == week && book.Seats.TryGetValue(userId, out var seat) ? seat : null;

    public void RememberSeat(DateOnly week, Guid userId, string seat)
    {
        if (!IsLive)
        {
            return;
        }
        var book = _seats;
        if (book.Week != week)
        {
            // A new week: last week's seats are of no more use.
            book = _seats = new SeatBook(week);
        }
        book.Seats[userId] = seat;
    }

    public LeagueCurrentResponse? Find(string key)
    {
        if (!IsLive || !_views.TryGetValue(key, out var entry))
        {
            return null;
        }
        if (entry.ExpiresAt > time.GetUtcNow())
        {
            return entry.View;
        }
        _views.TryRemove(KeyValuePair.Create(key, entry));
        return null;
    }

    /// <summary>Keeps <paramref name="view"/> unless a change to <paramref name="key"/> came since <paramref name="mark"/>.</summary>
    public void Store(string key, ReadMark mark, LeagueCurrentResponse view)
    {
        if (!IsLive)
        {
            return;
        }
        _views[key] = new Entry(view, time.GetUtcNow() + Lifetime);
        // Checked after the write: a change that raced it either shows here (and the entry goes again) or comes after,
        // and its eviction follows.
        if (!Unchanged(key, mark))
        {
            _views.TryRemove(key, out _);
        }
    }

    /// <summary>A published change: the key's copy goes on this replica.</summary>
    public void Changed(string key)
    {
        Interlocked.Increment(ref _changes[StripeOf(key)]);
        Interlocked.Increment(ref _all);
        _views.TryRemove(key, out _);
    }

    /// <summary>Everything goes: the subscription was lost (messages may have been missed), or a change touched every cohort.</summary>
    public void ChangedAll()
    {
        for (var i = 0; i < Stripes; i++)
        {
            Interlocked.Increment(ref _changes[i]);
        }
        Interlocked.Increment(ref _all);
        _views.Clear();
        _seats = new SeatBook(default);
    }

    public void SetLive(bool live)
    {
        ChangedAll();
        _live = live;
    }

    private bool Unchanged(string key, ReadMark mark) =>
        key == mark.Key ? StampOf(key) == mark.KeyStamp
        : key == mark.LearnerKey ? StampOf(key) == mark.LearnerStamp
        : Volatile.Read(ref _all) == mark.All;

    private long StampOf(string key) => Volatile.Read(ref _changes[StripeOf(key)]);

    private static int StripeOf(string key) => (int)((uint)StringComparer.Ordinal.GetHashCode(key) % Stripes);
}

/// <summary>The change counters a read saw before it began (see <see cref="LeagueLocalCache.Mark"/>).</summary>
internal readonly record struct ReadMark(string? Key, long KeyStamp, string LearnerKey, long LearnerStamp, long All);
