using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Duels;

public sealed class DuelInputTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> BadDuels => new()
    {
        { """{"opponent":"robot","language":"python"}""", "opponent" },
        { """{"language":"python"}""", "opponent" },
        { """{"opponent":"bot"}""", "language" },
        { """{"opponent":"bot","language":"python","questionCount":11}""", "questionCount" },
        { """{"opponent":"bot","language":"python","questionCount":2}""", "questionCount" },
        { """{"opponent":"bot","language":"python","botLevel":2,"botRating":1500}""", "botRating" },
        { """{"opponent":"bot","language":"python","botRating":5000}""", "botRating" },
        { """{"opponent":"matchmaking","language":"python","botLevel":3}""", "botLevel" },
        { """{"opponent":"00000000-0000-0000-0000-000000000001","language":"python"}""", "opponent" },
        { """{"opponent":"bot","language":"java"}""", "" },
        { """{"opponent":"bot","language":"python","colour":"red"}""", "" },
        { """{"opponent":"bot","language":"python","questionCount":"five"}""", "" },
    };

    [Theory]
    [MemberData(nameof(BadDuels))]
    public async Task ABadDuelRequestIsA400ProblemNamingTheFieldAndCreatesNothing(string body, string field)
    {
        var player = await api.CreateAsync();

        var response = await player.Client.PostAsync("/api/duels", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        var problem = await DuelKit.ProblemAsync(response, HttpStatusCode.BadRequest);
        if (field.Length > 0)
        {
            var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
            Assert.Contains(errors, name => string.Equals(name, field, StringComparison.OrdinalIgnoreCase));
        }
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.False(await db.Duels.AnyAsync(d => d.ChallengerId == player.Id, Ct));
    }

    [Fact]
    public async Task ChallengingYourselfIsRefused()
    {
        var player = await api.CreateAsync();

        var response = await player.Client.PostAsJsonAsync("/api/duels", new { opponent = player.Id, language = "cpp" }, Ct);

        var problem = await DuelKit.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("opponent", out _));
    }

    [Fact]
    public async Task BadAnswersAre400sNamingTheFieldAndRecordNothing()
    {
        var player = await api.CreateAsync();
        var duel = await player.PlayBotAsync(botRating: 1500, questions: 3);
        var choice = duel.Questions.First(q => q.Choices is not null);

        var cases = new (object Body, string Field)[]
        {
            (new { position = 0, answer = new { optionIds = new[] { "a" } } }, "position"),
            (new { position = 4, answer = new { optionIds = new[] { "a" } } }, "position"),
            (new { position = 1 }, "answer"),
            // A field of another question type is refused by its own name.
            (new { position = choice.Position, answer = new { blanks = new[] { "x" } } }, "answer.blanks"),
            (new { position = choice.Position, answer = new { optionIds = new[] { "zz" } } }, "answer.optionIds"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await player.Client.PostAsJsonAsync($"/api/duels/{duel.Id}/answers", body, Ct);
            var problem = await DuelKit.ProblemAsync(response, HttpStatusCode.BadRequest);
            var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
            Assert.Contains(errors, name => string.Equals(name, field, StringComparison.OrdinalIgnoreCase));
        }

        await using var db = TestDb.Open(api.DatabaseConnectionString);
        Assert.False(await db.QuestionAttempts.AnyAsync(a => a.DuelId == duel.Id, Ct));
    }

    [Fact]
    public async Task UnknownDuelsOthersDuelsAndBadListQueriesAreClear4xx()
    {
        var (alice, bob, stranger) = (await api.CreateAsync(), await api.CreateAsync(), await api.CreateAsync());
        var challenge = await alice.ChallengeAsync(bob);

        var missing = await alice.Client.GetAsync($"/api/duels/{Guid.NewGuid()}", Ct);
        var acceptMissing = await alice.Client.PostAsync($"/api/duels/{Guid.NewGuid()}/accept", null, Ct);
        var peek = await stranger.Client.GetAsync($"/api/duels/{challenge.Id}", Ct);
        var selfAccept = await alice.Client.PostAsync($"/api/duels/{challenge.Id}/accept", null, Ct);
        var badStatus = await alice.Client.GetAsync("/api/duels?status=won", Ct);
        var badPage = await alice.Client.GetAsync("/api/duels?pageSize=1000", Ct);
        var anonymous = await api.CreateClient().GetAsync("/api/duels", Ct);

        await DuelKit.ProblemAsync(missing, HttpStatusCode.NotFound);
        await DuelKit.ProblemAsync(acceptMissing, HttpStatusCode.NotFound);
        await DuelKit.ProblemAsync(peek, HttpStatusCode.Forbidden);
        await DuelKit.ProblemAsync(selfAccept, HttpStatusCode.Forbidden);
        Assert.True((await DuelKit.ProblemAsync(badStatus, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(DuelStatus.Pending, (await api.DuelRowAsync(challenge.Id)).Status);
    }

    [Fact]
    public async Task TheListIsMineFilteredByStatusAndPaginated()
    {
        var (alice, bob) = (await api.CreateAsync(), await api.CreateAsync());
        for (var i = 0; i < 3; i++)
        {
            await alice.ChallengeAsync(bob);
        }
        await alice.PlayBotAsync(1400, questions: 3);

        var page = await alice.Client.GetFromJsonAsync<JsonElement>("/api/duels?status=Pending&page=2&pageSize=2", Ct);
        var active = await alice.Client.GetFromJsonAsync<JsonElement>("/api/duels?status=active", Ct);
        var bobs = await bob.Client.GetFromJsonAsync<JsonElement>("/api/duels", Ct);

        Assert.Equal((3, 1), (page.GetProperty("total").GetInt32(), page.GetProperty("items").GetArrayLength()));
        Assert.Equal(1, active.GetProperty("total").GetInt32());
        Assert.Equal(3, bobs.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheOpenApiDocumentListsEveryDuelOperationWithItsProblemResponses()
    {
        var document = await api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var paths = document.GetProperty("paths");
        string[] Responses(string path, string method) =>
            paths.GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject().Select(r => r.Name).ToArray();
        Assert.Superset(new HashSet<string> { "201", "400", "401", "409" }, Responses("/api/duels", "post").ToHashSet());
        Assert.Superset(new HashSet<string> { "200", "400", "401" }, Responses("/api/duels", "get").ToHashSet());
        Assert.Superset(new HashSet<string> { "200", "401", "403", "404" }, Responses("/api/duels/{id}", "get").ToHashSet());
        Assert.Superset(new HashSet<string> { "200", "401", "403", "404", "409" }, Responses("/api/duels/{id}/accept", "post").ToHashSet());
        Assert.Superset(new HashSet<string> { "200", "401", "403", "404", "409" }, Responses("/api/duels/{id}/decline", "post").ToHashSet());
        Assert.Superset(new HashSet<string> { "200", "400", "401", "403", "404", "409" }, Responses("/api/duels/{id}/answers", "post").ToHashSet());
    }
}
