using System.Globalization;
using System.Net;
using System.Text.Json;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Leaderboards;
using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Api.Features.Streaks;
using CodeCrafts.Tests.Features.Leaderboards;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CodeCrafts.Tests.Features.Resilience;

/// <summary>
/// A Redis that stops answering costs a request at most the Redis budget, never the request itself; reads come from
/// PostgreSQL meanwhile, and once Redis answers again the caches and boards agree with PostgreSQL.
/// </summary>
public sealed class RedisStallTests(ProductionRedisBudgetFixture api) : IClassFixture<ProductionRedisBudgetFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DuringAStallEveryRequestAnswersWithinTheBoundAndAfterwardsCachesAndBoardsEqualPostgres()
    {
        // Arrange: warm caches and complete boards, and a second replica that has not read the catalogue yet, so its
        // first read goes to the catalogue's second cache level (Redis).
        var questions = await api.GradableQuestionsAsync();
        var learner = await api.CreateAsync();
        var other = await api.CreateAsync();
        await api.AnswerAsync(learner.Id, questions[0]);
        await api.AnswerAsync(other.Id, questions[1]);
        await api.GetAsync<PagedResult<LessonSummary>>(learner.Id, "/api/lessons?pageSize=100");
        await api.GetAsync<UserStats>(learner.Id, "/api/users/me/stats");
        await using var redis = await api.Redis.ConnectAsync();
        var weekly = BoardRef.Weekly(LeaderboardKind.Xp, api.Factory.Time.GetUtcNow()).Key;
        await learner.Client.WaitUntilCachedAsync(redis.GetDatabase(), "xp", "weekly", weekly);
        await learner.Client.WaitUntilCachedAsync(redis.GetDatabase(), "xp", "all", BoardRef.All(LeaderboardKind.Xp).Key);
        await using var replica = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:codecrafts"] = api.DatabaseConnectionString,
            ["ConnectionStrings:cache"] = api.Redis.ConnectionString,
            [ProductionRedisBudgetFixture.Setting] = ProductionRedisBudgetFixture.Budget,
        });
        replica.Time.SetUtcNow(api.Factory.Time.GetUtcNow());
        var onReplica = replica.ClientFor(learner.Id);
        (await onReplica.GetAsync("/api/users/me", Ct)).EnsureSuccessStatusCode();

        // Act
        var during = new Dictionary<string, (HttpResponseMessage Response, string Body, TimeSpan Took)>();
        await api.Redis.PauseAsync(RedisStall.Pause);
        try
        {
            during["answer"] = await RedisStall.TimedAsync(() => api.PostAttemptAsync(learner.Id, questions[2].Id, Body(questions[2])));
            during["second answer"] = await RedisStall.TimedAsync(() => api.PostAttemptAsync(learner.Id, questions[3].Id, Body(questions[3])));
            during["other's answer"] = await RedisStall.TimedAsync(() => api.PostAttemptAsync(other.Id, questions[4].Id, Body(questions[4])));
            during["lessons"] = await RedisStall.TimedAsync(() => learner.Client.GetAsync("/api/lessons?pageSize=100", Ct));
            during["lessons on a cold replica"] = await RedisStall.TimedAsync(() => onReplica.GetAsync("/api/lessons?pageSize=100", Ct));
            during["progress"] = await RedisStall.TimedAsync(() => learner.Client.GetAsync("/api/progress", Ct));
            during["stats"] = await RedisStall.TimedAsync(() => learner.Client.GetAsync("/api/users/me/stats", Ct));
            during["stats on a cold replica"] = await RedisStall.TimedAsync(() => onReplica.GetAsync("/api/users/me/stats", Ct));
            during["weekly board"] = await RedisStall.TimedAsync(() => learner.Client.GetAsync("/api/leaderboards/xp?period=weekly&limit=100", Ct));
            during["all-time board"] = await RedisStall.TimedAsync(() => onReplica.GetAsync("/api/leaderboards/xp?period=all&limit=100", Ct));
        }
        finally
        {
            await api.Redis.UnpauseAsync();
        }

        // Assert: every request answered, and soon.
        foreach (var (name, (response, body, took)) in during)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode} {body}");
            Assert.True(took < RedisStall.Bound, $"{name} took {took.TotalMilliseconds:F0} ms");
        }
        // The answers were recorded, and the reads showed them, from PostgreSQL.
        var last = Read<AttemptResult>(during["second answer"]);
        Assert.True(Read<AttemptResult>(during["answer"]).XpGained > 0);
        Assert.Equal(last.TotalXp, Read<UserStats>(during["stats"]).Xp);
        Assert.Equal(last.TotalXp, Read<UserStats>(during["stats on a cold replica"]).Xp);
        Assert.Equal(last.CurrentStreak, Read<UserStats>(during["stats"]).CurrentStreak);
        Assert.Equal(last.TotalXp, Read<LeaderboardResponse>(during["weekly board"]).Me.Score);
        Assert.Equal(last.TotalXp, Read<LeaderboardResponse>(during["all-time board"]).Me.Score);
        var stored = await StoredProgressAsync(learner.Id);
        foreach (var lessons in new[] { during["lessons"], during["lessons on a cold replica"] })
        {
            var listed = Read<PagedResult<LessonSummary>>(lessons).Items.Where(l => l.Progress.Attempts > 0)
                .ToDictionary(l => l.Id, l => (l.Progress.Attempts, l.Progress.CorrectAttempts, l.Progress.Score));
            Assert.Equal(stored.ToDictionary(s => s.Key, s => (s.Value.Attempts, s.Value.CorrectAttempts, s.Value.Score)), listed);
        }

        // ...and once Redis answers again, what it holds equals PostgreSQL (reads refill the caches, rebuild the boards).
        Assert.True(await RedisStall.EventuallyAsync(async () =>
        {
            await learner.Client.GetAsync("/api/lessons?pageSize=100", Ct);
            await learner.Client.GetAsync("/api/users/me/stats", Ct);
            return Equal(await CachedProgressAsync(redis, learner.Id), await StoredProgressAsync(learner.Id));
        }), "the progress cache does not equal PostgreSQL");
        Assert.True(await RedisStall.EventuallyAsync(async () =>
        {
            await learner.Client.GetAsync("/api/users/me/stats", Ct);
            return await CachedStreakAsync(redis, learner.Id) == await StoredStreakAsync(learner.Id);
        }), "the streak cache does not equal PostgreSQL");
        foreach (var (board, period) in new[] { (weekly, "weekly"), (BoardRef.All(LeaderboardKind.Xp).Key, "all") })
        {
            Assert.True(await RedisStall.EventuallyAsync(async () =>
            {
                await learner.Client.GetAsync($"/api/leaderboards/xp?period={period}&limit=100", Ct);
                return await redis.GetDatabase().IsCompleteAsync(board) && Equal(await CachedBoardAsync(redis, board), await api.XpTotalsAsync());
            }), $"{board} does not equal PostgreSQL");
        }
    }

    [Fact]
    public async Task ARetryWithTheSameKeyDuringAndAfterAStallReplaysTheAnswerInsteadOfCountingItTwice()
    {
        // Arrange
        var question = (await api.GradableQuestionsAsync())[5];
        var learner = await api.CreateAsync();
        await api.AnswerAsync(learner.Id, (await api.GradableQuestionsAsync())[6]);
        var key = Guid.NewGuid().ToString("N");

        // Act
        (HttpResponseMessage Response, string Body, TimeSpan Took) first, retry;
        await api.Redis.PauseAsync(RedisStall.Pause);
        try
        {
            first = await RedisStall.TimedAsync(() => api.PostAttemptAsync(learner.Id, question.Id, Body(question, key)));
            retry = await RedisStall.TimedAsync(() => api.PostAttemptAsync(learner.Id, question.Id, Body(question, key)));
        }
        finally
        {
            await api.Redis.UnpauseAsync();
        }
        var afterwards = await api.AnswerAsync(learner.Id, question, key: key);

        // Assert
        Assert.True(first.Response.IsSuccessStatusCode, first.Body);
        Assert.True(retry.Response.IsSuccessStatusCode, retry.Body);
        Assert.True(first.Took < RedisStall.Bound && retry.Took < RedisStall.Bound, $"{first.Took.TotalMilliseconds:F0} ms, {retry.Took.TotalMilliseconds:F0} ms");
        var original = Read<AttemptResult>(first);
        Assert.True(original.XpGained > 0);
        Assert.Equal(original, Read<AttemptResult>(retry), AttemptComparer);
        Assert.Equal(original, afterwards, AttemptComparer);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.Equal(1, await db.QuestionAttempts.CountAsync(a => a.UserId == learner.Id && a.IdempotencyKey == key, Ct));
        Assert.Equal(original.TotalXp, await db.Users.Where(u => u.Id == learner.Id).Select(u => u.Xp).SingleAsync(Ct));
    }

    private static readonly IEqualityComparer<AttemptResult> AttemptComparer = EqualityComparer<AttemptResult>.Create(
        (a, b) => a!.AttemptId == b!.AttemptId && a.XpGained == b.XpGained && a.TotalXp == b.TotalXp && a.Correct == b.Correct,
        a => a.AttemptId.GetHashCode());

    private static object Body(SeededQuestion question, string? key = null) =>
        new { answer = Learning.Correct(question), timeTakenMs = 4200, idempotencyKey = key ?? Guid.NewGuid().ToString("N") };

    private static T Read<T>((HttpResponseMessage Response, string Body, TimeSpan Took) request) =>
        JsonSerializer.Deserialize<T>(request.Body, Learning.Json)!;

    private static bool Equal<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> a, IReadOnlyDictionary<TKey, TValue> b) where TKey : notnull =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && EqualityComparer<TValue>.Default.Equals(p.Value, v));

    private async Task<Dictionary<Guid, LessonCounts>> StoredProgressAsync(Guid userId)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        return await db.Progress.AsNoTracking().Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.LessonId, p => new LessonCounts(p.Attempts, p.CorrectAttempts, p.QuestionsMastered, p.Score, p.IsCompleted), Ct);
    }

    private static async Task<Dictionary<Guid, LessonCounts>> CachedProgressAsync(ConnectionMultiplexer redis, Guid userId) =>
        (await redis.GetDatabase().HashGetAllAsync(ProgressCache.Key(userId)))
            .Where(f => f.Name != "*")
            .ToDictionary(f => Guid.ParseExact(f.Name.ToString(), "N"), f => LessonCounts.Parse(f.Value.ToString()));

    private async Task<StreakState> StoredStreakAsync(Guid userId)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new StreakState(u.CurrentStreak, u.LongestStreak, u.LastActiveOn, u.LastActiveTimeZoneId)).SingleAsync(Ct);
    }

    private static async Task<StreakState?> CachedStreakAsync(ConnectionMultiplexer redis, Guid userId)
    {
        var fields = (await redis.GetDatabase().HashGetAllAsync(StreakCache.Key(userId))).ToDictionary(f => f.Name.ToString(), f => f.Value.ToString());
        return fields.Count == 0 ? null : new StreakState(
            int.Parse(fields["current"], CultureInfo.InvariantCulture),
            int.Parse(fields["longest"], CultureInfo.InvariantCulture),
            fields["day"].Length == 0 ? null : DateOnly.ParseExact(fields["day"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            fields["zone"].Length == 0 ? null : fields["zone"]);
    }

    /// <summary>Every learner on the board with their score; the clock never leaves this week, so a week's XP is the total.</summary>
    private static async Task<Dictionary<Guid, long>> CachedBoardAsync(ConnectionMultiplexer redis, string key) =>
        (await redis.GetDatabase().SortedSetRangeByRankWithScoresAsync(key))
            .Where(e => e.Element != "#complete")
            .ToDictionary(e => Guid.ParseExact(e.Element.ToString(), "N"), e => BoardScore.Value(e.Score));
}
