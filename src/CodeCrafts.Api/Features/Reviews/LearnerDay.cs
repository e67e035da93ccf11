namespace CodeCrafts.Api.Features.Reviews;

/// <summary>"Today" as the learner lives it: the calendar day of their IANA time zone.</summary>
internal static class LearnerDay
{
    public static TimeZoneInfo Zone(string? timeZoneId) =>
        timeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The instant the learner's next calendar day begins.</summary>
    public static DateTimeOffset EndOfToday(DateTimeOffset now, TimeZoneInfo zone)
    {
        var midnight = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(1);
        // Where clocks jump forward at midnight, that midnight never happens: the day ends when the clocks resume.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(15);
        }
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
