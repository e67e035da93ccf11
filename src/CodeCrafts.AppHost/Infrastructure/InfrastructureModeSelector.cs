using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace CodeCrafts.AppHost.Infrastructure;

internal sealed record InfrastructureChoice(InfrastructureMode Mode, string Reason, LocalBinaries? Binaries);

internal sealed record LocalBinaries(string PostgresBinDirectory, string RedisServer);

/// <summary>
/// Picks the infrastructure mode: configuration first, else the first of containers, local, embedded
/// that this machine can run. A container resource without an engine never becomes healthy and
/// everything waiting on it hangs, so the runtime is probed rather than assumed.
/// </summary>
internal static class InfrastructureModeSelector
{
    public const string ConfigurationKey = "CodeCrafts:Infrastructure";

    public static InfrastructureChoice Select(IConfiguration configuration)
    {
        var binaries = FindLocalBinaries(configuration);
        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured) && !configured.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            if (!Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out var mode))
            {
                throw new InvalidOperationException($"{ConfigurationKey} must be auto, containers, local or embedded (got '{configured}').");
            }
            if (mode == InfrastructureMode.Local && binaries is null)
            {
                throw new InvalidOperationException($"{ConfigurationKey}=local needs PostgreSQL (initdb, postgres) and redis-server installed; see README.");
            }
            return new InfrastructureChoice(mode, $"{ConfigurationKey} is '{configured}'", binaries);
        }

        if (ContainerRuntimeAnswers(out var runtime))
        {
            return new InfrastructureChoice(InfrastructureMode.Containers, $"container runtime '{runtime}' answers", binaries);
        }
        if (binaries is not null)
        {
            return new InfrastructureChoice(InfrastructureMode.Local,
                $"no container runtime answers; found PostgreSQL in {binaries.PostgresBinDirectory} and {binaries.RedisServer}", binaries);
        }
        return new InfrastructureChoice(InfrastructureMode.Embedded,
            "no container runtime answers and no PostgreSQL/Redis binaries were found; using SQLite without Redis", null);
    }

    private static LocalBinaries? FindLocalBinaries(IConfiguration configuration)
    {
        var pgBin = configuration["CodeCrafts:PostgresBinDirectory"];
        if (string.IsNullOrWhiteSpace(pgBin) && Directory.Exists("/usr/lib/postgresql"))
        {
            // Debian installs each major version side by side; the newest wins.
            pgBin = Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")) && File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
        }
        pgBin ??= FindOnPath("postgres") is { } onPath ? Path.GetDirectoryName(onPath) : null;

        var redis = configuration["CodeCrafts:RedisServer"] ?? FindOnPath("redis-server");
        return pgBin is not null && File.Exists(Path.Combine(pgBin, "postgres")) && redis is not null && File.Exists(redis)
            ? new LocalBinaries(pgBin, redis)
            : null;
    }

    private static bool ContainerRuntimeAnswers(out string runtime)
    {
        foreach (var candidate in new[] { "docker", "podman" })
        {
            if (FindOnPath(candidate) is { } path && Succeeds(path, "info", TimeSpan.FromSeconds(5)))
            {
                runtime = candidate;
                return true;
            }
        }
        runtime = "";
        return false;
    }

    private static bool Succeeds(string file, string arguments, TimeSpan timeout)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
