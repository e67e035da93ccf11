using System.Data.Common;
using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Leagues;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Api.Features.Streaks;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Questions;

/// <summary>
/// The SQL of one answer, in one place. Hand-written because EF Core would spend a round trip per statement, and an
/// answer is the hottest write there is: it costs three round trips in all on PostgreSQL — <see cref="ReadAsync"/>
/// (BEGIN, lock and read), <see cref="WriteAsync"/> (every write in one batch), COMMIT. EF Core keeps the model and
/// migrations; these statements name its tables and columns. On SQLite the same statements run in-process.
/// </summary>
internal static class AnswerSql
{
    /// <summary>
    /// The earliest date that can be a learner's "today" now: UTC−12 is a day behind UTC. The day an answer is booked on
    /// is never before it, so the read fetches the daily rows from here on.
    /// </summary>
    public static DateOnly EarliestToday(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);

    // Two statements, not one, although one round trip: in READ COMMITTED each statement reads from a snapshot taken when
    // it starts, so a single statement that waited for the lock would read the other tables as they were before the
    // lock's previous holder committed. The second statement starts after the lock is held and sees everything.
    private static string LockLearner(CodeCraftsDbContext db) => $$"""
        SELECT "Xp", "TimeZoneId", "DailyXpGoal", "CurrentStreak", "LongestStreak", "LastActiveOn", "LastActiveTimeZoneId", "Rating",
               "StreakFreezes", "StreakFreezesUsed"
        FROM users WHERE "Id" = {0}{{DbValues.RowLock(db)}}
        """;

    private const string ReadState = """
        SELECT k."QuestionId" AS "ExistingQuestionId", k."ResultJson" AS "ExistingResult",
               (SELECT max(a."Day") FROM xp_awards a WHERE a."UserId" = {0} AND a."QuestionId" = {1}) AS "LastAwardDay",
               (SELECT coalesce(sum(a."Xp"), 0) FROM xp_awards a
                 WHERE a."UserId" = {0} AND a."AwardedAt" >= {4} AND a."AwardedAt" < {5}) AS "WeekXp",
               p."Attempts", p."CorrectAttempts", p."QuestionsMastered", p."CompletedAt",
               r."State", r."Step", r."Stability", r."Difficulty", r."Reps", r."Lapses", r."LastReviewAt", r."DueAt",
               (SELECT min(o."DueAt") FROM review_items o JOIN questions oq ON oq."Id" = o."QuestionId"
                 WHERE o."UserId" = {0} AND oq."LessonId" = {2} AND NOT oq."IsRetired" AND o."QuestionId" <> {1}) AS "OtherDueAt",
               -- Memory model: the learner's own weights and retention, and the latest global weights.
               m."Weights" AS "PersonalWeights", m."DesiredRetention",
               (SELECT g."GlobalWeights" FROM memory_fit_runs g WHERE g."GlobalWeights" IS NOT NULL
                 ORDER BY g."Night" DESC LIMIT 1) AS "GlobalWeights"
        FROM (SELECT 1 AS "One") AS one
        LEFT JOIN question_attempts k ON k."UserId" = {0} AND k."IdempotencyKey" = {3}
        LEFT JOIN progress p ON p."UserId" = {0} AND p."LessonId" = {2}
        LEFT JOIN review_items r ON r."UserId" = {0} AND r."QuestionId" = {1}
        LEFT JOIN learner_memory m ON m."UserId" = {0}
        """;

    // Fair play (issue 15): each day's repeat XP is the sum of its awards for questions paid XP on an earlier day.
    private const string ReadDays = """
        SELECT d."Day", d."Xp",
               (SELECT coalesce(sum(a."Xp"), 0) FROM xp_awards a
                 WHERE a."UserId" = d."UserId" AND a."AwardedAt" >= {2} AND a."Day" = d."Day"
                   AND EXISTS (SELECT 1 FROM xp_awards e WHERE e."UserId" = a."UserId" AND e."QuestionId" = a."QuestionId" AND e."Day" < a."Day" AND e."Xp" > 0)) AS "RepeatXp"
        FROM daily_activity d WHERE d."UserId" = {0} AND d."Day" >= {1}
        """;

