using System.Security.Cryptography;
using System.Text;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Auth;

/// <summary>A refresh token as handed to the client, and the session (rotation family) it belongs to.</summary>
public sealed record IssuedRefreshToken(string Token, DateTimeOffset ExpiresAt, Guid SessionId);

internal sealed record Rotation(Guid UserId, string DisplayName, IssuedRefreshToken Next);

/// <summary>
/// Refresh tokens: 256 random bits, stored only as their SHA-256, single use. Every use consumes the token
/// (a conditional UPDATE, so of two concurrent uses exactly one rotates) and issues the next one of the same
/// family. The next token is derived from the used one with a server key (<see cref="RefreshTokenSuccessor"/>), so
/// presenting the used token again within the grace window returns the very same pair: a double submit (two tabs,
/// a retry after a lost response) keeps the session. Later, or once the successor was itself used, it means someone
/// kept a copy, and the whole family is revoked. No family outlives <see cref="JwtOptions.SessionLifetimeDays"/>.
/// </summary>
internal sealed partial class RefreshTokenStore(
    CodeCraftsDbContext db, TimeProvider time, IOptions<JwtOptions> jwt, RefreshTokenSuccessor successors, ILogger<RefreshTokenStore> logger)
{
    public const int MaxPresentedLength = 128;

    /// <summary>Adds the first token of a new family (a login); the caller's SaveChanges writes it.</summary>
    public IssuedRefreshToken StartFamily(Guid userId)
    {
        var now = time.GetUtcNow();
        return Add(userId, Guid.CreateVersion7(now), now, RefreshTokenSuccessor.NewToken());
    }

    /// <summary>The next token and its owner, or null when the token is unknown, expired, revoked or reused.</summary>
    public async Task<Rotation?> RotateAsync(string presented, CancellationToken cancellationToken)
    {
        using var activity = AuthTelemetry.Source.StartActivity("auth.refresh");
        var hash = RefreshTokenSuccessor.Hash(presented);
        var now = time.GetUtcNow();
        var sessionCutoff = SessionCutoff(now);

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Under PostgreSQL a concurrent use of the same token waits here for this row's lock, then sees it consumed.
            var consumed = await db.RefreshTokens
                .Where(t => t.TokenHash == hash && t.ConsumedAt == null && t.RevokedAt == null && t.ExpiresAt > now
                            && t.SessionStartedAt > sessionCutoff)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), cancellationToken);
            if (consumed == 1)
            {
                var owner = await db.RefreshTokens
                    .Where(t => t.TokenHash == hash)
                    .Select(t => new { t.UserId, t.FamilyId, t.SessionStartedAt, t.User!.DisplayName })
                    .SingleAsync(cancellationToken);
                var next = Add(owner.UserId, owner.FamilyId, owner.SessionStartedAt, successors.Derive(presented));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                AuthTelemetry.Refreshes.Add(1, AuthTelemetry.Outcome("rotated"));
                return new Rotation(owner.UserId, owner.DisplayName, next);
            }
        }

        var known = await db.RefreshTokens
            .Where(t => t.TokenHash == hash)
            .Select(t => new { t.UserId, t.FamilyId, t.ConsumedAt, t.RevokedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (known is not { ConsumedAt: { } consumedAt })
        {
            AuthTelemetry.Refreshes.Add(1, AuthTelemetry.Outcome("invalid"));
            return null;
        }
        var grace = TimeSpan.FromSeconds(jwt.Value.RefreshReuseGraceSeconds);
        if (known.RevokedAt is null && grace > TimeSpan.Zero && now - consumedAt <= grace
            && await ReplayAsync(presented, now, sessionCutoff, cancellationToken) is { } replay)
        {
            AuthTelemetry.Refreshes.Add(1, AuthTelemetry.Outcome("replayed"));
            activity?.SetTag("codecrafts.refresh.replayed", true);
            return replay;
        }

        // Either the client or a thief already used this token; we cannot tell which, so neither keeps the session.
        var revoked = await RevokeFamilyAsync(known.FamilyId, now, cancellationToken);
        LogReuse(logger, known.UserId, known.FamilyId, revoked);
        AuthTelemetry.Refreshes.Add(1, AuthTelemetry.Outcome("reused"));
        activity?.SetTag("codecrafts.refresh.reused", true);
        return null;
    }

    /// <summary>Logout: revokes the family of the presented token, in one statement. Unknown tokens change nothing.</summary>
    public Task<int> RevokeFamilyOfAsync(string presented, CancellationToken cancellationToken)
    {
        var hash = RefreshTokenSuccessor.Hash(presented);
        var now = time.GetUtcNow();
        var family = db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => t.FamilyId);
        return db.RefreshTokens
            .Where(t => family.Contains(t.FamilyId) && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    /// <summary>The pair the first use of <paramref name="presented"/> issued, while that successor is still unused and alive.</summary>
    private async Task<Rotation?> ReplayAsync(string presented, DateTimeOffset now, DateTimeOffset sessionCutoff, CancellationToken cancellationToken)
    {
        var token = successors.Derive(presented);
        var hash = RefreshTokenSuccessor.Hash(token);
        var successor = await db.RefreshTokens
            .Where(t => t.TokenHash == hash && t.ConsumedAt == null && t.RevokedAt == null && t.ExpiresAt > now
                        && t.SessionStartedAt > sessionCutoff)
            .Select(t => new { t.UserId, t.FamilyId, t.ExpiresAt, t.User!.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        return successor is null ? null
            : new Rotation(successor.UserId, successor.DisplayName, new IssuedRefreshToken(token, successor.ExpiresAt, successor.FamilyId));
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);

    private DateTimeOffset SessionCutoff(DateTimeOffset now) => now.AddDays(-jwt.Value.SessionLifetimeDays);

    private IssuedRefreshToken Add(Guid userId, Guid familyId, DateTimeOffset sessionStartedAt, string token)
    {
        var now = time.GetUtcNow();
        // Never past the session's end, so the client sees when it must sign in again.
        var sessionEnds = sessionStartedAt.AddDays(jwt.Value.SessionLifetimeDays);
        var idleEnds = now.AddDays(jwt.Value.RefreshTokenDays);
        var expiresAt = idleEnds < sessionEnds ? idleEnds : sessionEnds;
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = RefreshTokenSuccessor.Hash(token),
            CreatedAt = now,
            SessionStartedAt = sessionStartedAt,
            ExpiresAt = expiresAt,
        });
        return new IssuedRefreshToken(token, expiresAt, familyId);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refresh token reuse for user {UserId}: family {FamilyId} revoked ({Revoked} live tokens)")]
    private static partial void LogReuse(ILogger logger, Guid userId, Guid familyId, int revoked);
}
