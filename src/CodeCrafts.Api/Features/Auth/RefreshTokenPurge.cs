using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Auth;

/// <summary>
/// Deletes refresh tokens that can never be used again: expired ones (the session's end caps every expiry) and revoked
/// ones. Consumed tokens still in date stay, because presenting one again is how reuse is detected. Every statement
/// is a plain conditional DELETE, so replicas purging at the same time only share the work.
/// </summary>
internal sealed class RefreshTokenPurge(CodeCraftsDbContext db, TimeProvider time)
{
    // Small batches keep each statement's locks short on a large table.
    internal const int BatchSize = 1000;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var total = 0;
        int deleted;
        do
        {
            var batch = db.RefreshTokens
                .Where(t => t.ExpiresAt <= now || t.RevokedAt != null)
                .OrderBy(t => t.Id)
                .Take(BatchSize)
                .Select(t => t.Id);
            deleted = await db.RefreshTokens.Where(t => batch.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        // Until a batch finds nothing, not until a short batch: a replica purging at the same time may have taken part of
        // this one's batch, and stopping there would leave the rest for the next tick.
        while (deleted > 0);
        AuthTelemetry.RefreshTokensPurged.Add(total);
        return total;
    }
}

/// <summary>Runs <see cref="RefreshTokenPurge"/> on every replica every <see cref="JwtOptions.RefreshTokenPurgeMinutes"/>.</summary>
internal sealed partial class RefreshTokenPurgeService(
    IServiceScopeFactory scopes, IOptions<JwtOptions> options, TimeProvider time, ILogger<RefreshTokenPurgeService> logger)
    : PeriodicJob(scopes, time, logger)
{
    protected override string Name => "Refresh token purge";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.RefreshTokenPurgeMinutes);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        LogPurged(Logger, await services.GetRequiredService<RefreshTokenPurge>().RunOnceAsync(ct));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Deleted} expired or revoked refresh tokens")]
    private static partial void LogPurged(ILogger logger, int deleted);
}
