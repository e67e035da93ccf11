using System.Net.Http.Json;
using System.Text.Json;
using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Features.Leaderboards;

/// <summary>The hook from the learning loop: XP earned by answering shows on the XP boards, both periods.</summary>
public sealed class AnsweringMovesTheBoardTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task XpEarnedByAnsweringAppearsOnTheWeeklyAndAllTimeBoards()
    {
        var ct = TestContext.Current.CancellationToken;
        var user = await api.CreateAsync();
        var questions = (await api.GradableQuestionsAsync()).Take(3).ToList();

        var earned = 0;
        foreach (var question in questions)
        {
            earned += (await api.AnswerAsync(user.Id, question)).XpGained;
        }
        var client = api.ClientFor(user.Id);
        var weekly = await client.GetFromJsonAsync<JsonElement>("/api/leaderboards/xp?period=weekly&limit=10", ct);
        var all = await client.GetFromJsonAsync<JsonElement>("/api/leaderboards/xp?period=all&limit=10", ct);

        Assert.True(earned > 0);
        foreach (var board in new[] { weekly, all })
        {
            var me = board.GetProperty("me");
            Assert.Equal(earned, me.GetProperty("score").GetInt64());
            Assert.Equal(1, me.GetProperty("rank").GetInt64());
        }
    }
}
