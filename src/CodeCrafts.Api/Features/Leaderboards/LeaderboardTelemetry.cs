using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>Spans and counters of the leaderboards, on the service's one ActivitySource and Meter name.</summary>
internal sealed class LeaderboardTelemetry
{
    public static readonly ActivitySource Source = new(Telemetry.ServiceName);

    private readonly Counter<long> _reads;
    private readonly Counter<long> _rebuilds;
    private readonly Counter<long> _writes;

    public LeaderboardTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.ServiceName);
        _reads = meter.CreateCounter<long>("codecrafts.leaderboard.reads", description: "Leaderboard reads, by where they were served from");
        _rebuilds = meter.CreateCounter<long>("codecrafts.leaderboard.rebuilds", description: "Redis boards rebuilt from PostgreSQL");
        _writes = meter.CreateCounter<long>("codecrafts.leaderboard.writes", description: "Board updates after XP awards and duels, by outcome");
    }

    public void Read(BoardRef board, string source) =>
        _reads.Add(1, new("board", board.KindName), new("period", board.PeriodName), new("source", source));

    public void Rebuilt(BoardRef board) => _rebuilds.Add(1, new("board", board.KindName), new("period", board.PeriodName));

    public void Written(BoardRef board, string outcome) =>
        _writes.Add(1, new("board", board.KindName), new("period", board.PeriodName), new("outcome", outcome));
}
