using System.Runtime.Versioning;
using CodeCrafts.CodeExecution;
using CodeCrafts.CodeExecution.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeCrafts.Tests.Features.CodeExecution;

/// <summary>
/// Tests that start sandboxes run one class at a time, and alone (after the parallel collections): a fork bomb or a
/// 2 GiB allocation next to a timing-sensitive test would only measure the neighbour, and a neighbour's storm of a
/// thousand answers starved a sandbox's run into a time-limit verdict where the test expects a memory one. Their work
/// folder is private to the collection, so "nothing left behind" can be checked exactly.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SandboxCollection
{
    public const string Name = "sandbox";
}

/// <summary>A local sandbox runner built from configuration exactly as the Api builds it.</summary>
[UnsupportedOSPlatform("windows")]
internal sealed class Sandbox : IAsyncDisposable
{
    public static readonly string WorkDirectory = Path.Combine(Path.GetTempPath(), $"codecrafts-sandbox-tests-{Environment.UserName}");

    private readonly ServiceProvider _provider;

    private Sandbox(ServiceProvider provider)
    {
        _provider = provider;
        Runner = (LocalSandboxRunner)provider.GetRequiredService<ICodeRunner>();
        Judge = provider.GetRequiredService<ICodeJudge>();
        Cache = provider.GetRequiredService<CompileCache>();
        Host = provider.GetRequiredService<SandboxHost>();
    }

    public SandboxHost Host { get; }

    public LocalSandboxRunner Runner { get; }

    public ICodeJudge Judge { get; }

    public CompileCache Cache { get; }

    public static string RunsDirectory => Path.Combine(WorkDirectory, "runs");

    /// <summary>
    /// A runner over the collection's work folder (or the one in <paramref name="settings"/>), logging into
    /// <paramref name="logs"/> when given. A "WorkDirectory" of null leaves the service's default in force.
    /// </summary>
    public static Sandbox Create(IDictionary<string, string?>? settings = null, CapturedLogs? logs = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["CodeExecution:Sandbox:WorkDirectory"] = WorkDirectory,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"CodeExecution:Sandbox:{key}"] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        var provider = services.AddCodeExecution(configuration).BuildServiceProvider(validateScopes: true);
        return new Sandbox(provider);
    }

    public Task<CodeRunResult> RunAsync(CodeLanguage language, string source, string stdin = "", string expected = "", double cpuSeconds = 2, int memoryMb = 256) =>
        Runner.RunAsync(new CodeRunRequest(language, source, [new TestInput(stdin, expected)], new RunLimits(cpuSeconds, memoryMb)), TestContext.Current.CancellationToken);

    public Task<CodeRunResult> PythonAsync(string source, string stdin = "", string expected = "", double cpuSeconds = 2, int memoryMb = 256) =>
        RunAsync(CodeLanguage.Python3, source, stdin, expected, cpuSeconds, memoryMb);

    public Task<CodeRunResult> CppAsync(string source, string stdin = "", string expected = "", double cpuSeconds = 2, int memoryMb = 256) =>
        RunAsync(CodeLanguage.Cpp17, source, stdin, expected, cpuSeconds, memoryMb);

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
