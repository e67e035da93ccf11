using System.Collections.Concurrent;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// The files the sandbox takes from the service's private folder: the measuring helper, which runs
/// outside the sandbox with the service's rights (root in local mode), and the seccomp program. Each is
/// written by this process, and checked against the SHA-256 it had then before every use; a file that
/// changed is rebuilt, never run. Built once per process and folder, whichever host instance asks.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class SandboxHelpers(SandboxOptions options, string folder, ILogger logger)
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly ConcurrentDictionary<string, Lazy<Task<VerifiedFile?>>> Built = new(StringComparer.Ordinal);

    private static readonly Lazy<byte[]> MeasureSource = new(() =>
    {
        using var resource = typeof(SandboxHelpers).Assembly.GetManifestResourceStream("measure.c")
            ?? throw new InvalidOperationException("The measure.c resource is missing from the assembly.");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    });

    private static readonly byte[]? Filter = SeccompFilter.ForThisMachine();

    public static bool HasSeccompFilter => Filter is not null;

    /// <summary>The helper's path, checked just now; null when it cannot be built (no C compiler).</summary>
    public Task<string?> MeasureAsync() =>
        VerifiedAsync($"measure-{ShortHash(MeasureSource.Value)}", BuildMeasureAsync, UnixFileMode.UserRead | UnixFileMode.UserExecute);

    /// <summary>The seccomp program's path, checked just now; null on an architecture the filter does not know.</summary>
    public Task<string?> SeccompFilterAsync() => Filter is null
        ? Task.FromResult<string?>(null)
        : VerifiedAsync($"seccomp-{ShortHash(Filter)}.bpf", async path => { await File.WriteAllBytesAsync(path, Filter); return true; }, OwnerReadWrite);

    private async Task<string?> VerifiedAsync(string name, Func<string, Task<bool>> produce, UnixFileMode mode)
    {
        var path = Path.Combine(folder, name);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var build = Built.GetOrAdd(path, p => new Lazy<Task<VerifiedFile?>>(() => ProduceAsync(p, produce, mode)));
            VerifiedFile? file;
            try
            {
                file = await build.Value;
            }
            catch
            {
                // A failed write (a full disk) is retried by the next run, not remembered for good.
                Built.TryRemove(new KeyValuePair<string, Lazy<Task<VerifiedFile?>>>(path, build));
                throw;
            }
            if (file is null)
            {
                return null;
            }
            if (file.Matches())
            {
                return file.Path;
            }
            LogChanged(logger, path);
            Built.TryRemove(new KeyValuePair<string, Lazy<Task<VerifiedFile?>>>(path, build));
        }
        return null;
    }

    private static async Task<VerifiedFile?> ProduceAsync(string path, Func<string, Task<bool>> produce, UnixFileMode mode)
    {
        var building = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            if (!await produce(building))
            {
                return null;
            }
            File.SetUnixFileMode(building, mode);
            var hash = SHA256.HashData(await File.ReadAllBytesAsync(building));
            File.Move(building, path, overwrite: true);
            return new VerifiedFile(path, hash);
        }
        finally
        {
            File.Delete(building);
        }
    }

    private async Task<bool> BuildMeasureAsync(string output)
    {
        var source = output + ".c";
        await File.WriteAllBytesAsync(source, MeasureSource.Value);
        try
        {
            // Our own source, compiled outside the sandbox; only the result of this very build is ever run.
            // -s drops the symbols, which name the (random) source file: every build is then the same bytes,
            // so replicas sharing the folder replace the helper with an identical one, not with a "changed" one.
            var result = await HostProcess.RunAsync(options.CppCompilerPath, ["-O2", "-s", "-x", "c", "-o", output, source], TimeSpan.FromSeconds(60));
            if (result.ExitCode != 0)
            {
                LogNoMeasureHelper(logger, result.Output);
            }
            return result.ExitCode == 0;
        }
        finally
        {
            File.Delete(source);
        }
    }

    private static string ShortHash(byte[] contents) => Convert.ToHexStringLower(SHA256.HashData(contents))[..16];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox helper {Path} changed on disk since this service wrote it; it is rebuilt, not run")]
    private static partial void LogChanged(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox's measuring helper could not be built ({Reason}); runs go without it")]
    private static partial void LogNoMeasureHelper(ILogger logger, string reason);
}

/// <summary>A file this process wrote, with the SHA-256 it had then.</summary>
[UnsupportedOSPlatform("windows")]
internal sealed record VerifiedFile(string Path, byte[] Sha256)
{
    /// <summary>Still a regular file of ours that nobody else may write, with the same contents.</summary>
    public bool Matches()
    {
        var facts = Posix.Stat(Path, followLinks: false);
        if (facts is null || !facts.IsRegularFile || facts.Owner != Posix.EffectiveUserId || facts.OthersCanWrite)
        {
            return false;
        }
        try
        {
            using var stream = File.OpenRead(Path);
            return CryptographicOperations.FixedTimeEquals(SHA256.HashData(stream), Sha256);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
