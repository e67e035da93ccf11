using CodeCrafts.Api.Features.Memory;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Features.Reviews;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Memory;

/// <summary>
/// A fresh database, a private Redis and the Api with the nightly service off (tests run the fitter themselves, so a
/// clock moved by a test never starts a second fit behind its back) and no fuzz (intervals are exact).
/// </summary>
public class MemoryFixture : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;
    public ApiFactory Factory { get; private set; } = null!;
    public string DatabaseConnectionString { get; private set; } = "";

    protected virtual int GlobalMinReviews => 1_000_000;

    public async ValueTask InitializeAsync()
    {
        DatabaseConnectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();
        Redis = await RedisServer.StartAsync();
        Factory = NewReplica();
    }

    public ApiFactory NewReplica() => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:codecrafts"] = DatabaseConnectionString,
        ["ConnectionStrings:cache"] = Redis.ConnectionString,
        ["Memory:Enabled"] = "false",
        ["Memory:FitSteps"] = "80",
        ["Memory:GlobalMinReviews"] = GlobalMinReviews.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Reviews:EnableFuzz"] = "false",
    });

    /// <summary>A learner with <paramref name="reviews"/> (items numbered from 0) in their review log.</summary>
    internal async Task<TestUser> LearnerWithLogAsync(IReadOnlyList<SimulatedLearner.Review> reviews)
    {
        var learner = await Factory.CreateUserAsync();
        await using var db = TestDb.Open(DatabaseConnectionString);
        var items = reviews.Max(r => r.Item) + 1;
        var questions = (await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Python, items))
            .Concat(await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Cpp, items))
            .Select(q => q.Id).Take(items).ToList();
        Assert.Equal(items, questions.Count);
        db.ReviewLogs.AddRange(SimulatedLearner.Logs(reviews, learner.Id, questions));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return learner;
    }

    public async Task SetWeightsAsync(Guid userId, IReadOnlyList<double> weights, double? retention = null)
    {
        await using var db = TestDb.Open(DatabaseConnectionString);
        db.LearnerMemory.Add(new LearnerMemory
        {
            UserId = userId,
            Weights = WeightsText.Format(weights),
            DesiredRetention = retention,
            FittedAt = Factory.Time.GetUtcNow().AddDays(-30).ToUniversalTime(),
            ReviewsUsed = 500,
            LogLoss = 0.3,
            PreviousLogLoss = 0.4,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async Task<LearnerMemory?> MemoryAsync(Guid userId)
    {
        await using var db = TestDb.Open(DatabaseConnectionString);
        return await db.LearnerMemory.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId, TestContext.Current.CancellationToken);
    }

    /// <summary>Moves to the next night and runs the fit as the nightly service would, on <paramref name="host"/>.</summary>
    internal async Task<MemoryFitReport> FitTonightAsync(ApiFactory? host = null)
    {
        Factory.Time.Advance(TimeSpan.FromDays(1));
        await using var scope = (host ?? Factory).Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MemoryFitter>().RunOnceAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Redis.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same with global fitting at its usual threshold.</summary>
public sealed class GlobalMemoryFixture : MemoryFixture
{
    protected override int GlobalMinReviews => 2_000;
}
