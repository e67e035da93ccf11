using System.Diagnostics;

namespace CodeCrafts.Api.Features.Leagues;

internal static class LeagueTelemetry
{
    public static readonly ActivitySource Source = new("CodeCrafts.Leagues");
}
