using BenchmarkDotNet.Running;
using CodeCrafts.Benchmarks;

// dotnet run -c Release --project benchmarks/CodeCrafts.Benchmarks -- --filter '*'
// (The Api also has a top-level Program, so this one names an assembly type of its own.)
BenchmarkSwitcher.FromAssembly(typeof(PasswordHashingBenchmarks).Assembly).Run(args);
