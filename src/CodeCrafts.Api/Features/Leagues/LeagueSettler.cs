using System.Data.Common;
using System.Globalization;
using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>What one run settled.</summary>
/// <param name="Settled">The weeks this run settled (another replica's are not counted).</param>
/// <param name="Seated">Waiting placements this run seated in a cohort.</param>
internal sealed record LeagueSettlementReport(IReadOnlyList<DateOnly> Settled, int Placed, int Promoted, int Demoted, int Seated);

/// <summary>
/// Settles finished weeks, on any number of replicas at once, each exactly once:
/// <list type="number">
/// <item>Close: take the week's advisory lock exclusively, which waits for every answer of the week still in flight
/// (each holds it shared until it commits), and mark the week closed; answers after that count for the next week.</item>
/// <item>Settle, in one transaction: claim the week (<see cref="LeagueSettlementSql.Claim"/>: one replica wins, the other
/// finds it settled), seat any placement still waiting, rank every cohort, record each result and move the tiers.</item>
/// <item>Seat next week's waiting placements, now that their tiers are known.</item>
/// </list>
/// In embedded mode (SQLite, <see cref="LeagueSettlementSqliteSql"/>) the same steps leave the same rows without the
/// advisory locks: SQLite runs one writer at a time and every transaction here and in the answer begins by taking the
/// write lock (BEGIN IMMEDIATE), so closing a week already waits for the answer in flight, and the claim for a rival run.
/// </summary>
internal sealed partial class LeagueSettler(
    CodeCraftsDbContext db, RedisAccessor redis, LeagueLocalCache local, IOptions<LeagueOptions> options, TimeProvider time,
    ILogger<LeagueSettler> logger)
{
    public async Task<LeagueSettlementReport> RunOnceAsync(CancellationToken ct)
    {
        var report = new LeagueSettlementReport([], 0, 0, 0, 0);
        var current = LeagueWeeks.StartOf(time.GetUtcNow());
        var due = await db.LeagueWeeks.AsNoTracking()
            .Where(w => w.SettledAt == null && w.WeekStart < current)
            .OrderBy(w => w.WeekStart).Select(w => w.WeekStart).ToListAsync(ct);
        foreach (var week in due)
        {
            await CloseAsync(week, ct);
            report = Add(report, await SettleAsync(week, ct));
            report = report with { Seated = report.Seated + await SeatWaitingAsync(week.AddDays(7), ct) };
        }
        // Waiting placements whose answer committed after their week's seating ran (the read saw last week unsettled).
        report = report with { Seated = report.Seated + await SeatWaitingAsync(current, ct) };
        if (report.Settled.Count > 0 || report.Seated > 0)
        {
            await ForgetCopiesAsync();
        }
        return report;
    }

    /// <summary>Tiers moved or learners were seated: every replica's local copies (<see cref="LeagueLocalCache"/>) go.</summary>
    private async Task ForgetCopiesAsync()
    {
        local.ChangedAll();
        if (redis.TryGetDatabase() is not { } cache)
        {
            return; // the other replicas' copies expire within LocalCacheLifetime
        }
        try
        {
            await redis.WithinBudgetAsync(cache.PublishAsync(LeagueRedis.Changes, local.Origin + " " + LeagueRedis.EverythingChanged));
        }
        catch (Exception ex) when (RedisAccessor.IsFailure(ex))
        {
            LogForgetFailed(logger, ex);
        }
    }

    private async Task CloseAsync(DateOnly week, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(LeagueWeeks.WeekLockClass, week, ct);
        await ExecuteAsync("""UPDATE league_weeks SET "ClosedAt" = $2 WHERE "WeekStart" = $1 AND "ClosedAt" IS NULL""", ct, week, time.GetUtcNow());
        await transaction.CommitAsync(ct);
    }

    private async Task<LeagueSettlementReport?> SettleAsync(DateOnly week, CancellationToken ct)
    {
        using var activity = LeagueTelemetry.Source.StartActivity("league.settle");
        activity?.SetTag("league.week", LeagueWeeks.Label(week));
        var o = options.Value;
        var started = time.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using (var claim = Command(LeagueSettlementSql.Claim, week, time.GetUtcNow()))
        {
            if (await claim.ExecuteScalarAsync(ct) is null)
            {
                return null;
            }
        }
        await LockAsync(LeagueWeeks.AssignLockClass, week, ct);
        var seated = await SeatAsync(week, ct);
        await ExecuteAsync(Postgres ? LeagueSettlementSql.Results : LeagueSettlementSqliteSql.Results, ct, week, o.Promote, o.Demote);
        await ExecuteAsync(LeagueSettlementSql.MoveTiers, ct, week);
        await using var count = Command(Postgres ? LeagueSettlementSql.Count : LeagueSettlementSqliteSql.Count, week);
        await using var reader = await count.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var settled = new LeagueSettlementReport([week], reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), seated.Count);
        await reader.DisposeAsync();
        await transaction.CommitAsync(ct);
        LogSettled(logger, LeagueWeeks.Label(week), settled.Placed, settled.Promoted, settled.Demoted, time.GetElapsedTime(started).TotalMilliseconds);
        return settled;
    }

    private async Task<int> SeatWaitingAsync(DateOnly week, CancellationToken ct)
    {
        var previousUnsettled = await db.LeagueWeeks.AsNoTracking()
            .AnyAsync(w => w.WeekStart == week.AddDays(-7) && w.SettledAt == null, ct);
        if (previousUnsettled)
        {
            return 0; // last week is not settled yet: the tiers of the waiting are not known
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(LeagueWeeks.AssignLockClass, week, ct);
        var grown = await SeatAsync(week, ct);
        await transaction.CommitAsync(ct);
        await ForgetCohortsAsync(week, grown);
        return grown.Count;
    }

    /// <summary>Seats the week's waiting placements; returns each seated one's cohort.</summary>
    private async Task<List<(LeagueTier Tier, int Cohort)>> SeatAsync(DateOnly week, CancellationToken ct)
    {
        if (!Postgres)
        {
            await ExecuteAsync(LeagueSettlementSqliteSql.FillWaiting, ct, week);
        }
        await using var command = Command(
            Postgres ? LeagueSettlementSql.AssignWaiting : LeagueSettlementSqliteSql.AssignWaiting, week, options.Value.CohortSize);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var seated = new List<(LeagueTier, int)>();
        while (await reader.ReadAsync(ct))
        {
            seated.Add(((LeagueTier)reader.GetInt32(0), reader.GetInt32(1)));
        }
        return seated;
    }

    /// <summary>Cohorts that grew are rebuilt on their next read; if Redis is away, their refresh age does it.</summary>
    private async Task ForgetCohortsAsync(DateOnly week, List<(LeagueTier Tier, int Cohort)> grown)
    {
        if (grown.Count == 0 || redis.TryGetDatabase() is not { } cache)
        {
            return;
        }
        try
        {
            var keys = grown.Distinct().Select(c => LeagueRedis.Cohort(week, c.Tier, c.Cohort)).ToArray();
            await cache.KeyDeleteAsync(keys);
        }
        catch (Exception ex) when (RedisAccessor.IsFailure(ex))
        {
            LogForgetFailed(logger, ex);
        }
    }

    private static LeagueSettlementReport Add(LeagueSettlementReport total, LeagueSettlementReport? week) =>
        week is null ? total : new LeagueSettlementReport(
            [.. total.Settled, .. week.Settled], total.Placed + week.Placed, total.Promoted + week.Promoted,
            total.Demoted + week.Demoted, total.Seated + week.Seated);

    private bool Postgres => db.Provider == DatabaseProvider.Postgres;

    /// <summary>A PostgreSQL advisory lock until commit; SQLite's transaction already holds the one write lock.</summary>
    private async Task LockAsync(int lockClass, DateOnly week, CancellationToken ct)
    {
        if (Postgres)
        {
            await ExecuteAsync("SELECT pg_advisory_xact_lock($1, $2)", ct, lockClass, LeagueWeeks.LockKey(week));
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params object[] args)
    {
        await using var command = Command(sql, args);
        await command.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Command(string sql, params object[] args)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // Settling 100,000 learners takes seconds, not the default 30 s command limit's worth, but a busy machine may.
        command.CommandTimeout = 300;
        for (var i = 0; i < args.Length; i++)
        {
            var parameter = command.CreateParameter();
            // PostgreSQL binds $1, $2… by position (unnamed parameters skip Npgsql's SQL rewriting); SQLite reads $1 as
            // a parameter named "$1".
            if (!Postgres)
            {
                parameter.ParameterName = "$" + (i + 1).ToString(CultureInfo.InvariantCulture);
            }
            parameter.Value = DbValues.ToProvider(db, args[i]);
            command.Parameters.Add(parameter);
        }
        return command;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "League week {Week} settled: {Placed} placed, {Promoted} promoted, {Demoted} demoted in {ElapsedMs:F0} ms")]
    private static partial void LogSettled(ILogger logger, string week, int placed, int promoted, int demoted, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not drop grown league cohorts from Redis; their refresh will rebuild them")]
    private static partial void LogForgetFailed(ILogger logger, Exception exception);
}
