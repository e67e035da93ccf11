namespace CodeCrafts.Api.Features.Leagues;

/// <summary>
/// A cohort member's Redis score: weekly XP in the high bits, and in the low 30 bits the milliseconds left in the week
/// when that XP was reached, so one descending order ranks by XP and then by who got there first (a week has
/// 604,800,000 ms &lt; 2^30; with 2^23 XP a week on top, the score is still an exact double).
/// </summary>
internal static class LeagueScore
{
    private const double TimeSpan30 = 1 << 30;
    private const long MaxMs = (1L << 30) - 1;

    public static double Encode(long xp, DateTimeOffset reachedAt, DateOnly week)
    {
        // A late answer of the week before counts here, reached "at the start": before anyone of this week.
        var ms = Math.Clamp((long)(reachedAt - LeagueWeeks.Start(week)).TotalMilliseconds, 0, MaxMs);
        return xp * TimeSpan30 + (MaxMs - ms);
    }

    public static long Xp(double score) => (long)Math.Floor(score / TimeSpan30);
}
