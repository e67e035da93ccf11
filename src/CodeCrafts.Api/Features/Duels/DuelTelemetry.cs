using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>Spans and counters of duels, on the service's one ActivitySource and Meter.</summary>
internal static class DuelTelemetry
{
    public static readonly ActivitySource Source = new(Telemetry.ServiceName);
    private static readonly Meter Meter = new(Telemetry.ServiceName);

    public static readonly Counter<long> Created = Meter.CreateCounter<long>("codecrafts.duels.created", description: "Duels created, by opponent kind.");
    public static readonly Counter<long> Started = Meter.CreateCounter<long>("codecrafts.duels.started", description: "Duels that became active, by how.");
    public static readonly Counter<long> Answers = Meter.CreateCounter<long>("codecrafts.duels.answers", description: "Duel answers, by verdict.");
    public static readonly Counter<long> Finished = Meter.CreateCounter<long>("codecrafts.duels.finished", description: "Duels finished, by outcome and reason.");
    public static readonly Counter<long> Closed = Meter.CreateCounter<long>("codecrafts.duels.closed", description: "Pending duels declined, cancelled or expired.");
    public static readonly Counter<long> Matches = Meter.CreateCounter<long>("codecrafts.duels.matchmaking", description: "Matchmaking outcomes, by queue (redis, postgres) or bot fallback.");
}
