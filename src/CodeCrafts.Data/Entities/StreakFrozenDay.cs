namespace CodeCrafts.Data.Entities;

/// <summary>A day of the learner's own calendar that they missed and a streak freeze covered; the calendar shows it.</summary>
public class StreakFrozenDay
{
    public Guid UserId { get; set; }
    public DateOnly Day { get; set; }
    /// <summary>When the freeze was stored: by the answer that followed the missed days.</summary>
    public DateTimeOffset StoredAt { get; set; }
}
