using System.Net;
using System.Net.Http.Json;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Features.Duels;

public sealed class UserDuelTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFullDuelBetweenTwoUsersNamesTheWinnerAndRatesBothOnce()
    {
        var (alice, bob) = (await api.CreateAsync(), await api.CreateAsync());
        var challenge = await alice.ChallengeAsync(bob);
        var bobsPending = await bob.Client.GetFromJsonAsync<PagedResult<DuelSummary>>("/api/duels?status=pending", Learning.Json, Ct);
        var pendingView = await bob.GetAsync(challenge.Id);

        var duel = await bob.AcceptAsync(challenge.Id);
        foreach (var q in duel.Questions)
        {
            api.Factory.Time.Advance(TimeSpan.FromSeconds(4));
            await alice.AnswerAsync(api, duel, q.Position, correctly: true);
            await bob.AnswerAsync(api, duel, q.Position, correctly: q.Position != 3);
            if (q.Position == 2)
            {
                var midway = await alice.GetAsync(duel.Id);
                Assert.Equal((2, 2), (midway.Opponent!.Answered, midway.Opponent.Correct));
            }
        }
        var finished = await alice.GetAsync(duel.Id);

        Assert.Equal(DuelStatus.Pending, challenge.Status);
        Assert.Contains(bobsPending!.Items, d => d.Id == challenge.Id);
        Assert.Empty(pendingView.Questions);
        Assert.Equal(DuelStatus.Active, duel.Status);
        Assert.Equal(duel.Questions.Select(q => q.QuestionId), (await alice.GetAsync(duel.Id)).Questions.Select(q => q.QuestionId));
        var result = finished.Result!;
        Assert.Equal((DuelOutcome.ChallengerWon, alice.Id), (result.Outcome, result.WinnerId));
        Assert.Equal((5, 20_000), (result.Challenger.Score, result.Challenger.TimeMs));
        Assert.Equal((4, 20_000), (result.Opponent.Score, result.Opponent.TimeMs));
        Assert.Equal(162.31, result.Challenger.RatingChange!.Value, 0.01);
        Assert.Equal(-162.31, result.Opponent.RatingChange!.Value, 0.01);
        Assert.Equal(1662.31, (await api.UserAsync(alice.Id)).Rating, 0.01);
        Assert.Equal(1337.69, (await api.UserAsync(bob.Id)).Rating, 0.01);
    }

    [Fact]
    public async Task ATieOnScoreGoesToTheFasterPlayerAndAFullTieIsADraw()
    {
        var (alice, bob, carol, dave) = (await api.CreateAsync(), await api.CreateAsync(), await api.CreateAsync(), await api.CreateAsync());
        var timed = await bob.AcceptAsync((await alice.ChallengeAsync(bob, questions: 3)).Id);
        var level = await dave.AcceptAsync((await carol.ChallengeAsync(dave, questions: 3)).Id);

        foreach (var position in new[] { 1, 2, 3 })
        {
            api.Factory.Time.Advance(TimeSpan.FromSeconds(3));
            await bob.AnswerAsync(api, timed, position, correctly: true);
            await carol.AnswerAsync(api, level, position, correctly: position != 2);
            await dave.AnswerAsync(api, level, position, correctly: position != 2);
            api.Factory.Time.Advance(TimeSpan.FromSeconds(1));
            await alice.AnswerAsync(api, timed, position, correctly: true);
        }
        var fasterWins = (await alice.GetAsync(timed.Id)).Result!;
        var draw = (await carol.GetAsync(level.Id)).Result!;

        Assert.Equal((DuelOutcome.OpponentWon, bob.Id), (fasterWins.Outcome, fasterWins.WinnerId));
        Assert.Equal((11_000, 12_000), (fasterWins.Opponent.TimeMs, fasterWins.Challenger.TimeMs));
        Assert.Equal((DuelOutcome.Draw, (Guid?)null), (draw.Outcome, draw.WinnerId));
        Assert.Equal((2, 2), (draw.Challenger.Score, draw.Opponent.Score));
        var carolAfter = await api.UserAsync(carol.Id);
        Assert.Equal(1500, carolAfter.Rating, 1e-6);
        Assert.Equal(290.32, carolAfter.RatingDeviation, 0.01);
    }

    [Fact]
    public async Task ADeclinedChallengeIsCancelledAndCannotBeAccepted()
    {
        var (alice, bob) = (await api.CreateAsync(), await api.CreateAsync());
        var challenge = await alice.ChallengeAsync(bob);

        var declined = await bob.Client.PostAsync($"/api/duels/{challenge.Id}/decline", null, Ct);
        var accept = await bob.Client.PostAsync($"/api/duels/{challenge.Id}/accept", null, Ct);

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(DuelStatus.Cancelled, (await declined.Content.ReadFromJsonAsync<DuelView>(Learning.Json, Ct))!.Status);
        Assert.Equal("Not pending", (await DuelKit.ProblemAsync(accept, HttpStatusCode.Conflict)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnUnansweredChallengeExpiresOnReadAndInTheBackgroundSweep()
    {
        var (alice, bob) = (await api.CreateAsync(), await api.CreateAsync());
        var read = await alice.ChallengeAsync(bob);
        var swept = await alice.ChallengeAsync(bob);

        api.Factory.Time.Advance(TimeSpan.FromMinutes(10));
        var accept = await bob.Client.PostAsync($"/api/duels/{read.Id}/accept", null, Ct);
        var expiredView = await alice.GetAsync(read.Id);
        await api.SweepAsync();

        Assert.Equal("Challenge expired", (await DuelKit.ProblemAsync(accept, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal(DuelStatus.Expired, expiredView.Status);
        Assert.Equal(DuelStatus.Expired, (await api.DuelRowAsync(swept.Id)).Status);
    }

    [Fact]
    public async Task OfTenConcurrentAcceptsExactlyOneStartsTheDuel()
    {
        var (alice, bob) = (await api.CreateAsync(), await api.CreateAsync());
        var challenge = await alice.ChallengeAsync(bob);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => bob.Client.PostAsync($"/api/duels/{challenge.Id}/accept", null, Ct)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var row = await api.DuelRowAsync(challenge.Id);
        Assert.Equal(DuelStatus.Active, row.Status);
        Assert.Equal(5, row.Questions.Count);
    }

    [Fact]
    public async Task SimultaneousLastAnswersFinishTheDuelOnceAndRateItOnce()
    {
        for (var round = 0; round < 3; round++)
        {
            var (alice, bob) = (await api.CreateAsync(), await api.CreateAsync());
            var duel = await bob.AcceptAsync((await alice.ChallengeAsync(bob, questions: 3)).Id);
            foreach (var position in new[] { 1, 2 })
            {
                await alice.AnswerAsync(api, duel, position, correctly: true);
                await bob.AnswerAsync(api, duel, position, correctly: position == 1);
            }
            var aliceLast = await DuelKit.AnswerForAsync(api, duel.Questions[2].QuestionId, correctly: true);
            var bobLast = await DuelKit.AnswerForAsync(api, duel.Questions[2].QuestionId, correctly: true);

            var responses = await Task.WhenAll(alice.PostAnswerAsync(duel.Id, 3, aliceLast), bob.PostAnswerAsync(duel.Id, 3, bobLast));

            var results = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<DuelAnswerResult>(Learning.Json, Ct)));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal(1, results.Count(r => r!.DuelStatus == DuelStatus.Finished));
            var row = await api.DuelRowAsync(duel.Id);
            Assert.Equal((DuelStatus.Finished, DuelOutcome.ChallengerWon, 3, 2), (row.Status, row.Outcome!.Value, row.ChallengerScore, row.OpponentScore));
            // Rated twice, the winner would be far above one win's 1662.31.
            Assert.Equal(1662.31, (await api.UserAsync(alice.Id)).Rating, 0.01);
            Assert.Equal(1337.69, (await api.UserAsync(bob.Id)).Rating, 0.01);
        }
    }
}
