using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using CodeCrafts.Benchmarks;

// dotnet run -c Release --project benchmarks/CodeCrafts.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/CodeCrafts.Benchmarks -- cpu-cost   (CPU time per password hash)
if (args is ["cpu-cost", ..])
{
    CpuCost.Run();
    return;
}

// Each benchmark runs in its own process, which BenchmarkDotNet builds first; the Api's graph takes more than
// the default 2 minutes to build on a busy 2-core machine.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
// The Api also has a top-level Program, so the assembly is named by a type of this one.
BenchmarkSwitcher.FromAssembly(typeof(PasswordHashingBenchmarks).Assembly).Run(args, config);
