using System.Diagnostics;
using System.Globalization;
using CodeCrafts.CodeExecution;
using CodeCrafts.CodeExecution.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Code execution benchmark (local sandbox, 127.0.0.1 only, nothing leaves the machine):
//   1. the sandbox's added time for a trivial Python and a trivial C++ program: sandboxed runs and bare
//      runs of the same program, interleaved in the same process so both see the same machine load;
//   2. submissions per second for a Python question with 5 tests, at the runner's concurrency cap;
//   3. a C++ first submission (compiles) against its resubmission (compile cache).
// Usage: dotnet run -c Release --project benchmarks/CodeCrafts.Benchmarks.CodeExecution [-- iterations submissions]

var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
var submissions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
// A private folder of its own, as the sandbox requires (0700, owned by whoever runs the benchmark).
var work = Directory.CreateTempSubdirectory("codecrafts-bench-").FullName;
var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["CodeExecution:Sandbox:WorkDirectory"] = work,
    ["CodeExecution:Sandbox:QueueLength"] = "1000",
}).Build();
await using var provider = new ServiceCollection().AddLogging().AddCodeExecution(config).BuildServiceProvider();
var runner = provider.GetRequiredService<ICodeRunner>();
var cache = provider.GetRequiredService<CompileCache>();
var slots = config.GetValue("CodeExecution:Sandbox:MaxConcurrentRuns", Environment.ProcessorCount);
Console.WriteLine($"# {Environment.ProcessorCount} cores, {slots} sandbox slots, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, {iterations} iterations");
Console.WriteLine($"# sandbox: {provider.GetRequiredService<SandboxHost>().Hardening}");

// 1. Sandbox overhead.
const string python = "print(input())";
const string cpp = "#include <iostream>\n#include <string>\nint main() { std::string s; std::cin >> s; std::cout << s << '\\n'; }\n";
var bareFolder = Directory.CreateTempSubdirectory("codecrafts-bare-").FullName;
File.WriteAllText(Path.Combine(bareFolder, "main.py"), python);
var warm = await RunAsync(CodeLanguage.Cpp17, cpp, 1);
var binary = Path.Combine(work, "cache", cache.Key(cpp));
Console.WriteLine($"(C++ warm-up: {warm.Verdict}, program cached at {binary})");

var samples = new Dictionary<string, List<double>>
{
    ["python bare"] = [], ["python sandboxed"] = [], ["c++ bare"] = [], ["c++ sandboxed"] = [],
};
for (var i = 0; i < iterations + 3; i++)
{
    var record = i >= 3; // the first rounds warm up the JIT and the page cache
    Add("python bare", await TimeAsync(() => BareAsync("/usr/bin/python3", ["-I", "-B", "main.py"], bareFolder)));
    Add("python sandboxed", await TimeAsync(() => RunAsync(CodeLanguage.Python3, python, 1)));
    Add("c++ bare", await TimeAsync(() => BareAsync(binary, [], bareFolder)));
    Add("c++ sandboxed", await TimeAsync(() => RunAsync(CodeLanguage.Cpp17, cpp, 1)));

    void Add(string name, double ms)
    {
        if (record)
        {
            samples[name].Add(ms);
        }
    }
}
Console.WriteLine();
Console.WriteLine("| program | bare median | sandboxed median | added (median) | bare p90 | sandboxed p90 |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var language in new[] { "python", "c++" })
{
    var bare = samples[$"{language} bare"];
    var boxed = samples[$"{language} sandboxed"];
    Console.WriteLine($"| trivial {language} | {Median(bare):0.0} ms | {Median(boxed):0.0} ms | {Median(boxed) - Median(bare):0.0} ms | {P90(bare):0.0} ms | {P90(boxed):0.0} ms |");
}

// 2. Throughput: a Python question with 5 tests.
const string doubler = "n = int(input())\nprint(n * 2)";
var clock = Stopwatch.StartNew();
var results = await Task.WhenAll(Enumerable.Range(0, submissions).Select(_ => RunAsync(CodeLanguage.Python3, doubler, 5)));
var elapsed = clock.Elapsed.TotalSeconds;
Console.WriteLine();
Console.WriteLine($"Python, 5 tests per submission: {submissions} submissions in {elapsed:0.00} s = {submissions / elapsed:0.0} submissions/s ({submissions * 5 / elapsed:0} test runs/s); accepted: {results.Count(r => r.Verdict == Verdict.Accepted)}/{submissions}");

// 3. Compile cache: a source never seen before, then the same source again.
var fresh = $"// {Guid.NewGuid()}\n{cpp}";
var before = cache.Compilations;
var first = await TimeAsync(() => RunAsync(CodeLanguage.Cpp17, fresh, 1));
var second = await TimeAsync(() => RunAsync(CodeLanguage.Cpp17, fresh, 1));
Console.WriteLine($"C++ first submission {first:0} ms (compiled), resubmission {second:0} ms; compiler runs: {cache.Compilations - before}");
Directory.Delete(bareFolder, recursive: true);
Directory.Delete(work, recursive: true);
return;

async Task<CodeRunResult> RunAsync(CodeLanguage language, string source, int tests)
{
    var inputs = Enumerable.Range(1, tests).Select(t => new TestInput($"{t}\n", language == CodeLanguage.Python3 && tests > 1 ? $"{t * 2}\n" : $"{t}\n")).ToList();
    var result = await runner.RunAsync(new CodeRunRequest(language, source, inputs, new RunLimits(2, 256)), CancellationToken.None);
    var failed = result.Tests.FirstOrDefault(t => t.Verdict != Verdict.Accepted);
    return result.Verdict == Verdict.Accepted
        ? result
        : throw new InvalidOperationException($"{result.Verdict}: {result.Message} {result.CompileOutput} {failed?.Message} {failed?.Stderr}");
}

static async Task BareAsync(string file, string[] args, string folder)
{
    var info = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var arg in args)
    {
        info.ArgumentList.Add(arg);
    }
    using var process = Process.Start(info)!;
    await process.StandardInput.WriteAsync("1\n");
    process.StandardInput.Close();
    var output = process.StandardOutput.ReadToEndAsync();
    var errors = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0 || (await output).Trim() != "1")
    {
        throw new InvalidOperationException($"bare run failed: {await errors}");
    }
}

static async Task<double> TimeAsync(Func<Task> action)
{
    var watch = Stopwatch.StartNew();
    await action();
    return watch.Elapsed.TotalMilliseconds;
}

static double Median(List<double> values) => Percentile(values, 0.5);

static double P90(List<double> values) => Percentile(values, 0.9);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
}
