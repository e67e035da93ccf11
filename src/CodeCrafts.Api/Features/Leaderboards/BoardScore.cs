namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>
/// A sorted-set score that orders by value and, among equal values, puts whoever reached the value first on top:
/// <c>value × 2^31 + (2^31 − 1 − seconds since 2025-01-01 UTC)</c>. A double holds integers exactly up to 2^53,
/// so values up to 2^22 − 1 (4,194,303 XP or rating points) keep their tie-break to the second until 2093; above that
/// the order by value stays right and only the tie-break between equal values may blur. Within the same second,
/// Redis orders equal scores by member (the user id, descending), and the PostgreSQL path does the same.
/// </summary>
public static class BoardScore
{
    public const long TimeSlots = 1L << 31;
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static double Encode(long value, DateTimeOffset achievedAt)
    {
        var seconds = Math.Clamp((achievedAt.UtcTicks - Epoch.UtcTicks) / TimeSpan.TicksPerSecond, 0, TimeSlots - 1);
        return Math.Max(value, 0) * (double)TimeSlots + (TimeSlots - 1 - seconds);
    }

    /// <summary>A duel rating shows as a whole number; ties on it go to whoever was rated first.</summary>
    public static double EncodeRating(double rating, DateTimeOffset ratedAt) =>
        Encode((long)Math.Round(rating, MidpointRounding.AwayFromZero), ratedAt);

    public static long Value(double score) => (long)Math.Floor(score / TimeSlots);

    /// <summary>The member string a user has on every board; the PostgreSQL path breaks exact ties on it too.</summary>
    public static string Member(Guid userId) => userId.ToString("N");

    /// <summary>Redis's order: score descending, then member descending (ordinal), which is ZRANGE … REV.</summary>
    public static int CompareBoardOrder((string Member, double Score) a, (string Member, double Score) b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(b.Member, a.Member);
    }
}
