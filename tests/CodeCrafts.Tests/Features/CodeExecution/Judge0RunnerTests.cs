using CodeCrafts.CodeExecution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CodeCrafts.Tests.Features.CodeExecution;

public sealed class Judge0RunnerTests : IAsyncLifetime
{
    private FakeJudge0Server _judge0 = null!;
    private ServiceProvider _services = null!;

    private ICodeRunner Runner => _services.GetRequiredService<ICodeRunner>();

    public async ValueTask InitializeAsync()
    {
        _judge0 = await FakeJudge0Server.StartAsync();
        _services = Build(_judge0.Url);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _judge0.DisposeAsync();
    }

    /// <summary>The runner as the Api configures it, with delays shortened so the tests wait milliseconds.</summary>
    internal static ServiceProvider Build(string url, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CodeExecution:Judge0:Url"] = url,
            ["CodeExecution:Judge0:ApiKey"] = "secret-key",
            ["CodeExecution:Judge0:PollInitialDelay"] = "00:00:00.010",
            ["CodeExecution:Judge0:PollMaxDelay"] = "00:00:00.050",
            ["CodeExecution:Judge0:RetryDelay"] = "00:00:00.020",
            ["CodeExecution:Judge0:AttemptTimeout"] = "00:00:02",
            ["CodeExecution:Judge0:RunTimeout"] = "00:00:10",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddCodeExecution(configuration).BuildServiceProvider(validateScopes: true);
    }

    private Task<CodeRunResult> RunAsync(CodeLanguage language, string source, params TestInput[] tests) =>
        Runner.RunAsync(new CodeRunRequest(language, source, tests, new RunLimits(1.5, 128)), TestContext.Current.CancellationToken);

    [Fact]
    public async Task LanguageIdsAreResolvedByNameOnceAndTheNewestVersionWins()
    {
        await RunAsync(CodeLanguage.Python3, "echo", new TestInput("a", "a"));
        await RunAsync(CodeLanguage.Cpp17, "echo", new TestInput("a", "a"));

        Assert.Equal([92, 54], _judge0.Received.Select(s => s.LanguageId));
        Assert.Equal(1, _judge0.LanguageRequests);
    }

    [Fact]
    public async Task SourceInputAndExpectedOutputTravelBase64WithTheLimitsAndTheAuthHeader()
    {
        const string source = "print('héllo ✓')  # echo";

        await RunAsync(CodeLanguage.Cpp17, source, new TestInput("naïve\n\u0001", "naïve\n\u0001"));

        var received = Assert.Single(_judge0.Received);
        Assert.Equal(source, received.Source);
        Assert.Equal("naïve\n\u0001", received.Stdin);
        Assert.Equal("naïve\n\u0001", received.ExpectedOutput);
        Assert.Equal(1.5, received.CpuTimeLimit);
        Assert.Equal(4, received.WallTimeLimit);
        Assert.Equal(128 * 1024, received.MemoryLimit);
        Assert.Equal("-std=c++17 -O2", received.CompilerOptions);
        Assert.Equal("secret-key", received.AuthToken);
    }

    [Fact]
    public async Task TheBatchIsPolledUntilNothingIsInQueueOrProcessing()
    {
        var result = await RunAsync(CodeLanguage.Python3, "echo", new TestInput("1\n", "1\n"), new TestInput("2\n", "2\n"), new TestInput("3\n", "3\n"));

        Assert.Equal(Verdict.Accepted, result.Verdict);
        Assert.Equal(3, result.Tests.Count);
        Assert.Equal(3, _judge0.BatchPolls);
        Assert.Equal(["1\n", "2\n", "3\n"], result.Tests.Select(t => t.Stdout));
        Assert.All(result.Tests, t => Assert.Equal((0.012, 3456L), (t.TimeSeconds!.Value, t.MemoryKb!.Value)));
    }

    [Fact]
    public async Task DifferentOutputIsAWrongAnswerForThatTestOnly()
    {
        var result = await RunAsync(CodeLanguage.Python3, "echo", new TestInput("same", "same"), new TestInput("this", "that"));

        Assert.Equal(Verdict.WrongAnswer, result.Verdict);
        Assert.Equal([Verdict.Accepted, Verdict.WrongAnswer], result.Tests.Select(t => t.Verdict));
        Assert.Equal("this", result.Tests[1].Stdout);
    }

