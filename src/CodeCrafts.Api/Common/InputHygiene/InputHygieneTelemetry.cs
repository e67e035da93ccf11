using System.Diagnostics.Metrics;

namespace CodeCrafts.Api.Common.InputHygiene;

internal static class InputHygieneTelemetry
{
    private static readonly Meter Meter = new(Telemetry.ServiceName);

    /// <summary>Requests refused for control characters or undefined enum values: a fuzzer or a broken client.</summary>
    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>("codecrafts.input.rejected");
}
