using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CodeCrafts.Api.Features.Auth;

/// <summary>Spans and counters of the account flows, under the service's one source and meter name.</summary>
internal static class AuthTelemetry
{
    public static readonly ActivitySource Source = new(Telemetry.ServiceName);

    private static readonly Meter Meter = new(Telemetry.ServiceName);

    /// <summary>Tag <c>outcome</c>: created | conflict.</summary>
    public static readonly Counter<long> Registrations = Meter.CreateCounter<long>("codecrafts.auth.registrations");

    /// <summary>Tag <c>outcome</c>: success | failure | locked.</summary>
    public static readonly Counter<long> Logins = Meter.CreateCounter<long>("codecrafts.auth.logins");

    /// <summary>
    /// Tag <c>outcome</c>: rotated | replayed (a double submit inside the grace window) | invalid | reused (a reuse revokes
    /// a family: worth an alert).
    /// </summary>
    public static readonly Counter<long> Refreshes = Meter.CreateCounter<long>("codecrafts.auth.refreshes");

    public static readonly Counter<long> RefreshTokensPurged = Meter.CreateCounter<long>("codecrafts.auth.refresh_tokens_purged");

    public static KeyValuePair<string, object?> Outcome(string outcome) => new("outcome", outcome);
}