    // Fair play (issue 15), the last statement of the read: what the XP rules, the duel guard and the answers-per-learner
    // limit need. A wrong practice answer (no duel id) showed the expected answer; duel answers never do. The limit counts
    // the learner's own recorded practice answers here, under their row lock, rather than in Redis: it is then exact
    // across replicas and costs the answer no round trip of its own. Each part reads a bounded number of index entries,
    // however many answers the learner has given: xp_awards' key; one probe of the partial index of wrong practice
    // answers (user, question, created); at most PermitLimit entries of the partial index of practice answers (user,
    // created), newest first, because the limit only asks whether the window holds that many, and the oldest of those
    // is the one whose leaving frees a place; duels (challenger or opponent, status) and duel_questions' key.
    private const string ReadFairPlay = """
        SELECT (SELECT count(*) FROM xp_awards a WHERE a."UserId" = {0} AND a."QuestionId" = {1} AND a."Xp" > 0) AS "PaidAwards",
               (SELECT max(t."CreatedAt") FROM question_attempts t
                 WHERE t."UserId" = {0} AND t."QuestionId" = {1} AND NOT t."IsCorrect" AND t."DuelId" IS NULL AND t."CreatedAt" >= {2}) AS "LastWrongAt",
               EXISTS (SELECT 1 FROM duels d JOIN duel_questions q ON q."DuelId" = d."Id"
                 WHERE (d."ChallengerId" = {0} OR d."OpponentId" = {0}) AND d."Status" = 'Active' AND q."QuestionId" = {1}) AS "InActiveDuel",
               w."RecentAttempts", w."OldestRecentAttemptAt"
        FROM (SELECT count(*) AS "RecentAttempts", min(n."CreatedAt") AS "OldestRecentAttemptAt"
              FROM (SELECT t."CreatedAt" FROM question_attempts t
                    WHERE t."UserId" = {0} AND t."DuelId" IS NULL AND t."CreatedAt" >= {3}
                    ORDER BY t."CreatedAt" DESC LIMIT {4}) AS n) AS w
        """;

    /// <summary>How far back an award can lie and still be booked on a day the answer reads (zones and flights included).</summary>
    private static readonly TimeSpan AwardLookBack = TimeSpan.FromDays(7);

    /// <summary>A reveal counts on the learner's calendar day, so one older than a day never matters.</summary>
    private static readonly TimeSpan RevealLookBack = TimeSpan.FromDays(1);

    /// <summary>The first round trip: locks the learner's row, then reads what the answer needs. Null for an unknown learner.</summary>
    public static async Task<AnswerState?> ReadAsync(
        CodeCraftsDbContext db, AnswerInput input, DateTimeOffset now, TimeSpan attemptWindow, int attemptLimit, CancellationToken ct)
    {
        var (userId, questionId, lessonId) = (input.UserId, input.Question.Entity.Id, input.Question.Lesson.Id);
        var week = IsoWeek.Of(now);
        var batch = new SqlBatch(db)
            .Add(LockLearner(db), userId)
            .Add(ReadState, userId, questionId, lessonId, input.IdempotencyKey, week.Start, week.End)
            .Add(ReadDays, userId, EarliestToday(now), now - AwardLookBack)
            .Add(ReadFairPlay, userId, questionId, now - RevealLookBack, now - attemptWindow, attemptLimit);
        LeagueAnswer.AddReads(batch, db, userId, now);
        await using var reader = await batch.ReadAsync(ct);

        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        var learner = new LearnerRow(
            reader.Value<long>("Xp"), reader.GetString(reader.GetOrdinal("TimeZoneId")), reader.Value<int>("DailyXpGoal"),
            new StreakState(reader.Value<int>("CurrentStreak"), reader.Value<int>("LongestStreak"), reader.Day("LastActiveOn"), reader.Text("LastActiveTimeZoneId"),
                reader.Value<int>("StreakFreezes"), reader.Value<int>("StreakFreezesUsed")),
            reader.Value<double>("Rating"));

        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var existing = reader.IsDBNull(reader.GetOrdinal("ExistingQuestionId"))
            ? null
            : new StoredAttempt(reader.Guid("ExistingQuestionId"), reader.Text("ExistingResult"));
        var lastAwardDay = reader.Day("LastAwardDay");
        var weekXp = reader.Value<long>("WeekXp");
        var progress = reader.Nullable<int>("Attempts") is { } attempts
            ? new ProgressRow(attempts, reader.Value<int>("CorrectAttempts"), reader.Value<int>("QuestionsMastered"), reader.Instant("CompletedAt"))
            : null;
        var review = ReadReviewItem(reader, userId, questionId);
        var otherDueAt = reader.Instant("OtherDueAt");
        var memory = new LearnerModel(reader.Text("PersonalWeights"), reader.Text("GlobalWeights"), reader.Nullable<double>("DesiredRetention"));

        await reader.NextResultAsync(ct);
        var days = new Dictionary<DateOnly, int>();
        var repeatXp = new Dictionary<DateOnly, int>();
        while (await reader.ReadAsync(ct))
        {
            days[reader.Day("Day")!.Value] = reader.Value<int>("Xp");
            repeatXp[reader.Day("Day")!.Value] = reader.Value<int>("RepeatXp");
        }

        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var fairPlay = new FairPlayRead(reader.Value<int>("PaidAwards"), reader.Instant("LastWrongAt"), repeatXp, reader.Value<bool>("InActiveDuel"),
            reader.Value<int>("RecentAttempts"), reader.Instant("OldestRecentAttemptAt"));
        var league = await LeagueAnswer.ReadAsync(reader, db, now, ct);
        return new AnswerState(learner, existing, lastAwardDay, weekXp, days, progress, review, otherDueAt, fairPlay, league, memory);
    }

