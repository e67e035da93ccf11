using System.Collections.Concurrent;

namespace CodeCrafts.Api.Features.Streaks;

/// <summary>The learner's own calendar: which date it is for them, in their IANA time zone.</summary>
public static class LearnerCalendar
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    /// <summary>An unknown zone id (it should never be stored) falls back to UTC rather than failing an answer.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        Zones.GetOrAdd(string.IsNullOrWhiteSpace(id) ? "Etc/UTC" : id,
            static key => TimeZoneInfo.TryFindSystemTimeZoneById(key, out var zone) ? zone : TimeZoneInfo.Utc);

    public static DateOnly Today(string? zoneId, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone(zoneId)).DateTime);
}
