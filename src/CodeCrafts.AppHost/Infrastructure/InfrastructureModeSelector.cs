using Microsoft.Extensions.Configuration;

namespace CodeCrafts.AppHost.Infrastructure;

/// <summary>
/// The decision, and the one line that explains it: which database and cache the services get, what is
/// missing, and the apt-get line that would enable the rest. PostgreSQL and Redis are decided each on its
/// own, so a machine with PostgreSQL but no Redis runs on PostgreSQL (boards and streaks then come from it).
/// </summary>
public sealed record InfrastructureChoice(
    InfrastructureMode Mode,
    string? PostgresBinDirectory,
    string? RedisServer,
    string Summary)
{
    /// <summary>Whether the services get a Redis (a container, or the machine's redis-server).</summary>
    public bool HasCache => Mode == InfrastructureMode.Containers || RedisServer is not null;
}

public static class InfrastructureModeSelector
{
    public const string ConfigurationKey = "CodeCrafts:Infrastructure";

    public static InfrastructureChoice Select(IConfiguration configuration, MachineFacts facts)
    {
        var configured = configuration[ConfigurationKey];
        InfrastructureMode mode;
        string why;
        if (!string.IsNullOrWhiteSpace(configured) && !configured.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            if (!Enum.TryParse(configured, ignoreCase: true, out mode) || !Enum.IsDefined(mode))
            {
                throw new InvalidOperationException($"{ConfigurationKey} must be auto, containers, local or embedded (got '{configured}').");
            }
            if (mode == InfrastructureMode.Local && facts.PostgresBinDirectory is null)
            {
                throw new InvalidOperationException(
                    $"{ConfigurationKey}=local needs PostgreSQL's binaries (initdb, postgres): sudo apt-get install -y postgresql");
            }
            why = $"{ConfigurationKey} is '{configured}'";
        }
        else if (facts.ContainerRuntime is { } runtime)
        {
            (mode, why) = (InfrastructureMode.Containers, $"container runtime '{runtime}' answers");
        }
        else if (facts.PostgresBinDirectory is not null)
        {
            (mode, why) = (InfrastructureMode.Local, "no container runtime answers");
        }
        else
        {
            (mode, why) = (InfrastructureMode.Embedded, "no container runtime answers and PostgreSQL is not installed");
        }

        var redis = mode == InfrastructureMode.Local ? facts.RedisServer : null;
        var postgres = mode == InfrastructureMode.Local ? facts.PostgresBinDirectory : null;
        return new InfrastructureChoice(mode, postgres, redis, Describe(mode, why, postgres, redis, facts));
    }

    private static string Describe(InfrastructureMode mode, string why, string? postgres, string? redis, MachineFacts facts)
    {
        var parts = new List<string>();
        var install = new List<string>();
        switch (mode)
        {
            case InfrastructureMode.Containers:
                parts.Add("database: PostgreSQL container; cache: Redis container");
                break;
            case InfrastructureMode.Local:
                parts.Add($"database: PostgreSQL from {postgres} on loopback");
                if (redis is not null)
                {
                    parts.Add($"cache: {redis} on loopback");
                }
                else
                {
                    parts.Add("cache: none, redis-server is missing (boards and streaks come from PostgreSQL; live duel events reach one Api replica only)");
                    install.Add("redis-server");
                }
                break;
            default:
                parts.Add("database: SQLite file; cache: none (boards and streaks come from the database)");
                if (facts.PostgresBinDirectory is null)
                {
                    install.Add("postgresql");
                }
                if (facts.RedisServer is null)
                {
                    install.Add("redis-server");
                }
                break;
        }

        if (facts.UsesJudge0)
        {
            parts.Add("code runner: Judge0 (JUDGE0_API_URL)");
        }
        else if (facts.MissingSandboxTools.Count == 0)
        {
            parts.Add("code runner: local sandbox (bubblewrap)");
        }
        else
        {
            parts.Add("code runner: none, " + string.Join(", ", facts.MissingSandboxTools.Select(t => t.Path))
                + " missing (code answers get 503 until it is installed or JUDGE0_API_URL is set)");
            install.AddRange(facts.MissingSandboxTools.Select(t => t.Package));
        }

        var line = $"{mode}, because {why}. " + string.Join("; ", parts) + ".";
        var packages = install.Distinct().ToList();
        return packages.Count == 0 ? line : line + $" To enable the rest: sudo apt-get install -y {string.Join(' ', packages)}";
    }
}
