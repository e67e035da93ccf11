using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Leaderboards;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Leaderboards;

/// <summary>
/// Awards XP as the attempt flow does: one transaction with the XpAward row and an atomic
/// <c>UPDATE users SET Xp = Xp + n</c>, then, after the commit, the boards' write of the learner's new totals.
/// </summary>
internal static class XpAwards
{
    public static Task AwardAsync(this ApiFixture api, Guid userId, int xp, Guid questionId, DateTimeOffset? at = null) =>
        api.Factory.AwardAsync(userId, xp, questionId, at);

    /// <summary>The same, on a given replica (its hook writes the boards).</summary>
    public static async Task AwardAsync(this ApiFactory replica, Guid userId, int xp, Guid questionId, DateTimeOffset? at = null)
    {
        var when = at ?? replica.Time.GetUtcNow();
        await using (var scope = replica.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.XpAwards.Add(new XpAward
            {
                UserId = userId,
                QuestionId = questionId,
                Day = DateOnly.FromDateTime(when.UtcDateTime),
                Xp = xp,
                AwardedAt = when,
            });
            await db.SaveChangesAsync();
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Xp, u => u.Xp + xp));
            await transaction.CommitAsync();
            // The totals the answer's own read would have given it, as the AttemptRecorded event carries them.
            var week = IsoWeek.Of(when);
            var total = await db.Users.Where(u => u.Id == userId).Select(u => u.Xp).SingleAsync();
            var weekXp = await db.XpAwards.Where(a => a.UserId == userId && a.AwardedAt >= week.Start && a.AwardedAt < week.End).SumAsync(a => (long)a.Xp);
            if (xp > 0)
            {
                var redis = replica.Services.GetRequiredService<RedisAccessor>().TryGetDatabase();
                await replica.Services.GetRequiredService<LeaderboardStore>().RecordXpAsync(redis, userId, total, weekXp, when);
            }
        }
    }

    /// <summary>Distinct question ids, since a learner earns XP for a question at most once a day.</summary>
    public static async Task<Guid[]> QuestionIdsAsync(this ApiFixture api, int count)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var ids = await db.Questions.OrderBy(q => q.Id).Select(q => q.Id).Take(count).ToArrayAsync();
        Assert.Equal(count, ids.Length);
        return ids;
    }

    /// <summary>Sets a rating as the duel flow will (Users.Rating and RatedAt committed), then calls the hook.</summary>
    public static Task RateAsync(this ApiFixture api, Guid userId, double rating, DateTimeOffset at) =>
        api.Factory.RateAsync(api.DatabaseConnectionString, userId, rating, at);

    public static async Task RateAsync(this ApiFactory replica, string database, Guid userId, double rating, DateTimeOffset at)
    {
        await using (var db = TestDb.Open(database))
        {
            await db.Users.Where(u => u.Id == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Rating, rating).SetProperty(u => u.RatedAt, at));
        }
        await replica.Services.GetRequiredService<LeaderboardStore>().RecordRatingAsync(userId, rating, at);
    }
}
