using System.Collections.Concurrent;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>A compilation's result: a program to run, or the compiler's complaint.</summary>
internal sealed record Compilation(string? ProgramPath, string? Errors, bool FromCache)
{
    public bool Succeeded => ProgramPath is not null;

    /// <summary>A failure that is the source's own (a compiler diagnostic), not a limit the busy machine may have caused.</summary>
    public bool Cacheable { get; init; }
}

/// <summary>
/// Compiled programs (and compiler errors) by hash of compiler, flags and source, on disk so that a
/// resubmission, another replica's process or the next start does not compile again. Concurrent
/// requests for the same source share one compilation. The folder is kept under its byte budget by
/// dropping the least recently used entries.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class CompileCache(SandboxHost host)
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Lazy<Task<Compilation>>> _inFlight = new(StringComparer.Ordinal);
    private readonly CacheBudget _budget = new(host.CacheDirectory, (long)host.Options.CompileCacheMb << 20, AbandonedAfter);
    private int _compilations;

    public static readonly IReadOnlyList<string> Flags = ["-std=c++17", "-O2", "-pipe"];

    public bool Enabled => host.Options.CompileCacheMb > 0;

    /// <summary>Compiler runs by this instance, i.e. requests the cache could not answer.</summary>
    public int Compilations => Volatile.Read(ref _compilations);

    public string Key(string source) => Convert.ToHexStringLower(SHA256.HashData(
        Encoding.UTF8.GetBytes($"{host.Options.CppCompilerPath}\n{string.Join(' ', Flags)}\n{source}")));

    /// <summary>Returns the cached compilation or runs <paramref name="compile"/> once for everyone asking.</summary>
    public async Task<Compilation> GetOrCompileAsync(string source, Func<Task<Compilation>> compile)
    {
        if (!Enabled)
        {
            Interlocked.Increment(ref _compilations);
            return await compile();
        }
        var key = Key(source);
        if (TryLoad(key) is { } cached)
        {
            return cached;
        }
        var shared = _inFlight.GetOrAdd(key, k => new Lazy<Task<Compilation>>(() => CompileAndStoreAsync(k, compile)));
        try
        {
            return await shared.Value;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<Compilation>>>(key, shared));
        }
    }

    private Compilation? TryLoad(string key)
    {
        var program = Path.Combine(host.CacheDirectory, key);
        var errors = program + ".error";
        try
        {
            if (File.Exists(program))
            {
                File.SetLastWriteTimeUtc(program, DateTime.UtcNow);
                return new Compilation(program, null, FromCache: true);
            }
            if (File.Exists(errors))
            {
                File.SetLastWriteTimeUtc(errors, DateTime.UtcNow);
                return new Compilation(null, File.ReadAllText(errors), FromCache: true) { Cacheable = true };
            }
        }
        catch (IOException)
        {
            // Evicted between the check and the touch: compile again.
        }
        return null;
    }

    private async Task<Compilation> CompileAndStoreAsync(string key, Func<Task<Compilation>> compile)
    {
        Interlocked.Increment(ref _compilations);
        var fresh = await compile();
        if (!fresh.Succeeded && !fresh.Cacheable)
        {
            // The sandbox failed, or a limit stopped the compiler: not the source's fault, not worth remembering.
            return fresh;
        }
        var target = Path.Combine(host.CacheDirectory, fresh.Succeeded ? key : key + ".error");
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        if (fresh.ProgramPath is { } program)
        {
            // A copy the service owns, out of the run's folder, which is deleted when the run ends.
            File.Copy(program, temporary);
            File.SetUnixFileMode(temporary, Executable);
        }
        else
        {
            await File.WriteAllTextAsync(temporary, fresh.Errors);
        }
        var size = new FileInfo(temporary).Length;
        File.Move(temporary, target, overwrite: true);
        _budget.Added(size);
        return fresh with { ProgramPath = fresh.Succeeded ? target : null };
    }
}
