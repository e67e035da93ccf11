using CodeCrafts.Api.Features.Leagues;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Leagues;

/// <summary>Placement through real answers: cohorts in join order, standings, ties, and who is not placed.</summary>
public sealed class CohortTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstXpOfTheWeekPlacesLearnersInCohortsOfThirtyInJoinOrder()
    {
        var week = api.Factory.NextWeek();
        var question = (await api.GradableQuestionsAsync())[0];
        var learners = new List<TestUser>();
        for (var i = 0; i < 31; i++)
        {
            var learner = await api.CreateAsync();
            learners.Add(learner);
            await api.AnswerAsync(learner.Id, question);
            api.Factory.Time.Advance(TimeSpan.FromSeconds(1));
        }
        var wrongOnly = await api.CreateAsync();
        await api.AnswerAsync(wrongOnly.Id, question, correct: false);

        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var placements = await db.LeaguePlacements.AsNoTracking().Where(p => p.WeekStart == week).ToDictionaryAsync(p => p.UserId, Ct);
        Assert.Equal(31, placements.Count);
        for (var i = 0; i < 31; i++)
        {
            var p = placements[learners[i].Id];
            Assert.Equal((LeagueTier.Bronze, i / 30, i + 1, (long)question.FirstXp), (p.Tier!.Value, p.Cohort!.Value, p.JoinOrder!.Value, p.Xp));
        }
        Assert.False(placements.ContainsKey(wrongOnly.Id));

        var first = await api.LeagueAsync(learners[0]);
        Assert.Equal((LeagueWords.Placed, "Bronze", 30), (first.Status, first.Tier, first.Standings.Count));
        Assert.Equal(1, first.Rank);
        Assert.Single(first.Standings, s => s.IsMe);
        Assert.Equal((7, (int?)null), (first.PromotionRanks, first.DemotionFromRank));
        var last = await api.LeagueAsync(learners[30]);
        Assert.Equal((1, 1), (last.Standings.Count, last.Rank));
        var none = await api.LeagueAsync(wrongOnly);
        Assert.Equal((LeagueWords.Unplaced, 0, 0L), (none.Status, none.Standings.Count, none.WeeklyXp));
    }

    [Fact]
    public async Task StandingsRankByWeeklyXpAndTiesGoToWhoReachedTheScoreFirst()
    {
        api.Factory.NextWeek();
        var questions = await api.GradableQuestionsAsync();
        var (early, late, leader) = (await api.CreateAsync(), await api.CreateAsync(), await api.CreateAsync());
        await api.AnswerAsync(early.Id, questions[0]);
        api.Factory.Time.Advance(TimeSpan.FromSeconds(5));
        await api.AnswerAsync(late.Id, questions[0]);
        await api.AnswerAsync(leader.Id, questions[0]);
        await api.AnswerAsync(leader.Id, questions[1]);

        var view = await api.LeagueAsync(late);
        Assert.Equal([leader.Id, early.Id, late.Id], view.Standings.Select(s => s.UserId));
        Assert.Equal([1, 2, 3], view.Standings.Select(s => s.Rank));
        Assert.Equal(view.Standings[1].WeeklyXp, view.Standings[2].WeeklyXp);
        Assert.Equal(questions[0].FirstXp + questions[1].FirstXp, view.Standings[0].WeeklyXp);
        Assert.Equal((3, true), (view.Rank!.Value, view.Standings[2].IsMe));
        Assert.Equal(new DateTimeOffset(api.Factory.Time.GetUtcNow().Date, TimeSpan.Zero).AddDays(7), view.EndsAt);

        // The late learner passes both: the tie-break moves with the new score.
        await api.AnswerAsync(late.Id, questions[1]);
        await api.AnswerAsync(late.Id, questions[2]);
        Assert.Equal([late.Id, leader.Id, early.Id], (await api.LeagueAsync(early)).Standings.Select(s => s.UserId));
    }
}
