using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Tests.Features.Auth;

/// <summary>The purge deletes exactly the refresh tokens that can never be used again. This class moves its own Api's clock.</summary>
public sealed class RefreshTokenPurgeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task ThePurgeDeletesExpiredAndRevokedTokensAndKeepsEveryOtherOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var learner = await _client.RegisterOkAsync();
        var now = api.Factory.Time.GetUtcNow();
        var expired = Token(learner.User.Id, now, expiresAt: now.AddSeconds(-1));
        var expiringNow = Token(learner.User.Id, now, expiresAt: now);
        var revoked = Token(learner.User.Id, now, revokedAt: now.AddMinutes(-5));
        var consumedInDate = Token(learner.User.Id, now, consumedAt: now.AddMinutes(-1));
        var live = Token(learner.User.Id, now);
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            db.RefreshTokens.AddRange(expired, expiringNow, revoked, consumedInDate, live);
            await db.SaveChangesAsync(ct);
        }
        var before = await TokenIdsAsync(ct);

        var deleted = await PurgeOnceAsync(ct);

        var after = await TokenIdsAsync(ct);
        Assert.Equal(3, deleted);
        Assert.Equal(before.Except([expired.Id, expiringNow.Id, revoked.Id]).Order(), after.Order());
        Assert.Contains(consumedInDate.Id, after);
        Assert.Contains(live.Id, after);
        Assert.Equal(0, await PurgeOnceAsync(ct));
    }

    [Fact]
    public async Task ReplicasPurgingAtTheSameTimeShareTheWorkWithoutErrors()
    {
        var ct = TestContext.Current.CancellationToken;
        var learner = await _client.RegisterOkAsync();
        var now = api.Factory.Time.GetUtcNow();
        var dead = Enumerable.Range(0, 2 * RefreshTokenPurge.BatchSize + 7)
            .Select(i => Token(learner.User.Id, now, expiresAt: i % 2 == 0 ? now.AddMinutes(-i) : null, revokedAt: i % 2 == 1 ? now : null))
            .ToList();
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            db.RefreshTokens.AddRange(dead);
            await db.SaveChangesAsync(ct);
        }

        var counts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => PurgeOnceAsync(ct), ct)));

        Assert.Equal(dead.Count, counts.Sum());
        var left = await TokenIdsAsync(ct);
        Assert.DoesNotContain(left, dead.Select(t => t.Id).Contains);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _client.RefreshAsync(learner.Tokens.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task TheBackgroundPurgeRunsOnItsIntervalAndTheSessionStillWorks()
    {
        var ct = TestContext.Current.CancellationToken;
        var learner = await _client.RegisterOkAsync();
        var now = api.Factory.Time.GetUtcNow();
        var expired = Token(learner.User.Id, now, expiresAt: now.AddDays(-1));
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            db.RefreshTokens.Add(expired);
            await db.SaveChangesAsync(ct);
        }
        var interval = TimeSpan.FromMinutes(api.Factory.Services.GetRequiredService<IOptions<JwtOptions>>().Value.RefreshTokenPurgeMinutes);

        api.Factory.Time.Advance(interval);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await TokenIdsAsync(ct)).Contains(expired.Id) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, ct);
        }

        Assert.DoesNotContain(expired.Id, await TokenIdsAsync(ct));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _client.RefreshAsync(learner.Tokens.RefreshToken)).StatusCode);
    }

    private async Task<int> PurgeOnceAsync(CancellationToken ct)
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RefreshTokenPurge>().RunOnceAsync(ct);
    }

    private async Task<List<Guid>> TokenIdsAsync(CancellationToken ct)
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        return await db.RefreshTokens.Select(t => t.Id).ToListAsync(ct);
    }

    private static RefreshToken Token(
        Guid userId, DateTimeOffset now, DateTimeOffset? expiresAt = null, DateTimeOffset? consumedAt = null, DateTimeOffset? revokedAt = null) => new()
    {
        UserId = userId,
        FamilyId = Guid.CreateVersion7(),
        TokenHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
        CreatedAt = now.AddDays(-2),
        SessionStartedAt = now.AddDays(-2),
        ExpiresAt = expiresAt ?? now.AddDays(1),
        ConsumedAt = consumedAt,
        RevokedAt = revokedAt,
    };
}
