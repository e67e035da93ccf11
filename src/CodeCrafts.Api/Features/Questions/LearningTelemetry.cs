using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CodeCrafts.Api.Features.Questions;

/// <summary>Spans and counters of the learning loop, on the service's one ActivitySource and Meter name.</summary>
internal static class LearningTelemetry
{
    public static readonly ActivitySource Source = new(Telemetry.ServiceName);
    private static readonly Meter Meter = new(Telemetry.ServiceName);

    public static readonly Counter<long> Attempts = Meter.CreateCounter<long>("codecrafts.attempts", "{attempt}", "Answers recorded, by question type and verdict");
    public static readonly Counter<long> Replays = Meter.CreateCounter<long>("codecrafts.attempts.replayed", "{attempt}", "Retries answered from the stored first result");
    public static readonly Counter<long> XpAwarded = Meter.CreateCounter<long>("codecrafts.xp.awarded", "{xp}", "XP granted");
    public static readonly Counter<long> RatingsApplied = Meter.CreateCounter<long>("codecrafts.question_ratings.applied", "{attempt}", "Answers applied to their question's difficulty rating");
}
