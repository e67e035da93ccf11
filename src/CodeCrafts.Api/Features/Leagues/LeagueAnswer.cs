using System.Data.Common;
using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>A learner's league rows as an answer reads them under the learner's lock.</summary>
/// <param name="ClockWeek">The week of the answer's time.</param>
/// <param name="Weeks">The league_weeks rows of the clock week and the one before: (closed, settled).</param>
/// <param name="Placements">The learner's placements from the week before the clock week on.</param>
/// <param name="Tier">The learner's tier between weeks (Bronze without a row).</param>
internal sealed record LeagueState(
    DateOnly ClockWeek, IReadOnlyDictionary<DateOnly, (bool Closed, bool Settled)> Weeks,
    IReadOnlyDictionary<DateOnly, PlacementRow> Placements, LeagueTier Tier);

internal sealed record PlacementRow(LeagueTier? Tier, int? Cohort, long Xp);

internal enum PlacementKind
{
    /// <summary>First XP of the week: joins the next free seat of the tier's cohorts.</summary>
    Join,
    /// <summary>First XP of the week, but last week's result is not settled yet: the tier waits for it.</summary>
    Wait,
    /// <summary>Already placed this week: only the weekly XP moves.</summary>
    Add,
}

/// <summary>What one answer does to the leagues: the week it counts for, and the learner's weekly XP after it.</summary>
internal sealed record LeagueStep(DateOnly Week, PlacementKind Kind, LeagueTier? Tier, int? Cohort, int Gained, long Xp, DateTimeOffset ReachedAt);

