namespace Microsoft.Extensions.Hosting;

/// <summary>The one ActivitySource and Meter name that CodeCrafts' own spans and counters use.</summary>
public static class Telemetry
{
    public const string ServiceName = "CodeCrafts";
}
