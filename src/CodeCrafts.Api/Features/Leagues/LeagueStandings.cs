using System.Globalization;
using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>
/// GET /api/leagues/current: one Redis round trip for a placed learner (their seat and their cohort's set, in one
/// script), PostgreSQL only when Redis does not know the seat or the set is missing, partial or due for a rebuild
/// (<see cref="LeagueRedis.BuiltMarker"/>) — then the cohort (at most 30 rows) is read from PostgreSQL and written back.
/// A cohort read again before anything in it changed costs no round trip at all: <see cref="LeagueLocalCache"/>.
/// </summary>
internal sealed partial class LeagueStandings(
    CodeCraftsDbContext db, RedisAccessor redis, LeagueNames names, LeagueLocalCache local, IOptions<LeagueOptions> options,
    TimeProvider time, ILogger<LeagueStandings> logger)
{
    private sealed record Member(Guid UserId, long Xp, double Score);

    private sealed record Cohort(LeagueTier Tier, int Number, List<Member> Members);

    public async Task<LeagueCurrentResponse> CurrentAsync(Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var week = LeagueWeeks.StartOf(now);
        var copies = local.IsLive && redis.TryGetDatabase() is not null;
        var learnerKey = LeagueRedis.Learner(week, userId);
        var knownSeat = copies ? local.SeatOf(week, userId) : null;
        if (copies && local.Find(knownSeat is null ? learnerKey : LeagueRedis.Prefix(week) + knownSeat) is { } copy)
        {
            return ForCaller(copy, userId);
        }
        // Taken before reading: what an answer changes meanwhile is not kept (see LeagueLocalCache). Until the seat is
        // known, the cohort's key is not, and any change at all counts.
        var mark = local.Mark(knownSeat is null ? null : LeagueRedis.Prefix(week) + knownSeat, learnerKey);

        var (seat, cached) = await FromRedisAsync(userId, week, now);
        var cohort = cached;
        if (cohort is null)
        {
            var placement = seat;
            if (placement is null)
            {
                var row = await db.LeaguePlacements.AsNoTracking()
                    .Where(p => p.WeekStart == week && p.UserId == userId)
                    .Select(p => new { p.Tier, p.Cohort })
                    .SingleOrDefaultAsync(ct);
                placement = row is { Tier: { } t, Cohort: { } c } ? (t, c) : null;
            }
            if (placement is not { } found)
            {
                var unplaced = await UnplacedAsync(userId, week, ct);
                if (copies)
                {
                    local.Store(learnerKey, mark, unplaced);
                }
                return unplaced;
            }
            cohort = await LoadAsync(week, found.Item1, found.Item2, ct);
            await StoreAsync(userId, week, cohort, now);
        }
        var view = await ViewAsync(week, cohort, ct);
        if (copies)
        {
            var seatText = LeagueRedis.Seat(cohort.Tier, cohort.Number);
            local.RememberSeat(week, userId, seatText);
            local.Store(LeagueRedis.Prefix(week) + seatText, mark, view);
        }
        return ForCaller(view, userId);
    }

    private async Task<((LeagueTier, int)? Seat, Cohort? Cohort)> FromRedisAsync(Guid userId, DateOnly week, DateTimeOffset now)
    {
        if (redis.TryGetDatabase() is not { } cache)
        {
            return (null, null);
        }
        try
        {
            var result = await LeagueRedis.Current.EvaluateAsync(cache, new
            {
                seats = LeagueRedis.Members(week),
                member = LeagueRedis.Member(userId),
                prefix = LeagueRedis.Prefix(week),
            });
            if (result.IsNull)
            {
                return (null, null);
            }
            var items = (RedisResult[])result!;
            var parts = ((string)items[0]!).Split(':');
            var seat = ((LeagueTier)int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
            var members = new List<Member>();
            double? builtAt = null;
            for (var i = 1; i + 1 < items.Length; i += 2)
            {
                var member = (string)items[i]!;
                var score = (double)items[i + 1];
                if (member == LeagueRedis.BuiltMarker)
                {
                    builtAt = -score;
                }
                else if (Guid.TryParseExact(member, "N", out var id))
                {
                    members.Add(new Member(id, LeagueScore.Xp(score), score));
                }
            }
            var fresh = builtAt is { } at && now.ToUnixTimeSeconds() - at < options.Value.CohortRefresh.TotalSeconds;
            return (seat, fresh ? new Cohort(seat.Item1, seat.Item2, members) : null);
        }
        catch (Exception ex) when (RedisAccessor.IsFailure(ex))
        {
            LogRedisFailed(logger, ex);
            return (null, null);
        }
    }

    private async Task<Cohort> LoadAsync(DateOnly week, LeagueTier tier, int number, CancellationToken ct)
    {
        var rows = await db.LeaguePlacements.AsNoTracking()
            .Where(p => p.WeekStart == week && p.Tier == tier && p.Cohort == number)
            .Select(p => new { p.UserId, p.Xp, p.ReachedAt })
            .ToListAsync(ct);
        var members = rows.Select(r => new Member(r.UserId, r.Xp, LeagueScore.Encode(r.Xp, r.ReachedAt, week))).ToList();
        return new Cohort(tier, number, members);
    }

    /// <summary>Writes the cohort back with "greater wins", so it commutes with answers writing at the same time.</summary>
    private async Task StoreAsync(Guid userId, DateOnly week, Cohort cohort, DateTimeOffset now)
    {
        if (redis.TryGetDatabase() is not { } cache)
        {
            return;
        }
        try
        {
            var key = LeagueRedis.Cohort(week, cohort.Tier, cohort.Number);
            var batch = cache.CreateBatch();
            var writes = new List<Task>
            {
                batch.SortedSetAddAsync(key, cohort.Members.Select(m => new SortedSetEntry(LeagueRedis.Member(m.UserId), m.Score)).ToArray(), SortedSetWhen.GreaterThan),
                batch.SortedSetAddAsync(key, LeagueRedis.BuiltMarker, -now.ToUnixTimeSeconds()),
                batch.KeyExpireAsync(key, LeagueRedis.Lifetime),
                batch.HashSetAsync(LeagueRedis.Members(week), LeagueRedis.Member(userId), LeagueRedis.Seat(cohort.Tier, cohort.Number)),
                batch.KeyExpireAsync(LeagueRedis.Members(week), LeagueRedis.Lifetime),
                // Members it added (an answer's move that never reached Redis) are news to the other replicas' copies.
                batch.PublishAsync(LeagueRedis.Changes, local.Origin + " " + key.ToString()),
            };
            batch.Execute();
            await Task.WhenAll(writes);
        }
        catch (Exception ex) when (RedisAccessor.IsFailure(ex))
        {
            LogRedisFailed(logger, ex);
        }
    }

    /// <summary>The cohort as anyone in it sees it, the caller not yet marked: what the local copy keeps.</summary>
    private async Task<LeagueCurrentResponse> ViewAsync(DateOnly week, Cohort cohort, CancellationToken ct)
    {
        var ordered = cohort.Members
            .OrderByDescending(m => m.Score).ThenByDescending(m => LeagueRedis.Member(m.UserId), StringComparer.Ordinal)
            .ToList();
        var o = options.Value;
        var promotion = LeagueZones.PromotionRanks(cohort.Tier, ordered.Count, o);
        var demotion = LeagueZones.DemotionFrom(cohort.Tier, ordered.Count, o);
        var display = await names.ForAsync(ordered.Select(m => m.UserId).ToList(), ct);
        var standings = ordered.Select((m, i) => new LeagueStanding(
            i + 1, m.UserId, display.GetValueOrDefault(m.UserId, "Learner"), m.Xp, false, LeagueZones.Of(i + 1, promotion, demotion))).ToList();
        return new LeagueCurrentResponse(
            LeagueWeeks.Label(week), LeagueWeeks.End(week), LeagueWords.Placed, cohort.Tier.ToString(), (int)cohort.Tier,
            null, 0, standings, promotion, demotion);
    }

    private static LeagueCurrentResponse ForCaller(LeagueCurrentResponse view, Guid userId)
    {
        if (view.Status != LeagueWords.Placed)
        {
            return view;
        }
        var standings = new List<LeagueStanding>(view.Standings.Count);
        LeagueStanding? me = null;
        foreach (var standing in view.Standings)
        {
            var mine = standing.UserId == userId ? standing with { IsMe = true } : standing;
            me = mine.IsMe ? mine : me;
            standings.Add(mine);
        }
        return view with { Rank = me?.Rank, WeeklyXp = me?.WeeklyXp ?? 0, Standings = standings };
    }

    private async Task<LeagueCurrentResponse> UnplacedAsync(Guid userId, DateOnly week, CancellationToken ct)
    {
        var placement = await db.LeaguePlacements.AsNoTracking()
            .Where(p => p.WeekStart == week && p.UserId == userId).Select(p => (long?)p.Xp).SingleOrDefaultAsync(ct);
        var tier = await db.LeagueMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => (LeagueTier?)m.Tier).SingleOrDefaultAsync(ct)
                   ?? LeagueTier.Bronze;
        var status = placement is null ? LeagueWords.Unplaced : LeagueWords.Waiting;
        return new LeagueCurrentResponse(LeagueWeeks.Label(week), LeagueWeeks.End(week), status, tier.ToString(), (int)tier,
            null, placement ?? 0, [], LeagueZones.PromotionRanks(tier, 0, options.Value), null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis failed while reading a league cohort; serving it from PostgreSQL")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception);
}
