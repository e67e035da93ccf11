using System.Diagnostics;
using CodeCrafts.CodeExecution;
using CodeCrafts.CodeExecution.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["CodeExecution:Sandbox:WorkDirectory"] = Path.Combine(Path.GetTempPath(), "codecrafts-bench"),
}).Build();
await using var provider = new ServiceCollection().AddLogging().AddCodeExecution(config).BuildServiceProvider();
var runner = provider.GetRequiredService<ICodeRunner>();
var request = new CodeRunRequest(CodeLanguage.Python3, "print(input())", [new TestInput("hi", "hi")], new RunLimits(2, 256));
for (var i = 0; i < 10; i++)
{
    var clock = Stopwatch.StartNew();
    var result = await runner.RunAsync(request, CancellationToken.None);
    Console.WriteLine($"{result.Verdict} {clock.Elapsed.TotalMilliseconds:0.0} ms {result.Tests[0].TimeSeconds} {result.Tests[0].MemoryKb} {result.Message}");
}
