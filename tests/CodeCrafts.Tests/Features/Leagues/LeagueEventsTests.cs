using System.Text.Json;
using System.Threading.Channels;
using CodeCrafts.Api.Features.Leagues;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace CodeCrafts.Tests.Features.Leagues;

/// <summary>LeagueRankChanged on the hub: the learner who moved and everyone they passed hear of it, nobody else.</summary>
public sealed class LeagueEventsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PassingSomeoneTellsTheMoverAndThePassedTheirNewRanksAndNobodyElse()
    {
        var week = LeagueWeeks.Label(api.Factory.NextWeek());
        // Questions of one XP value, so the ranks follow from the counts: leader 3, second 1, climber 1 then 2.
        var questions = (await api.GradableQuestionsAsync()).GroupBy(q => q.FirstXp).MaxBy(g => g.Count())!.ToList();
        var (leader, second, climber) = (await api.CreateAsync(), await api.CreateAsync(), await api.CreateAsync());
        foreach (var question in questions.Take(3))
        {
            await api.AnswerAsync(leader.Id, question);
        }
        api.Factory.Time.Advance(TimeSpan.FromSeconds(1));
        await api.AnswerAsync(second.Id, questions[0]);
        api.Factory.Time.Advance(TimeSpan.FromSeconds(1));
        await api.AnswerAsync(climber.Id, questions[3]);
        // A read builds the cohort's set from PostgreSQL; from then on answers move learners in it and say so.
        Assert.Equal([leader.Id, second.Id, climber.Id], (await api.LeagueAsync(climber)).Standings.Select(s => s.UserId));

        var heard = Channel.CreateUnbounded<(Guid To, LeagueRankChanged Event)>();
        var connections = new List<HubConnection>();
        foreach (var learner in new[] { leader, second, climber })
        {
            var connection = HubClients.Connect(api.Factory, HubClients.TokenFor(api.Factory, learner.Id));
            connection.On<JsonElement>("LeagueRankChanged", payload =>
                heard.Writer.TryWrite((learner.Id, payload.Deserialize<LeagueRankChanged>(Learning.Json)!)));
            await connection.StartAsync(Ct);
            connections.Add(connection);
        }
        try
        {
            await api.AnswerAsync(climber.Id, questions[4]);

            var events = new Dictionary<Guid, LeagueRankChanged>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            while (events.Count < 2)
            {
                var (to, e) = await heard.Reader.ReadAsync(timeout.Token);
                Assert.True(events.TryAdd(to, e), $"a second event for {to}");
            }
            Assert.Equal(new LeagueRankChanged(week, 2, 3, 2L * questions[0].FirstXp), events[climber.Id]);
            Assert.Equal(new LeagueRankChanged(week, 3, 2, null), events[second.Id]);
            // The leader kept their place: nothing for them, however long one waits.
            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
            Assert.False(heard.Reader.TryRead(out var extra), $"unexpected event for {extra.To}");
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
