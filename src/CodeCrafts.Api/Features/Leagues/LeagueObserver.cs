using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Attempts;
using StackExchange.Redis;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>
/// After an answer with XP commits: moves the learner in their cohort's Redis set (one script on the answer's shared
/// pipeline, which also publishes the change to every replica's <see cref="LeagueLocalCache"/>) and tells everyone whose
/// rank changed, over the hub, without waiting for it. A failed write is repaired by the cohort's next rebuild
/// (<see cref="LeagueOptions.CohortRefresh"/>), since PostgreSQL already holds the XP.
/// </summary>
internal sealed partial class LeagueObserver(RedisAccessor redis, LeagueLocalCache local, ILeagueEvents events, ILogger<LeagueObserver> logger) : IAttemptObserver
{
    public async Task ObserveAsync(AttemptRecorded attempt, IBatch? batch)
    {
        if (attempt.League is not { } league || batch is null || !redis.IsConfigured)
        {
            return;
        }
        var learner = LeagueRedis.Learner(league.Week, attempt.UserId);
        if (league is not { Tier: { } tier, Cohort: { } cohort })
        {
            // Waiting for last week's settlement: no set to move in, but what the learner is told changed.
            await PublishAsync(attempt.UserId, batch.PublishAsync(LeagueRedis.Changes, local.Origin + " " + learner), learner);
            return;
        }
        var set = LeagueRedis.Cohort(league.Week, tier, cohort);
        var move = LeagueRedis.Move.EvaluateAsync(batch, new
        {
            set,
            seats = LeagueRedis.Members(league.Week),
            member = LeagueRedis.Member(attempt.UserId),
            score = LeagueScore.Encode(league.Xp, league.ReachedAt, league.Week),
            ttl = (long)LeagueRedis.Lifetime.TotalSeconds,
            seat = LeagueRedis.Seat(tier, cohort),
            changes = LeagueRedis.ChangesName,
            origin = local.Origin,
            learner,
        });
        RedisResult moved;
        try
        {
            // The answer is committed and waits for this pipeline: a stalled Redis costs it the budget, never more.
            moved = await redis.WithinBudgetAsync(move);
        }
        catch (Exception ex) when (RedisAccessor.IsFailure(ex))
        {
            LogWriteFailed(logger, attempt.UserId, ex);
            return;
        }
        finally
        {
            // This replica's copies go before the answer returns, whatever the published message's timing.
            local.Changed(set.ToString());
            local.Changed(learner);
        }
        Announce(attempt.UserId, league, (RedisResult[])moved!);
    }

    private async Task PublishAsync(Guid userId, Task published, string learner)
    {
        try
        {
            await redis.WithinBudgetAsync(published);
        }
        catch (Exception ex) when (RedisAccessor.IsFailure(ex))
        {
            LogWriteFailed(logger, userId, ex);
        }
        finally
        {
            local.Changed(learner);
        }
    }

    private void Announce(Guid userId, LeagueSnapshot league, RedisResult[] moved)
    {
        if (moved.Length < 3)
        {
            return;
        }
        var week = LeagueWeeks.Label(league.Week);
        var newRank = int.Parse((string)moved[0]!, System.Globalization.CultureInfo.InvariantCulture);
        int? oldRank = (string?)moved[1] is { Length: > 0 } old ? int.Parse(old, System.Globalization.CultureInfo.InvariantCulture) : null;
        _ = events.RankChangedAsync(userId, new LeagueRankChanged(week, newRank + 1, oldRank + 1, league.Xp));
        // moved[2] is the learner; each one after was passed and is one place lower now.
        for (var i = 3; i < moved.Length; i++)
        {
            if (Guid.TryParseExact((string?)moved[i], "N", out var passed))
            {
                var rank = newRank + i - 1;
                _ = events.RankChangedAsync(passed, new LeagueRankChanged(week, rank, rank - 1, null));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not move learner {UserId} in their league cohort; its next rebuild will")]
    private static partial void LogWriteFailed(ILogger logger, Guid userId, Exception exception);
}
