namespace CodeCrafts.Api.Features.Lessons;

/// <summary>
/// This replica's current catalogue and when it was loaded. Past <see cref="LessonCatalog.Lifetime"/> it is still
/// served, and one reload at a time runs in a scope of its own; a failed reload is tried again on the next read.
/// </summary>
public sealed partial class CatalogCopy(IServiceScopeFactory scopes, TimeProvider time, ILogger<CatalogCopy> logger)
{
    private sealed record Held(Catalog Catalog, DateTimeOffset LoadedAt);

    private volatile Held? _held;
    private int _reloading;

    /// <summary>The catalogue this replica holds, or null before its first load; starts <paramref name="reload"/> when it is due.</summary>
    public Catalog? Current(Func<IServiceProvider, Task<Catalog>> reload)
    {
        if (_held is not { } held)
        {
            return null;
        }
        if (time.GetUtcNow() - held.LoadedAt >= LessonCatalog.Lifetime && Interlocked.Exchange(ref _reloading, 1) == 0)
        {
            _ = ReloadAsync(reload);
        }
        return held.Catalog;
    }

    public void Keep(Catalog catalog) => _held = new Held(catalog, time.GetUtcNow());

    private async Task ReloadAsync(Func<IServiceProvider, Task<Catalog>> reload)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            Keep(await reload(scope.ServiceProvider));
        }
        catch (Exception ex)
        {
            // The catalogue held stays in service; the next read past its lifetime tries again.
            LogReloadFailed(logger, ex);
        }
        finally
        {
            Volatile.Write(ref _reloading, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading the lesson catalogue failed; the one held keeps serving")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
