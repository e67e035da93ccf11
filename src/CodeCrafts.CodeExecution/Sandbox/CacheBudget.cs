namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// Keeps a folder of cache entries under a byte budget. The running total is this process's estimate;
/// when it passes the budget the folder itself is measured (other replicas may share it) and the least
/// recently used entries go until a tenth of the budget is free again.
/// </summary>
internal sealed class CacheBudget(string folder, long budgetBytes, TimeSpan abandonedAfter)
{
    private readonly Lock _lock = new();
    private long _estimate = -1;

    public void Added(long bytes)
    {
        lock (_lock)
        {
            _estimate = _estimate < 0 ? Measure() : _estimate + bytes;
            if (_estimate > budgetBytes)
            {
                _estimate = Evict();
            }
        }
    }

    private long Measure() => Entries().Sum(f => f.Length);

    private long Evict()
    {
        var target = budgetBytes - budgetBytes / 10;
        long kept = 0;
        foreach (var entry in Entries().OrderByDescending(f => f.LastWriteTimeUtc))
        {
            // The newest entry always stays: it is the one just stored, and a run is about to use it.
            if (kept == 0 || kept + entry.Length <= target)
            {
                kept += entry.Length;
                continue;
            }
            TryDelete(entry);
        }
        return kept;
    }

    /// <summary>The entries, after deleting temporary files a crashed store left behind.</summary>
    private List<FileInfo> Entries()
    {
        var entries = new List<FileInfo>();
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
        {
            if (file.Extension != ".tmp")
            {
                entries.Add(file);
            }
            else if (DateTime.UtcNow - file.LastWriteTimeUtc > abandonedAfter)
            {
                TryDelete(file);
            }
        }
        return entries;
    }

    private static void TryDelete(FileInfo file)
    {
        try
        {
            file.Delete();
        }
        catch (IOException)
        {
            // Another process evicted it first.
        }
    }
}
