namespace CodeCrafts.Data.Entities;

public class User : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Email { get; set; }
    /// <summary>Trimmed, lower-cased email: the unique key, so "A@x.io" and "a@x.io" are one account.</summary>
    public required string NormalizedEmail { get; set; }
    public required string PasswordHash { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>IANA time zone id; streaks and "today" follow it.</summary>
    public string TimeZoneId { get; set; } = "Etc/UTC";
    public int DailyXpGoal { get; set; } = 50;
    public long Xp { get; set; }
    public int CurrentStreak { get; set; }
    public int LongestStreak { get; set; }
    /// <summary>The learner's local calendar day on which XP was last earned.</summary>
    public DateOnly? LastActiveOn { get; set; }
    /// <summary>The time zone <see cref="LastActiveOn"/> was counted in, so a move neither gains nor loses a streak day.</summary>
    public string? LastActiveTimeZoneId { get; set; }
    /// <summary>Streak freezes held (0 to 2) as of <see cref="LastActiveOn"/>; days missed since then use them lazily.</summary>
    public int StreakFreezes { get; set; }
    /// <summary>Streak freezes used since the account began, as of <see cref="LastActiveOn"/>.</summary>
    public int StreakFreezesUsed { get; set; }
    /// <summary>Glicko-2 duel rating.</summary>
    public double Rating { get; set; } = 1500;
    public double RatingDeviation { get; set; } = 350;
    public double RatingVolatility { get; set; } = 0.06;
    public DateTimeOffset? RatedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}
