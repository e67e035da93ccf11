namespace CodeCrafts.Api.Features.Progress;

/// <summary>
/// Levels: reaching level n takes 50·n·(n−1) XP in total, so each level costs 100 XP more than the one before
/// (level 2 at 100 XP, 3 at 300, 4 at 600, 5 at 1,000, 10 at 4,500). A lesson is worth roughly 60 XP.
/// </summary>
public static class LevelCurve
{
    public const int Step = 100;

    public static long XpForLevel(int level) => Step / 2 * (long)level * (level - 1);

    public static int LevelFor(long xp)
    {
        if (xp <= 0)
        {
            return 1;
        }
        // Solve 50·n·(n−1) ≤ xp for n, then correct the floating-point estimate by one either way.
        var level = (int)Math.Floor((1 + Math.Sqrt(1 + (8.0 * xp / Step))) / 2);
        while (XpForLevel(level + 1) <= xp)
        {
            level++;
        }
        while (level > 1 && XpForLevel(level) > xp)
        {
            level--;
        }
        return level;
    }
}
