namespace CodeCrafts.Api.Features.Leagues;

/// <summary>
/// Settlement's statements on SQLite (embedded mode) where they differ from <see cref="LeagueSettlementSql"/>: the same
/// rules and the same rows, in SQLite's dialect. <see cref="LeagueSettlementSql.Claim"/> and
/// <see cref="LeagueSettlementSql.MoveTiers"/> run unchanged. $1 is always the week's Monday, bound by name.
/// </summary>
internal static class LeagueSettlementSqliteSql
{
    /// <summary>
    /// The first half of <see cref="LeagueSettlementSql.AssignWaiting"/>: SQLite has no data-modifying CTE, so the tiers'
    /// fill counters grow by their waiting placements first, and <see cref="AssignWaiting"/> then seats each placement
    /// behind the seats the counter had before (its new value less the tier's waiting). Both run in one transaction.
    /// </summary>
    public const string FillWaiting = """
        INSERT INTO league_cohort_fills ("WeekStart", "Tier", "Joined")
        SELECT $1, coalesce(m."Tier", 0), count(*)
        FROM league_placements p LEFT JOIN league_members m ON m."UserId" = p."UserId"
        WHERE p."WeekStart" = $1 AND p."Tier" IS NULL
        GROUP BY coalesce(m."Tier", 0)
        ON CONFLICT ("WeekStart", "Tier") DO UPDATE SET "Joined" = league_cohort_fills."Joined" + excluded."Joined"
        """;

    /// <summary>Seats the waiting placements counted by <see cref="FillWaiting"/>. $2 cohort size. Returns the cohorts that grew.</summary>
    public const string AssignWaiting = """
        UPDATE league_placements AS p
        SET "Tier" = w.tier, "JoinOrder" = f."Joined" - w.c + w.n, "Cohort" = (f."Joined" - w.c + w.n - 1) / $2
        FROM (SELECT q."UserId", coalesce(m."Tier", 0) AS tier,
                     row_number() OVER (PARTITION BY coalesce(m."Tier", 0) ORDER BY q."JoinedAt", q."UserId") AS n,
                     count(*) OVER (PARTITION BY coalesce(m."Tier", 0)) AS c
              FROM league_placements q LEFT JOIN league_members m ON m."UserId" = q."UserId"
              WHERE q."WeekStart" = $1 AND q."Tier" IS NULL) AS w
        JOIN league_cohort_fills f ON f."WeekStart" = $1 AND f."Tier" = w.tier
        WHERE p."WeekStart" = $1 AND p."UserId" = w."UserId"
        RETURNING "Tier", "Cohort"
        """;

    /// <summary>
    /// <see cref="LeagueSettlementSql.Results"/> with SQLite's scalar max/min for greatest/least. The order is the same:
    /// GUIDs are upper-case text here, which sorts as PostgreSQL sorts uuids, and instants are UTC ticks.
    /// </summary>
    public const string Results = """
        INSERT INTO league_results ("WeekStart", "UserId", "Tier", "Cohort", "Rank", "CohortSize", "Xp", "NewTier")
        SELECT $1, r."UserId", r."Tier", r."Cohort", r.rank, r.size, r."Xp",
               CASE WHEN r.rank <= r.up THEN r."Tier" + 1
                    WHEN r."Tier" > 0 AND $3 > 0 AND r.rank > max(r.size - $3, r.up) THEN r."Tier" - 1
                    ELSE r."Tier" END
        FROM (SELECT p."UserId", p."Tier", p."Cohort", p."Xp",
                     row_number() OVER (PARTITION BY p."Tier", p."Cohort" ORDER BY p."Xp" DESC, p."ReachedAt", p."UserId" DESC) AS rank,
                     count(*) OVER (PARTITION BY p."Tier", p."Cohort") AS size,
                     CASE WHEN p."Tier" = 9 THEN 0 ELSE min($2, count(*) OVER (PARTITION BY p."Tier", p."Cohort")) END AS up
              FROM league_placements p WHERE p."WeekStart" = $1) AS r
        """;

    public const string Count = """
        UPDATE league_weeks AS w SET "Placed" = s.placed, "Promoted" = s.up, "Demoted" = s.down
        FROM (SELECT count(*) AS placed, count(*) FILTER (WHERE "NewTier" > "Tier") AS up,
                     count(*) FILTER (WHERE "NewTier" < "Tier") AS down
              FROM league_results WHERE "WeekStart" = $1) AS s
        WHERE w."WeekStart" = $1
        RETURNING "Placed", "Promoted", "Demoted"
        """;
}