    [Theory]
    [InlineData(3, Verdict.Accepted)]
    [InlineData(4, Verdict.WrongAnswer)]
    [InlineData(5, Verdict.TimeLimitExceeded)]
    [InlineData(7, Verdict.RuntimeError)]
    [InlineData(8, Verdict.RuntimeError)]
    [InlineData(9, Verdict.RuntimeError)]
    [InlineData(10, Verdict.RuntimeError)]
    [InlineData(11, Verdict.RuntimeError)]
    [InlineData(12, Verdict.RuntimeError)]
    [InlineData(13, Verdict.InternalError)]
    [InlineData(14, Verdict.InternalError)]
    public async Task Judge0StatusesMapOntoVerdicts(int status, Verdict expected)
    {
        var result = await RunAsync(CodeLanguage.Python3, $"#status:{status}", new TestInput("x", "x"));

        Assert.Equal(expected, result.Verdict);
        Assert.Equal(expected, Assert.Single(result.Tests).Verdict);
    }

    [Fact]
    public async Task ACompilationErrorCarriesTheCompilersOutput()
    {
        var result = await RunAsync(CodeLanguage.Cpp17, "#status:6", new TestInput("x", "x"), new TestInput("y", "y"));

        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.Equal("main.cpp:1:1: error: nope\n", result.CompileOutput);
        Assert.Empty(result.Tests);
    }

    [Fact]
    public async Task ARuntimeErrorFromRunningOutOfMemoryIsAMemoryLimitExceeded()
    {
        var result = await RunAsync(CodeLanguage.Python3, "#status:11 MemoryError", new TestInput("x", "x"));

        Assert.Equal(Verdict.MemoryLimitExceeded, result.Verdict);
    }

    [Fact]
    public async Task A503IsRetriedAndTheRunStillSucceeds()
    {
        _judge0.FailPosts = 2;

        var result = await RunAsync(CodeLanguage.Python3, "echo", new TestInput("ok", "ok"));

        Assert.Equal(Verdict.Accepted, result.Verdict);
        Assert.Equal(3, _judge0.PostAttempts);
    }

    [Fact]
    public async Task A503ThatDoesNotGoAwayEndsAsAnInternalErrorNotAnException()
    {
        _judge0.FailPosts = 1000;

        var result = await RunAsync(CodeLanguage.Python3, "echo", new TestInput("ok", "ok"));

        Assert.Equal(Verdict.InternalError, result.Verdict);
        Assert.Contains("503", result.Message, StringComparison.Ordinal);
        Assert.Equal(4, _judge0.PostAttempts);
    }

    [Fact]
    public async Task AMalformedResponseEndsAsAnInternalError()
    {
        _judge0.MalformedBatches = true;

        var result = await RunAsync(CodeLanguage.Python3, "echo", new TestInput("ok", "ok"));

        Assert.Equal(Verdict.InternalError, result.Verdict);
        Assert.Contains("malformed", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunThatNeverFinishesEndsAsAnInternalErrorAtTheRunTimeout()
    {
        _judge0.NeverFinish = true;
        await using var services = Build(_judge0.Url, new Dictionary<string, string?> { ["CodeExecution:Judge0:RunTimeout"] = "00:00:01" });

        var result = await services.GetRequiredService<ICodeRunner>().RunAsync(
            new CodeRunRequest(CodeLanguage.Python3, "echo", [new TestInput("a", "a")], new RunLimits(1, 64)), TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.InternalError, result.Verdict);
        Assert.Contains("did not finish", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHealthCheckReportsWhetherJudge0Answers()
    {
        await using var unreachable = Build($"http://127.0.0.1:{Infrastructure.ExternalProcess.FreeTcpPort()}");

        var up = await Runner.CheckHealthAsync(TestContext.Current.CancellationToken);
        var down = await unreachable.GetRequiredService<ICodeRunner>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, up.Status);
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
    }
}
