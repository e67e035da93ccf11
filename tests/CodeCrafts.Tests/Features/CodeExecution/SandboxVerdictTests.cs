using System.Runtime.Versioning;
using CodeCrafts.CodeExecution;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CodeCrafts.Tests.Features.CodeExecution;

[Collection(SandboxCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class SandboxVerdictTests : IAsyncDisposable
{
    private readonly Sandbox _sandbox = Sandbox.Create();

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();

    [Fact]
    public async Task EveryReferenceSolutionInTheCurriculumIsAccepted()
    {
        var questions = CurriculumCodeQuestions.Load();

        foreach (var q in questions)
        {
            var judgement = await _sandbox.Judge.JudgeAsync(q.Language, q.ReferenceSolution, q.Tests, q.Limits, false, TestContext.Current.CancellationToken);

            Assert.True(judgement.IsAccepted, $"{q.File} {q.Slug}: {judgement.Verdict} {judgement.CompileOutput} {judgement.Message}");
            Assert.Equal(q.Tests.Count, judgement.Passed);
        }
        Assert.True(questions.Count(q => q.Language == Data.Entities.ProgrammingLanguage.Python) >= 5);
        Assert.True(questions.Count(q => q.Language == Data.Entities.ProgrammingLanguage.Cpp) >= 5);
    }

    [Fact]
    public async Task EveryWrongSolutionInTheCurriculumIsRejected()
    {
        foreach (var q in CurriculumCodeQuestions.Load())
        {
            foreach (var wrong in q.WrongSolutions)
            {
                var judgement = await _sandbox.Judge.JudgeAsync(q.Language, wrong, q.Tests, q.Limits, false, TestContext.Current.CancellationToken);

                Assert.False(judgement.IsAccepted, $"{q.File} {q.Slug}: a wrong solution passed");
                Assert.NotEqual(Verdict.InternalError, judgement.Verdict);
            }
        }
    }

    [Fact]
    public async Task APythonProgramPrintingTheWrongAnswerGetsWrongAnswer()
    {
        var result = await _sandbox.PythonAsync("a, b = map(int, input().split())\nprint(a - b)", stdin: "2 3\n", expected: "5\n");

        Assert.Equal(Verdict.WrongAnswer, result.Verdict);
        Assert.Equal("-1\n", result.Tests[0].Stdout);
    }

    [Fact]
    public async Task TrailingSpacesAndBlankLinesDoNotMatterButLeadingSpacesDo()
    {
        var trailing = await _sandbox.PythonAsync("print('42   ')\nprint()\nprint()", expected: "42\n");
        var leading = await _sandbox.PythonAsync("print(' 42')", expected: "42\n");

        Assert.Equal(Verdict.Accepted, trailing.Verdict);
        Assert.Equal(Verdict.WrongAnswer, leading.Verdict);
    }

    [Fact]
    public async Task ACppSyntaxErrorIsACompilationErrorWithTheCompilersMessage()
    {
        var result = await _sandbox.CppAsync("int main() {\n    int x = 1\n    return x;\n}\n");

        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.Empty(result.Tests);
        Assert.Contains("main.cpp:3:5: error: expected", result.CompileOutput, StringComparison.Ordinal);
        Assert.Contains("before", result.CompileOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DivisionByZeroInPythonIsARuntimeErrorWithItsTraceback()
    {
        var result = await _sandbox.PythonAsync("x = int(input())\nprint(1 // x)", stdin: "0\n", expected: "1\n");

        Assert.Equal(Verdict.RuntimeError, result.Verdict);
        Assert.Contains("ZeroDivisionError", result.Tests[0].Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntegerDivisionByZeroInCppIsARuntimeError()
    {
        // volatile: with a plain 1 / x, -O2 replaces the division by comparisons and nothing traps.
        var result = await _sandbox.CppAsync(
            "#include <iostream>\nint main() { int x; std::cin >> x; volatile int d = x; std::cout << 100 / d << '\\n'; }\n",
            stdin: "0\n", expected: "1\n");

        Assert.Equal(Verdict.RuntimeError, result.Verdict);
        Assert.Contains("SIGFPE", result.Tests[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASegmentationFaultInCppIsARuntimeError()
    {
        var result = await _sandbox.CppAsync("int main() { volatile int* p = nullptr; *p = 42; return 0; }\n");

        Assert.Equal(Verdict.RuntimeError, result.Verdict);
        Assert.Contains("SIGSEGV", result.Tests[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndlessLoopIsATimeLimitExceededWithinTheLimitAndASmallMargin()
    {
        var result = await _sandbox.PythonAsync("while True:\n    pass\n", cpuSeconds: 1);

        Assert.Equal(Verdict.TimeLimitExceeded, result.Verdict);
        // CPU time, measured in the sandbox: unlike wall time it does not depend on how busy the machine is.
        // (The kernel's rusage accounting can read a little under the limit that stopped the program.)
        Assert.InRange(result.Tests[0].TimeSeconds!.Value, 0.5, 1.5);
    }

    [Fact]
    public async Task AProgramThatSleepsIsStoppedAtTheWallClockLimit()
    {
        var result = await _sandbox.PythonAsync("import time\ntime.sleep(600)\n", cpuSeconds: 1);

        Assert.Equal(Verdict.TimeLimitExceeded, result.Verdict);
        Assert.Contains("wall-clock", result.Tests[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllocatingTwoGibibytesFailsAsMemoryOrRuntimeErrorAndTheSandboxStaysHealthy()
    {
        var python = await _sandbox.PythonAsync("data = bytearray(2 * 1024 ** 3)\nprint(len(data))", memoryMb: 256);
        var cpp = await _sandbox.CppAsync(
            "#include <cstring>\n#include <iostream>\nint main() { char* p = new char[2L << 30]; std::memset(p, 1, 2L << 30); std::cout << p[7]; }\n",
            memoryMb: 256);
        var health = await _sandbox.Runner.CheckHealthAsync(TestContext.Current.CancellationToken);
        var after = await _sandbox.PythonAsync("print('still here')", expected: "still here\n");

        Assert.Contains(python.Verdict, new[] { Verdict.MemoryLimitExceeded, Verdict.RuntimeError });
        Assert.Contains(cpp.Verdict, new[] { Verdict.MemoryLimitExceeded, Verdict.RuntimeError });
        Assert.Equal(Verdict.MemoryLimitExceeded, python.Verdict);
        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal(Verdict.Accepted, after.Verdict);
    }

    [Fact]
    public async Task VisibleTestsReportTimeAndMemory()
    {
        var result = await _sandbox.PythonAsync("print(sum(range(10 ** 6)))", expected: "499999500000\n");

        Assert.Equal(Verdict.Accepted, result.Verdict);
        Assert.InRange(result.Tests[0].TimeSeconds!.Value, 0.0001, 2);
        Assert.InRange(result.Tests[0].MemoryKb!.Value, 1000, 256 * 1024);
    }
}