    private static ReviewItem? ReadReviewItem(DbDataReader reader, Guid userId, Guid questionId) =>
        reader.Text("State") is not { } state
            ? null
            : new ReviewItem
            {
                UserId = userId,
                QuestionId = questionId,
                State = Enum.Parse<ReviewState>(state),
                Step = reader.Value<int>("Step"),
                Stability = reader.Value<double>("Stability"),
                Difficulty = reader.Value<double>("Difficulty"),
                Reps = reader.Value<int>("Reps"),
                Lapses = reader.Value<int>("Lapses"),
                LastReviewAt = reader.Instant("LastReviewAt")!.Value,
                DueAt = reader.Instant("DueAt")!.Value,
            };

    /// <summary>
    /// The second round trip: every write of the answer, in one batch. Returns the league step with its cohort once known
    /// (a learner joining this week's league learns their seat from the batch's first statement).
    /// </summary>
    public static async Task<LeagueStep?> WriteAsync(CodeCraftsDbContext db, AnswerInput input, AnswerDecision d, int cohortSize, CancellationToken ct)
    {
        var (userId, question) = (input.UserId, input.Question.Entity);
        var now = d.Result.AnsweredAt;
        // SQLite has no xmin: there the row version is a plain column that every write must move.
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        var version = sqlite ? ", \"Version\"" : "";
        var versionValue = sqlite ? ", 0" : "";
        var bump = (string table) => sqlite ? $", \"Version\" = {table}.\"Version\" + 1" : "";

        var batch = new SqlBatch(db);
        if (d.League is { } league)
        {
            LeagueAnswer.AddWrites(batch, userId, league, cohortSize);
        }
        batch.Add("""
            INSERT INTO question_attempts ("Id", "UserId", "QuestionId", "IdempotencyKey", "AnswerJson", "IsCorrect", "TimeTakenMs",
                                           "XpAwarded", "ResultJson", "CreatedAt", "RatingPending")
            VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, TRUE)
            """,
            d.Result.AttemptId, userId, question.Id, input.IdempotencyKey, StoredAnswers.Serialize(input.Answer), d.Result.Correct,
            input.TimeTakenMs, d.Xp, d.ResultJson, now);

        if (d.Award is { } award)
        {
            // The primary key (user, question, day) refuses a second award for the day, whatever else happens.
            batch.Add("""
                INSERT INTO xp_awards ("UserId", "QuestionId", "Day", "Xp", "AwardedAt") VALUES ({0}, {1}, {2}, {3}, {4})
                """, userId, question.Id, d.Day, award.Xp, now);
        }
        if (d.Xp > 0 || d.Streak.Changed)
        {
            var s = d.Streak.State;
            batch.Add("""
                UPDATE users SET "Xp" = "Xp" + {1}, "CurrentStreak" = {2}, "LongestStreak" = {3}, "LastActiveOn" = {4}, "LastActiveTimeZoneId" = {5},
                                 "StreakFreezes" = {6}, "StreakFreezesUsed" = {7}
                WHERE "Id" = {0}
                """, userId, d.Xp, s.Current, s.Longest, s.LastActiveOn, s.LastActiveTimeZoneId, s.Freezes, s.FreezesUsed);
        }
        // --- Streak freezes: the missed days a freeze covered (StreakRules decided them; at most MaxFreezes). ---
        foreach (var frozen in d.Streak.FrozenDays)
        {
            batch.Add("""
                INSERT INTO streak_frozen_days ("UserId", "Day", "StoredAt") VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING
                """, userId, frozen, now);
        }
        // --- end of streak freezes ---
        batch.Add("""
            INSERT INTO daily_activity ("UserId", "Day", "Xp", "Answers", "CorrectAnswers") VALUES ({0}, {1}, {2}, 1, {3})
            ON CONFLICT ("UserId", "Day") DO UPDATE SET
                "Xp" = daily_activity."Xp" + excluded."Xp",
                "Answers" = daily_activity."Answers" + 1,
                "CorrectAnswers" = daily_activity."CorrectAnswers" + excluded."CorrectAnswers"
            """, userId, d.Day, d.Xp, d.Result.Correct ? 1 : 0);

        var p = d.Progress;
        batch.Add($$"""
            INSERT INTO progress ("Id", "UserId", "LessonId", "Attempts", "CorrectAttempts", "QuestionsMastered", "Score", "IsCompleted",
                                  "CompletedAt", "LastAttemptAt", "NextReviewAt"{{version}})
            VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}{{versionValue}})
            ON CONFLICT ("UserId", "LessonId") DO UPDATE SET
                "Attempts" = excluded."Attempts", "CorrectAttempts" = excluded."CorrectAttempts",
                "QuestionsMastered" = excluded."QuestionsMastered", "Score" = excluded."Score", "IsCompleted" = excluded."IsCompleted",
                "CompletedAt" = excluded."CompletedAt", "LastAttemptAt" = excluded."LastAttemptAt", "NextReviewAt" = excluded."NextReviewAt"{{bump("progress")}}
            """, Guid.CreateVersion7(), userId, input.Question.Lesson.Id, p.Attempts, p.CorrectAttempts, p.QuestionsMastered, p.Score,
            p.Completed, d.CompletedAt, now, d.LessonNextReviewAt);

        var plan = d.Review;
        batch.Add($$"""
            INSERT INTO review_items ("UserId", "QuestionId", "State", "Step", "Stability", "Difficulty", "Reps", "Lapses", "LastReviewAt", "DueAt"{{version}})
            VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}{{versionValue}})
            ON CONFLICT ("UserId", "QuestionId") DO UPDATE SET
                "State" = excluded."State", "Step" = excluded."Step", "Stability" = excluded."Stability", "Difficulty" = excluded."Difficulty",
                "Reps" = excluded."Reps", "Lapses" = excluded."Lapses", "LastReviewAt" = excluded."LastReviewAt", "DueAt" = excluded."DueAt"{{bump("review_items")}}
            """, userId, question.Id, plan.State, plan.Step, plan.Memory.Stability, plan.Memory.Difficulty, plan.Reps, plan.Lapses, now, plan.DueAt);
        batch.Add("""
            INSERT INTO review_logs ("Id", "UserId", "QuestionId", "Rating", "StateBefore", "ElapsedDays", "ScheduledDays", "Stability", "Difficulty", "ReviewedAt")
            VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9})
            """, Guid.CreateVersion7(), userId, question.Id, (int)d.Rating, d.ReviewStateBefore, plan.ElapsedDays, plan.ScheduledDays,
            plan.Memory.Stability, plan.Memory.Difficulty, now);
        if (d.League is not { Kind: PlacementKind.Join } join)
        {
            await batch.ExecuteAsync(ct);
            return d.League;
        }
        await using var reader = await batch.ReadAsync(ct);
        var placed = await LeagueAnswer.ReadJoinAsync(reader, join, cohortSize, ct);
        // The rest of the batch runs (and reports any failure) as its results are passed over.
        while (await reader.NextResultAsync(ct))
        {
        }
        return placed;
    }
}
