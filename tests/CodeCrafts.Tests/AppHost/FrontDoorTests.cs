using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using CodeCrafts.AppHost.Infrastructure;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeCrafts.Tests.AppHost;

/// <summary>The README's first command on a machine that lacks things: it still starts, and says what is wrong.</summary>
public sealed class FrontDoorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutASandboxEmbeddedModeSeedsServesEverythingAndRefusesOnlyCodeWith503()
    {
        var builder = await AppHostRunner.CreateAsync("embedded", "CodeExecution:Sandbox:BwrapPath=/nonexistent/bwrap");
        await using var app = await builder.BuildAsync(Ct);
        await app.StartAsync(Ct);
        using var timeout = StartTimeout();
        var migrations = await app.ResourceNotifications.WaitForResourceAsync(
            "migrations", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        using var client = app.CreateHttpClient("api");

        var health = await client.GetFromJsonAsync<JsonElement>("/health", Ct);
        await SignUpAsync(client);
        var lessons = await LessonsWithQuestionsAsync(client);
        var mcq = lessons.SelectMany(l => l.Questions).Single(q => q.GetProperty("slug").GetString() == "print-hello");
        var code = lessons.SelectMany(l => l.Questions).First(q => string.Equals(q.GetProperty("type").GetString(), "code", StringComparison.OrdinalIgnoreCase));
        var mcqAnswer = await AnswerAsync(client, mcq, new { optionIds = new[] { "b" } });
        var codeAnswer = await AnswerAsync(client, code, new { code = "print(1)" });
        var trialRun = await client.PostAsJsonAsync("/api/code/run", new { questionId = code.GetProperty("id").GetGuid(), code = "print(1)" }, Ct);

        Assert.Equal(0, migrations.Snapshot.ExitCode);
        Assert.Equal(24, lessons.Count);
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Equal("Degraded", health.GetProperty("checks").GetProperty("code-runner").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, mcqAnswer.StatusCode);
        var result = await mcqAnswer.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(result.GetProperty("correct").GetBoolean());
        Assert.True(result.GetProperty("xpGained").GetInt32() > 0);
        foreach (var refused in new[] { codeAnswer, trialRun })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var detail = problem.GetProperty("detail").GetString();
            Assert.Contains("/nonexistent/bwrap is missing", detail, StringComparison.Ordinal);
            Assert.Contains("apt-get install -y bubblewrap", detail, StringComparison.Ordinal);
            Assert.Contains("JUDGE0_API_URL", detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AFailingWorkerIsExplainedOnTheConsoleWithItsLogAndWhatItBlocks()
    {
        var console = new ConsoleCapture();
        var builder = await AppHostRunner.CreateAsync("embedded", "Curriculum:Path=/nonexistent/curriculum");
        builder.Services.AddLogging(logging => logging.AddProvider(console));
        await using var app = await builder.BuildAsync(Ct);
        await app.StartAsync(Ct);
        using var timeout = StartTimeout();
        await app.ResourceNotifications.WaitForResourceAsync(
            "api", e => e.Snapshot.State?.Text == KnownResourceStates.FailedToStart, timeout.Token);
        await WaitUntilAsync(() => console.Text.Contains("api will not start", StringComparison.Ordinal), timeout.Token);

        var text = console.Text;
        Assert.Contains("[migrations] Starting", text, StringComparison.Ordinal);
        Assert.Contains("[migrations] Finished (exit code 1)", text, StringComparison.Ordinal);
        Assert.Contains("[migrations] failed; its last", text, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/curriculum", text, StringComparison.Ordinal);
        Assert.Contains("api will not start: it waits for migrations", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalPostgresWithoutRedisServesBoardsFromPostgres()
    {
        var builder = await AppHostRunner.CreateAsync("local", "CodeCrafts:RedisServer=none");
        await using var app = await builder.BuildAsync(Ct);
        await app.StartAsync(Ct);
        using var timeout = StartTimeout();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        using var client = app.CreateHttpClient("api");
        await SignUpAsync(client);

        var board = await client.GetAsync("/api/leaderboards/xp?period=weekly", Ct);
        var health = await client.GetFromJsonAsync<JsonElement>("/health", Ct);

        Assert.Contains(builder.Resources, r => r.Name == "postgres");
        Assert.DoesNotContain(builder.Resources, r => r.Name == "cache");
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.False(health.GetProperty("checks").TryGetProperty("cache", out _));
    }

    [Fact]
    public async Task AFreshLocalStartLogsNoErrors()
    {
        var builder = await AppHostRunner.CreateAsync("local");
        await using var app = await builder.BuildAsync(Ct);
        await app.StartAsync(Ct);
        using var timeout = StartTimeout();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();

        var lines = new List<string>();
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            await foreach (var batch in logs.GetAllAsync(project).WithCancellation(timeout.Token))
            {
                lines.AddRange(batch.Select(l => l.Content));
            }
        }

        // The services' console format: "<timestamp> fail: Category[id]" for Error, "crit:" for Critical, in colour.
        var plain = lines.Select(ResourceStory.Plain).ToList();
        Assert.Contains(plain, l => l.Contains("Curriculum seeded", StringComparison.Ordinal));
        Assert.Contains(plain, l => Regex.IsMatch(l, @"\sinfo: "));
        Assert.DoesNotContain(plain, l => Regex.IsMatch(l, @"\s(fail|crit): "));
    }

    private static CancellationTokenSource StartTimeout()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(AppHostRunner.StartTimeout);
        return timeout;
    }

    private static async Task SignUpAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/auth/register", new
        {
            email = $"front-door-{Guid.NewGuid():N}@example.org",
            password = "correct horse battery staple",
            displayName = "Ada",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", body.GetProperty("tokens").GetProperty("accessToken").GetString());
    }

    private static async Task<List<(string Slug, IReadOnlyList<JsonElement> Questions)>> LessonsWithQuestionsAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/lessons?pageSize=100", Ct);
        var lessons = new List<(string, IReadOnlyList<JsonElement>)>();
        foreach (var lesson in page.GetProperty("items").EnumerateArray())
        {
            var detail = await client.GetFromJsonAsync<JsonElement>($"/api/lessons/{lesson.GetProperty("id").GetGuid()}", Ct);
            lessons.Add((lesson.GetProperty("slug").GetString()!, detail.GetProperty("questions").EnumerateArray().ToList()));
        }
        return lessons;
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, JsonElement question, object answer) =>
        client.PostAsJsonAsync($"/api/questions/{question.GetProperty("id").GetGuid()}/attempts",
            new { answer, timeTakenMs = 5_000, idempotencyKey = Guid.NewGuid().ToString("N") }, Ct);

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(100, cancellationToken);
        }
    }
}
