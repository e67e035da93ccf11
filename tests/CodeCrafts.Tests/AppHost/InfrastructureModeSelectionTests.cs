using CodeCrafts.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CodeCrafts.Tests.AppHost;

/// <summary>The AppHost's choice of database, cache and code runner, decided per server from what the machine has.</summary>
public sealed class InfrastructureModeSelectionTests
{
    private const string Postgres = "/usr/lib/postgresql/15/bin";
    private const string Redis = "/usr/bin/redis-server";

    private static IConfiguration Config(string? mode = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CodeCrafts:Infrastructure"] = mode }).Build();

    private static MachineFacts Machine(string? postgres = Postgres, string? redis = Redis, string? runtime = null, params MissingTool[] missing) =>
        new(runtime, postgres, redis, UsesJudge0: false, missing);

    [Fact]
    public void PostgresWithoutRedisRunsOnLocalPostgresWithoutACache()
    {
        var choice = InfrastructureModeSelector.Select(Config(), Machine(redis: null));

        Assert.Equal(InfrastructureMode.Local, choice.Mode);
        Assert.Equal(Postgres, choice.PostgresBinDirectory);
        Assert.False(choice.HasCache);
        Assert.Contains("redis-server is missing (boards and streaks come from PostgreSQL", choice.Summary, StringComparison.Ordinal);
        Assert.EndsWith("To enable the rest: sudo apt-get install -y redis-server", choice.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgresAndRedisRunLocallyAndNothingIsLeftToInstall()
    {
        var choice = InfrastructureModeSelector.Select(Config(), Machine());

        Assert.Equal((InfrastructureMode.Local, Redis), (choice.Mode, choice.RedisServer));
        Assert.True(choice.HasCache);
        Assert.DoesNotContain("apt-get", choice.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ABareMachineIsEmbeddedAndTheLineNamesEveryPackageThatWouldEnableTheRest()
    {
        var choice = InfrastructureModeSelector.Select(Config(), Machine(postgres: null, redis: null,
            missing: [new MissingTool("/usr/bin/bwrap", "bubblewrap"), new MissingTool("/usr/bin/g++", "g++")]));

        Assert.Equal(InfrastructureMode.Embedded, choice.Mode);
        Assert.False(choice.HasCache);
        Assert.Contains("code runner: none, /usr/bin/bwrap, /usr/bin/g++ missing", choice.Summary, StringComparison.Ordinal);
        Assert.EndsWith("sudo apt-get install -y postgresql redis-server bubblewrap g++", choice.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void RedisWithoutPostgresStillMeansSqliteAndSaysPostgresIsMissing()
    {
        var choice = InfrastructureModeSelector.Select(Config(), Machine(postgres: null));

        Assert.Equal(InfrastructureMode.Embedded, choice.Mode);
        Assert.Null(choice.RedisServer);
        Assert.EndsWith("sudo apt-get install -y postgresql", choice.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AContainerRuntimeWinsUnlessConfigurationSaysOtherwise()
    {
        var auto = InfrastructureModeSelector.Select(Config(), Machine(runtime: "docker"));
        var forced = InfrastructureModeSelector.Select(Config("embedded"), Machine(runtime: "docker"));

        Assert.Equal(InfrastructureMode.Containers, auto.Mode);
        Assert.True(auto.HasCache);
        Assert.Equal(InfrastructureMode.Embedded, forced.Mode);
        Assert.Contains("CodeCrafts:Infrastructure is 'embedded'", forced.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("local")]
    [InlineData("sqlite")]
    [InlineData("7")]
    public void AnImpossibleOrUnknownModeIsRefusedWithWhatToDo(string mode)
    {
        var error = Assert.Throws<InvalidOperationException>(() => InfrastructureModeSelector.Select(Config(mode), Machine(postgres: null)));

        Assert.Contains(mode == "local" ? "apt-get install -y postgresql" : "must be auto, containers, local or embedded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge0ReplacesTheSandboxSoNothingIsMissingForCode()
    {
        var choice = InfrastructureModeSelector.Select(Config(), Machine() with { UsesJudge0 = true });

        Assert.Contains("code runner: Judge0", choice.Summary, StringComparison.Ordinal);
    }
}
