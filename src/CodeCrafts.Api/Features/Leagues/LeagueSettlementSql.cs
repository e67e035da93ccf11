namespace CodeCrafts.Api.Features.Leagues;

/// <summary>
/// Settlement's statements, set-based so a week of 100,000 learners settles in a handful of statements (PostgreSQL;
/// SQLite's dialect of those that differ is <see cref="LeagueSettlementSqliteSql"/>). $1 is always the week's Monday.
/// </summary>
internal static class LeagueSettlementSql
{
    /// <summary>The week's claim, the guard of "exactly once": of two racing settlers, the second finds it taken.</summary>
    public const string Claim = """
        UPDATE league_weeks SET "SettledAt" = $2 WHERE "WeekStart" = $1 AND "ClosedAt" IS NOT NULL AND "SettledAt" IS NULL RETURNING 1
        """;

    /// <summary>
    /// Seats the week's waiting placements (first XP before last week was settled) in the cohorts of the tier they now
    /// have, in the order they joined, after everyone already seated. $2 cohort size. Returns the cohorts that grew.
    /// </summary>
    public const string AssignWaiting = """
        WITH waiting AS (
            SELECT p."UserId", coalesce(m."Tier", 0) AS tier,
                   row_number() OVER (PARTITION BY coalesce(m."Tier", 0) ORDER BY p."JoinedAt", p."UserId") AS n
            FROM league_placements p LEFT JOIN league_members m ON m."UserId" = p."UserId"
            WHERE p."WeekStart" = $1 AND p."Tier" IS NULL),
        counts AS (SELECT tier, count(*)::int AS c FROM waiting GROUP BY tier),
        fills AS (
            INSERT INTO league_cohort_fills ("WeekStart", "Tier", "Joined") SELECT $1, tier, c FROM counts
            ON CONFLICT ("WeekStart", "Tier") DO UPDATE SET "Joined" = league_cohort_fills."Joined" + excluded."Joined"
            RETURNING "Tier", "Joined")
        UPDATE league_placements p
        SET "Tier" = w.tier, "JoinOrder" = f."Joined" - c.c + w.n, "Cohort" = (f."Joined" - c.c + w.n - 1) / $2
        FROM waiting w JOIN counts c ON c.tier = w.tier JOIN fills f ON f."Tier" = w.tier
        WHERE p."WeekStart" = $1 AND p."UserId" = w."UserId"
        RETURNING p."Tier", p."Cohort"
        """;

    /// <summary>
    /// Ranks every cohort (weekly XP, then who reached it first) and records each learner's move. $2 promote, $3 demote;
    /// the zones as in <see cref="LeagueZones"/>: no promotion from Diamond (9), no demotion from Bronze (0), and the
    /// promotion zone wins in a cohort too small for both.
    /// </summary>
    public const string Results = """
        INSERT INTO league_results ("WeekStart", "UserId", "Tier", "Cohort", "Rank", "CohortSize", "Xp", "NewTier")
        SELECT $1, r."UserId", r."Tier", r."Cohort", r.rank, r.size, r."Xp",
               CASE WHEN r.rank <= r.up THEN r."Tier" + 1
                    WHEN r."Tier" > 0 AND $3 > 0 AND r.rank > greatest(r.size - $3, r.up) THEN r."Tier" - 1
                    ELSE r."Tier" END
        FROM (SELECT p."UserId", p."Tier", p."Cohort", p."Xp",
                     row_number() OVER (PARTITION BY p."Tier", p."Cohort" ORDER BY p."Xp" DESC, p."ReachedAt", p."UserId" DESC)::int AS rank,
                     count(*) OVER (PARTITION BY p."Tier", p."Cohort")::int AS size,
                     CASE WHEN p."Tier" = 9 THEN 0 ELSE least($2, count(*) OVER (PARTITION BY p."Tier", p."Cohort"))::int END AS up
              FROM league_placements p WHERE p."WeekStart" = $1) r
        """;

    /// <summary>Moves the tiers of those who moved; a learner without a row is Bronze.</summary>
    public const string MoveTiers = """
        INSERT INTO league_members ("UserId", "Tier")
        SELECT "UserId", "NewTier" FROM league_results WHERE "WeekStart" = $1 AND "NewTier" <> "Tier"
        ON CONFLICT ("UserId") DO UPDATE SET "Tier" = excluded."Tier"
        """;

    public const string Count = """
        UPDATE league_weeks w SET "Placed" = s.placed, "Promoted" = s.up, "Demoted" = s.down
        FROM (SELECT count(*)::int AS placed, count(*) FILTER (WHERE "NewTier" > "Tier")::int AS up,
                     count(*) FILTER (WHERE "NewTier" < "Tier")::int AS down
              FROM league_results WHERE "WeekStart" = $1) s
        WHERE w."WeekStart" = $1
        RETURNING w."Placed", w."Promoted", w."Demoted"
        """;
}
