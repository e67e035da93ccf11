using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using StackExchange.Redis;

// Each endpoint answers the same request as the Api's (the same wrk scripts drive both), doing only the work no design
// can avoid, so each Api figure is read against its own limit. The caller is the token's "sub", read without checking
// the signature: the bare endpoints measure the data path, not authentication.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

app.MapGet("/", () => "ok");

var database = app.Configuration.GetConnectionString("codecrafts");
if (!string.IsNullOrEmpty(database))
{
    var dataSource = NpgsqlDataSource.Create(database);
    // The minimal durable answer: BEGIN, lock the learner's row, insert the attempt, add the XP, upsert the day
    // (all in one batch, so one round trip), then COMMIT.
    app.MapPost("/api/questions/{id:guid}/attempts", async (Guid id, HttpRequest request) =>
    {
        var userId = Caller(request);
        using var body = await JsonDocument.ParseAsync(request.Body);
        var key = body.RootElement.GetProperty("idempotencyKey").GetString()!;
        var now = DateTimeOffset.UtcNow;
        var attemptId = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command("""SELECT "Xp" FROM users WHERE "Id" = $1 FOR NO KEY UPDATE""", userId),
                Command("""
                    INSERT INTO question_attempts ("Id", "UserId", "QuestionId", "IdempotencyKey", "AnswerJson", "IsCorrect", "TimeTakenMs", "XpAwarded", "CreatedAt")
                    VALUES ($1, $2, $3, $4, '{}', TRUE, 3000, 10, $5)
                    """, attemptId, userId, id, key, now),
                Command("""UPDATE users SET "Xp" = "Xp" + 10 WHERE "Id" = $1""", userId),
                Command("""
                    INSERT INTO daily_activity ("UserId", "Day", "Xp", "Answers", "CorrectAnswers") VALUES ($1, $2, 10, 1, 1)
                    ON CONFLICT ("UserId", "Day") DO UPDATE SET "Xp" = daily_activity."Xp" + 10, "Answers" = daily_activity."Answers" + 1,
                        "CorrectAnswers" = daily_activity."CorrectAnswers" + 1
                    """, userId, DateOnly.FromDateTime(now.UtcDateTime)),
            },
        };
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return Results.Ok(new { attemptId, correct = true, xpGained = 10 });
    });
}

var cache = app.Configuration.GetConnectionString("cache");
if (!string.IsNullOrEmpty(cache))
{
    var redis = ConnectionMultiplexer.Connect(cache);
    // The minimal board read: one pipelined round trip for the top 10 and the caller's rank and score. The lessons list
    // is measured against the same endpoint: the least an authenticated read of shared state costs is one round trip.
    async Task<IResult> ReadBoardAsync(HttpRequest request)
    {
        var member = Caller(request).ToString("N");
        var week = DateTime.UtcNow;
        var key = $"lb:xp:weekly:{ISOWeek.GetYear(week):D4}-W{ISOWeek.GetWeekOfYear(week):D2}";
        var batch = redis.GetDatabase().CreateBatch();
        var top = batch.SortedSetRangeByRankWithScoresAsync(key, 0, 9, Order.Descending);
        var rank = batch.SortedSetRankAsync(key, member, Order.Descending);
        var score = batch.SortedSetScoreAsync(key, member);
        batch.Execute();
        await Task.WhenAll(top, rank, score);
        return Results.Ok(new
        {
            entries = top.Result.Select((e, i) => new { rank = i + 1, userId = e.Element.ToString(), score = e.Score }),
            me = new { rank = rank.Result + 1, score = score.Result ?? 0 },
        });
    }
    app.MapGet("/api/leaderboards/{board}", (string board, HttpRequest request) => ReadBoardAsync(request));
    app.MapGet("/api/lessons", ReadBoardAsync);

    // The league's own minimal read, the same request as GET /api/leagues/current: the caller's seat and their cohort's
    // whole set in one script (the Api's), answered as the same standings (rank, learner, weekly XP, the caller marked),
    // without the display names, which the Api keeps in memory.
    const string LeagueScript = """
        local seat = redis.call('HGET', KEYS[1], ARGV[1])
        if not seat then return false end
        local set = redis.call('ZREVRANGE', ARGV[2] .. seat, 0, -1, 'WITHSCORES')
        table.insert(set, 1, seat)
        return set
        """;
    app.MapGet("/api/leagues/current", async (HttpRequest request) =>
    {
        var member = Caller(request).ToString("N");
        var monday = DateTime.UtcNow.Date.AddDays(-(((int)DateTime.UtcNow.DayOfWeek + 6) % 7));
        var prefix = $"league:{monday:yyyyMMdd}:";
        var result = await redis.GetDatabase().ScriptEvaluateAsync(LeagueScript, [prefix + "who"], [member, prefix]);
        var items = result.IsNull ? [] : (RedisResult[])result!;
        var standings = new List<object>();
        for (var i = 1; i + 1 < items.Length; i += 2)
        {
            var id = (string)items[i]!;
            if (id != "#built")
            {
                standings.Add(new { rank = standings.Count + 1, userId = id, weeklyXp = (long)Math.Floor((double)items[i + 1] / (1 << 30)), isMe = id == member });
            }
        }
        return Results.Ok(new { week = monday, standings });
    });
}

app.Run();

static NpgsqlBatchCommand Command(string sql, params object[] values)
{
    var command = new NpgsqlBatchCommand(sql);
    foreach (var value in values)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value });
    }
    return command;
}

static Guid Caller(HttpRequest request)
{
    var token = request.Headers.Authorization.ToString()["Bearer ".Length..];
    var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
    payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
    using var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
    return Guid.Parse(claims.RootElement.GetProperty("sub").GetString()!);
}
