namespace CodeCrafts.AppHost.Infrastructure;

/// <summary>How a resource's snapshot reads on the console; pure, so the wording is tested without an AppHost.</summary>
public static partial class ResourceStory
{
    /// <summary>"Starting", "Running", "Healthy", "Finished (exit code 0)", "Exited (exit code 1)", …; null while it has no state.</summary>
    public static string? Describe(CustomResourceSnapshot snapshot, bool hasHealthChecks)
    {
        var state = snapshot.State?.Text;
        if (string.IsNullOrWhiteSpace(state))
        {
            return null;
        }
        if (KnownResourceStates.TerminalStates.Contains(state) && snapshot.ExitCode is { } exitCode)
        {
            return $"{state} (exit code {exitCode})";
        }
        if (state == KnownResourceStates.Running && hasHealthChecks && snapshot.HealthStatus is { } health)
        {
            var urls = snapshot.Urls.Where(u => !u.IsInternal).Select(u => u.Url).ToList();
            return health.ToString() + (urls.Count > 0 && health == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                ? ": " + string.Join(", ", urls)
                : "");
        }
        return state;
    }

    /// <summary>The resource's name, or its instance's id (api-x7k2…) when it runs as several replicas.</summary>
    public static string NameOf(ResourceEvent change) =>
        change.Resource.Annotations.OfType<ReplicaAnnotation>().Any(r => r.Replicas > 1) ? change.ResourceId : change.Resource.Name;

    /// <summary>
    /// A failed resource's last log lines, oldest first and without colour codes. The orchestrator's own lines
    /// ("[sys] Starting process…") come in a separate batch, so the lines are put back in time order.
    /// </summary>
    public static IReadOnlyList<string> Tail(IEnumerable<LogLine> lines, int count) => lines
        .Select(l => Plain(l.Content).TrimEnd())
        .Select((text, i) => (text, i, at: DateTimeOffset.TryParse(text.Split(' ', 2)[0], out var at) ? at : DateTimeOffset.MinValue))
        .OrderBy(l => l.at).ThenBy(l => l.i)
        .Select(l => l.text)
        .TakeLast(count)
        .ToList();

    /// <summary>A console line without its colour codes.</summary>
    public static string Plain(string line) => AnsiEscape().Replace(line, "");

    [System.Text.RegularExpressions.GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial System.Text.RegularExpressions.Regex AnsiEscape();

    public static bool IsFailure(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.FailedToStart
        || (KnownResourceStates.TerminalStates.Contains(snapshot.State?.Text) && snapshot.ExitCode is { } code && code != 0);

    /// <summary>The resources that wait for this one, directly or through another, and so never start when it fails.</summary>
    public static IReadOnlyList<IResource> Dependents(DistributedApplicationModel model, IResource failed)
    {
        var blocked = new List<IResource>();
        var queue = new Queue<IResource>([failed]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var resource in model.Resources)
            {
                var waits = resource.Annotations.OfType<WaitAnnotation>().Any(w => w.Resource == current);
                if (waits && !blocked.Contains(resource))
                {
                    blocked.Add(resource);
                    queue.Enqueue(resource);
                }
            }
        }
        return blocked;
    }
}
