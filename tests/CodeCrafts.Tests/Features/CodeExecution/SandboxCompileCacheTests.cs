using System.Runtime.Versioning;
using CodeCrafts.CodeExecution;

namespace CodeCrafts.Tests.Features.CodeExecution;

/// <summary>C++ builds are cached by source: real compiler errors too, limit hits never, and never beyond the byte budget.</summary>
[Collection(SandboxCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class SandboxCompileCacheTests
{
    [Fact]
    public async Task ACppResubmissionIsServedFromTheCompileCache()
    {
        var source = $"// {Guid.NewGuid()}\n#include <iostream>\nint main() {{ int a, b; std::cin >> a >> b; std::cout << a + b << '\\n'; }}\n";
        await using var first = Sandbox.Create();
        await using var restarted = Sandbox.Create();

        var compiled = await first.CppAsync(source, stdin: "2 3", expected: "5");
        var resubmitted = await first.CppAsync(source, stdin: "4 5", expected: "9");
        var afterRestart = await restarted.CppAsync(source, stdin: "6 7", expected: "13");

        Assert.Equal([Verdict.Accepted, Verdict.Accepted, Verdict.Accepted], [compiled.Verdict, resubmitted.Verdict, afterRestart.Verdict]);
        Assert.Equal(1, first.Cache.Compilations);
        Assert.Equal(0, restarted.Cache.Compilations);
    }

    [Fact]
    public async Task ACompilationErrorIsCachedToo()
    {
        var source = $"// {Guid.NewGuid()}\nint main() {{ return undeclared; }}\n";
        await using var sandbox = Sandbox.Create();

        var first = await sandbox.CppAsync(source);
        var second = await sandbox.CppAsync(source);

        Assert.Equal(Verdict.CompilationError, second.Verdict);
        Assert.Equal(first.CompileOutput, second.CompileOutput);
        Assert.Equal(1, sandbox.Cache.Compilations);
    }

    [Fact]
    public async Task ACompilationStoppedByItsCpuLimitIsNotCached()
    {
        // Constant evaluation that takes the compiler minutes: stopped at the limit, as a busy machine could stop any compilation.
        var source = $"// {Guid.NewGuid()}\n"
            + "constexpr long spin() { long s = 0; for (long i = 0; i < 200000; i++) for (long j = 0; j < 200000; j++) s += i ^ j; return s; }\n"
            + "constexpr long value = spin();\nint main() { return value == 0; }\n";
        await using var sandbox = Sandbox.Create(new Dictionary<string, string?> { ["CompileCpuTimeSeconds"] = "1" });

        var first = await sandbox.CppAsync(source);
        var second = await sandbox.CppAsync(source);

        Assert.Equal([Verdict.CompilationError, Verdict.CompilationError], [first.Verdict, second.Verdict]);
        Assert.Equal(2, sandbox.Cache.Compilations);
        // Which limit stops it first (CPU, or wall time on a busy machine) depends on the machine; neither is the source's error.
        Assert.Matches("^(Compilation used more than 1 s of CPU time|Compilation took longer than 3 s)\\.$", first.CompileOutput);
    }

    [Fact]
    public async Task AProgramLargerThanTheCapIsACompilationError()
    {
        var source = $"// {Guid.NewGuid()}\nchar big[3 << 20] = {{1}};\nint main() {{ return big[12345]; }}\n";
        await using var sandbox = Sandbox.Create(new Dictionary<string, string?> { ["MaxProgramMb"] = "1" });

        var result = await sandbox.CppAsync(source);

        Assert.Equal(Verdict.CompilationError, result.Verdict);
        Assert.Contains("at most 1 MB", result.CompileOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCacheStaysWithinItsByteBudgetDroppingTheLeastRecentlyUsedEntries()
    {
        var work = Directory.CreateTempSubdirectory("codecrafts-cache-budget-").FullName;
        try
        {
            await using var sandbox = Sandbox.Create(new Dictionary<string, string?> { ["WorkDirectory"] = work, ["CompileCacheMb"] = "1" });
            var cache = sandbox.Host.CacheDirectory;
            string[] old = ["oldest", "older", "old"];
            for (var i = 0; i < old.Length; i++)
            {
                var entry = Path.Combine(cache, old[i]);
                File.WriteAllBytes(entry, new byte[400 * 1024]);
                File.SetLastWriteTimeUtc(entry, DateTime.UtcNow.AddHours(i - 3));
            }
            var source = $"// {Guid.NewGuid()}\nint main() {{ return 0; }}\n";

            var result = await sandbox.CppAsync(source);

            Assert.Equal(Verdict.Accepted, result.Verdict);
            Assert.True(File.Exists(Path.Combine(cache, sandbox.Cache.Key(source))), "the new program was dropped");
            Assert.False(File.Exists(Path.Combine(cache, "oldest")), "the least recently used entry was kept");
            Assert.InRange(new DirectoryInfo(cache).EnumerateFiles().Sum(f => f.Length), 1, 1 << 20);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
