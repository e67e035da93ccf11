namespace CodeCrafts.AppHost.Infrastructure;

/// <summary>Where PostgreSQL and Redis come from (docs/architecture.md, "How it starts").</summary>
public enum InfrastructureMode
{
    /// <summary>Containers through Docker or Podman, as the Aspire docs show.</summary>
    Containers,

    /// <summary>No container runtime: the machine's own PostgreSQL and Redis binaries, run on loopback.</summary>
    Local,

    /// <summary>Neither: SQLite, and no Redis (leaderboards and streaks come from the database).</summary>
    Embedded,
}