/// <summary>
/// The leagues' part of an answer, riding on the answer's own round trips (see Questions/AnswerSql): its reads join the
/// first round trip and its writes the second batch, so a placement costs no round trip of its own. That is why this is
/// not an observer after the commit: the weekly XP and the placement are facts, written exactly once in the answer's
/// transaction, under the learner's row lock that already serialises all of a learner's XP, so they can neither be
/// lost nor counted twice, and settlement reads them from the database alone. Only the Redis cohort set comes after the commit.
/// </summary>
internal static class LeagueAnswer
{
    /// <summary>Adds the league reads to the answer's first round trip (after the learner's row lock).</summary>
    public static void AddReads(SqlBatch batch, CodeCraftsDbContext db, Guid userId, DateTimeOffset now)
    {
        var week = LeagueWeeks.StartOf(now);
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // Held shared until the answer commits: the week cannot close under it, so what the next statement reads
            // about the week stays true until the commit. SQLite has one writer at a time and needs no lock.
            batch.Add("SELECT pg_advisory_xact_lock_shared({0}, {1})", LeagueWeeks.WeekLockClass, LeagueWeeks.LockKey(week));
        }
        batch.Add("""
            SELECT "WeekStart", "ClosedAt" IS NOT NULL AS "Closed", "SettledAt" IS NOT NULL AS "Settled"
            FROM league_weeks WHERE "WeekStart" IN ({0}, {1})
            """, week.AddDays(-7), week);
        batch.Add("""SELECT "WeekStart", "Tier", "Cohort", "Xp" FROM league_placements WHERE "UserId" = {0} AND "WeekStart" >= {1}""",
            userId, week.AddDays(-7));
        batch.Add("""SELECT "Tier" FROM league_members WHERE "UserId" = {0}""", userId);
    }

    /// <summary>Reads what <see cref="AddReads"/> asked for; the reader stands before the first of its result sets.</summary>
    public static async Task<LeagueState> ReadAsync(DbDataReader reader, CodeCraftsDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await reader.NextResultAsync(ct);
        }
        await reader.NextResultAsync(ct);
        var weeks = new Dictionary<DateOnly, (bool, bool)>();
        while (await reader.ReadAsync(ct))
        {
            weeks[reader.Day("WeekStart")!.Value] = (reader.Value<bool>("Closed"), reader.Value<bool>("Settled"));
        }
        await reader.NextResultAsync(ct);
        var placements = new Dictionary<DateOnly, PlacementRow>();
        while (await reader.ReadAsync(ct))
        {
            placements[reader.Day("WeekStart")!.Value] = new PlacementRow(
                reader.Nullable<int>("Tier") is { } t ? (LeagueTier)t : null, reader.Nullable<int>("Cohort"), reader.Value<long>("Xp"));
        }
        await reader.NextResultAsync(ct);
        var tier = await reader.ReadAsync(ct) ? (LeagueTier)reader.Value<int>("Tier") : LeagueTier.Bronze;
        return new LeagueState(LeagueWeeks.StartOf(now), weeks, placements, tier);
    }

    /// <summary>The rules, without the database: which week the XP counts for and how the learner is placed.</summary>
    public static LeagueStep? Decide(LeagueState state, int xp, DateTimeOffset now)
    {
        if (xp <= 0)
        {
            return null;
        }
        // A late answer (its time in a week that closed before it could commit) counts for the next week.
        var week = state.Weeks.GetValueOrDefault(state.ClockWeek).Closed ? state.ClockWeek.AddDays(7) : state.ClockWeek;
        if (state.Placements.TryGetValue(week, out var placed))
        {
            return new LeagueStep(week, PlacementKind.Add, placed.Tier, placed.Cohort, xp, placed.Xp + xp, now);
        }
        var previous = week.AddDays(-7);
        var waits = state.Placements.ContainsKey(previous) && !state.Weeks.GetValueOrDefault(previous).Settled;
        return waits
            ? new LeagueStep(week, PlacementKind.Wait, null, null, xp, xp, now)
            : new LeagueStep(week, PlacementKind.Join, state.Tier, null, xp, xp, now);
    }

    /// <summary>
    /// Adds the league writes to the answer's write batch. A join's statement comes first and returns the learner's join
    /// order, which <see cref="ReadJoinAsync"/> turns into the cohort: the fill row's update serialises the tier's joiners
    /// (each holds it until commit), so join order is commit order and no two learners share a seat.
    /// </summary>
    public static void AddWrites(SqlBatch batch, Guid userId, LeagueStep step, int cohortSize)
    {
        switch (step.Kind)
        {
            case PlacementKind.Join:
                batch.Add("""
                    INSERT INTO league_cohort_fills ("WeekStart", "Tier", "Joined") VALUES ({0}, {1}, 1)
                    ON CONFLICT ("WeekStart", "Tier") DO UPDATE SET "Joined" = league_cohort_fills."Joined" + 1
                    RETURNING "Joined"
                    """, step.Week, (int)step.Tier!.Value);
                AddWeek(batch, step.Week);
                batch.Add("""
                    INSERT INTO league_placements ("WeekStart", "UserId", "Tier", "Cohort", "JoinOrder", "Xp", "ReachedAt", "JoinedAt")
                    SELECT {0}, {1}, {2}, (f."Joined" - 1) / {3}, f."Joined", {4}, {5}, {5}
                    FROM league_cohort_fills f WHERE f."WeekStart" = {0} AND f."Tier" = {2}
                    """, step.Week, userId, (int)step.Tier.Value, cohortSize, step.Xp, step.ReachedAt);
                break;
            case PlacementKind.Wait:
                AddWeek(batch, step.Week);
                batch.Add("""
                    INSERT INTO league_placements ("WeekStart", "UserId", "Xp", "ReachedAt", "JoinedAt") VALUES ({0}, {1}, {2}, {3}, {3})
                    """, step.Week, userId, step.Xp, step.ReachedAt);
                break;
            case PlacementKind.Add:
                batch.Add("""
                    UPDATE league_placements SET "Xp" = "Xp" + {2}, "ReachedAt" = {3} WHERE "WeekStart" = {0} AND "UserId" = {1}
                    """, step.Week, userId, step.Gained, step.ReachedAt);
                break;
        }
    }

    /// <summary>The join's cohort, from the first result set of the write batch.</summary>
    public static async Task<LeagueStep> ReadJoinAsync(DbDataReader reader, LeagueStep step, int cohortSize, CancellationToken ct)
    {
        await reader.ReadAsync(ct);
        var joined = reader.Value<int>("Joined");
        return step with { Cohort = (joined - 1) / cohortSize };
    }

    private static void AddWeek(SqlBatch batch, DateOnly week) =>
        batch.Add("""
            INSERT INTO league_weeks ("WeekStart", "Placed", "Promoted", "Demoted") VALUES ({0}, 0, 0, 0) ON CONFLICT ("WeekStart") DO NOTHING
            """, week);
}
