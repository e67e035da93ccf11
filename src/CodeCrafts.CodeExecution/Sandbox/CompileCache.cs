using System.Collections.Concurrent;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>A compilation's result: a program to run, or the compiler's complaint.</summary>
internal sealed record Compilation(string? ProgramPath, string? Errors, bool FromCache)
{
    public bool Succeeded => ProgramPath is not null;
}

/// <summary>
/// Compiled programs (and compiler errors) by hash of compiler, flags and source, on disk so that a
/// resubmission, another replica's process or the next start does not compile again. Concurrent
/// requests for the same source share one compilation.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class CompileCache(SandboxHost host)
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly ConcurrentDictionary<string, Lazy<Task<Compilation>>> _inFlight = new(StringComparer.Ordinal);
    private int _stores;
    private int _compilations;

    public static readonly IReadOnlyList<string> Flags = ["-std=c++17", "-O2", "-pipe"];

    public bool Enabled => host.Options.CompileCacheEntries > 0;

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
                return new Compilation(null, File.ReadAllText(errors), FromCache: true);
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
        if (fresh.ProgramPath is null && (fresh.Errors is null || fresh.Errors.Contains("Resource temporarily unavailable", StringComparison.Ordinal)))
        {
            // The sandbox failed, or the compiler could not fork (the process limit is per user, so a
            // fork bomb running beside it can cause that): not the source's fault, not worth remembering.
            return fresh;
        }
        var target = Path.Combine(host.CacheDirectory, fresh.Succeeded ? key : key + ".error");
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        if (fresh.ProgramPath is { } program)
        {
            // A copy, so the cached file belongs to the service, not to the sandbox user who compiled it.
            File.Copy(program, temporary);
            File.SetUnixFileMode(temporary, Executable);
        }
        else
        {
            await File.WriteAllTextAsync(temporary, fresh.Errors);
        }
        File.Move(temporary, target, overwrite: true);
        if (Interlocked.Increment(ref _stores) % 16 == 0)
        {
            Evict();
        }
        return new Compilation(fresh.Succeeded ? target : null, fresh.Errors, FromCache: false);
    }

    /// <summary>Keeps the most recently used entries; a hit refreshes an entry's time.</summary>
    private void Evict()
    {
        var entries = new DirectoryInfo(host.CacheDirectory).GetFiles().Where(f => f.Extension != ".tmp");
        foreach (var stale in entries.OrderByDescending(f => f.LastWriteTimeUtc).Skip(host.Options.CompileCacheEntries))
        {
            try
            {
                stale.Delete();
            }
            catch (IOException)
            {
                // Another process evicted it first.
            }
        }
    }
}
