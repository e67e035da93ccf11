namespace CodeCrafts.AppHost.Infrastructure;

/// <summary>The Node.js on PATH, if any: the web app's toolchain.</summary>
internal static class NodeRuntime
{
    /// <summary>Vite 8 needs 20.19 or newer.</summary>
    public static readonly Version Minimum = new(20, 19);

    /// <summary>The version `node --version` reports, or null when node is missing, hangs or answers oddly.</summary>
    public static Version? FindVersion() =>
        HostCommand.Ask("node", "--version", TimeSpan.FromSeconds(10)) is { } output ? Parse(output) : null;

    /// <summary>"v20.20.2" → 20.20.2.</summary>
    public static Version? Parse(string text) =>
        Version.TryParse(text.Trim().TrimStart('v'), out var version) ? version : null;
}
