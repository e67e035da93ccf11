using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Duels;

/// <summary>Two Api replicas over one database and one Redis, as the AppHost runs them with WithReplicas.</summary>
public sealed class DuelReplicaTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoReplicasSweepingAtOnceFinishEachOverdueDuelOnceAndRateItOnce()
    {
        await using var replica = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:codecrafts"] = api.DatabaseConnectionString,
            ["ConnectionStrings:cache"] = api.Redis.ConnectionString,
        });
        var duels = new List<(TestUser Winner, TestUser Loser, Guid DuelId)>();
        for (var i = 0; i < 4; i++)
        {
            var (alice, bob) = (await api.CreateAsync(), await api.CreateAsync());
            var duel = await bob.AcceptAsync((await alice.ChallengeAsync(bob, questions: 3)).Id);
            await alice.AnswerAsync(api, duel, 1, correctly: true);
            duels.Add((alice, bob, duel.Id));
        }

        api.Factory.Time.Advance(TimeSpan.FromMinutes(4));
        replica.Time.SetUtcNow(api.Factory.Time.GetUtcNow());
        await using var first = api.Factory.Services.CreateAsyncScope();
        await using var second = replica.Services.CreateAsyncScope();
        var reports = await Task.WhenAll(
            first.ServiceProvider.GetRequiredService<DuelSweeper>().RunOnceAsync(Ct),
            second.ServiceProvider.GetRequiredService<DuelSweeper>().RunOnceAsync(Ct));

        Assert.True(reports.Sum(r => r.Finished) <= duels.Count);
        foreach (var (winner, loser, duelId) in duels)
        {
            var row = await api.DuelRowAsync(duelId);
            Assert.Equal((DuelStatus.Finished, DuelOutcome.ChallengerWon), (row.Status, row.Outcome!.Value));
            Assert.Equal(1662.31, (await api.UserAsync(winner.Id)).Rating, 0.01);
            Assert.Equal(1337.69, (await api.UserAsync(loser.Id)).Rating, 0.01);
        }
    }
}
