using System.Collections.Concurrent;
using System.Diagnostics;
using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Data;
using CodeCrafts.Tests.Features.Duels;
using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Foundation;

/// <summary>What the dashboard's traces page shows: work that happened, with database spans named by what they did.</summary>
public sealed class TracingTests : IClassFixture<ApiFixture>, IDisposable
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ActivityListener _listener;
    private readonly ApiFixture _api;

    public TracingTests(ApiFixture api)
    {
        _api = api;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "CodeCrafts",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>
    /// Database spans on this class's own database (other test classes run Apis in this process too), which
    /// the background sweeper's spans are as well as those of the sweeps the tests run.
    /// </summary>
    private List<Activity> OwnDatabaseSpans()
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(_api.DatabaseConnectionString).Database;
        return _activities.Where(a => a.Source.Name == "Npgsql"
            && (Equals(a.GetTagItem("db.namespace"), database) || Equals(a.GetTagItem("db.name"), database))).ToList();
    }

    [Fact]
    public async Task SweepsThatFindNothingLeaveNoTrace()
    {
        _api.Factory.Time.Advance(TimeSpan.FromSeconds(5));

        var report = await _api.SweepAsync();

        Assert.Equal(new SweepReport(0, 0, 0, 0), report);
        Assert.Empty(OwnDatabaseSpans());
    }

    [Fact]
    public async Task ASweepThatFindsWorkIsOneTraceWithDatabaseSpansNamedByWhatTheyDo()
    {
        var (alice, bob) = (await _api.CreateAsync(), await _api.CreateAsync());
        var challenge = await alice.ChallengeAsync(bob);
        var before = _activities.Count;

        // The background sweeper may take the work when the clock moves; either sweep's trace counts.
        _api.Factory.Time.Advance(TimeSpan.FromMinutes(11));
        await _api.SweepAsync();
        var expired = await alice.GetAsync(challenge.Id);

        Assert.Equal(CodeCrafts.Data.Entities.DuelStatus.Expired, expired.Status);
        // A background sweep that did the expiring may still be on its later steps, its trace not yet stopped.
        var sweep = await ExpiringSweepAsync(before);
        Assert.Null(sweep.Parent);
        var spans = OwnDatabaseSpans().Where(s => s.TraceId == sweep.TraceId).ToList();
        Assert.Contains(spans, span => span.DisplayName == "SELECT duels");
        Assert.All(OwnDatabaseSpans(), span => Assert.NotNull(span.Parent));
    }

    private async Task<Activity> ExpiringSweepAsync(int before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var sweeps = _activities.Skip(before)
                .Where(a => a.OperationName == "duel.sweep" && Equals(a.GetTagItem("codecrafts.duels.expired"), 1))
                .ToList();
            if (sweeps.Count > 0 || DateTime.UtcNow > deadline)
            {
                return Assert.Single(sweeps);
            }
            await Task.Delay(50);
        }
    }

    [Theory]
    [InlineData("SELECT u.\"Id\", u.\"Xp\"\nFROM users AS u\nWHERE u.\"Id\" = @p", "SELECT users")]
    [InlineData("INSERT INTO question_attempts (\"Id\", \"UserId\") VALUES (@p0, @p1)", "INSERT question_attempts")]
    [InlineData("UPDATE duels AS d SET \"Status\" = 'Expired' WHERE d.\"ExpiresAt\" <= @now", "UPDATE duels")]
    [InlineData("DELETE FROM refresh_tokens WHERE \"ExpiresAt\" < now()", "DELETE refresh_tokens")]
    [InlineData("SELECT 1", "SELECT")]
    [InlineData("COMMIT", "COMMIT")]
    [InlineData("SAVEPOINT __EFSavePoint", "SAVEPOINT")]
    [InlineData("", null)]
    public void ADatabaseSpanIsNamedByItsVerbAndFirstTable(string sql, string? expected) =>
        Assert.Equal(expected, DatabaseSpans.NameOf(sql));
}
