using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Auth;

public sealed record IssuedRefreshToken(string Token, DateTimeOffset ExpiresAt);

internal sealed record Rotation(Guid UserId, string DisplayName, IssuedRefreshToken Next);

/// <summary>
/// Refresh tokens: 256 random bits, stored only as their SHA-256, single use. Every use consumes the token
/// (a conditional UPDATE, so of two concurrent uses exactly one wins) and issues the next one of the same
/// family; presenting a consumed token again means someone kept a copy, and the whole family is revoked.
/// </summary>
internal sealed partial class RefreshTokenStore(CodeCraftsDbContext db, TimeProvider time, IOptions<JwtOptions> jwt, ILogger<RefreshTokenStore> logger)
{
    public const int MaxPresentedLength = 128;

    /// <summary>Adds the first token of a new family (a login); the caller's SaveChanges writes it.</summary>
    public IssuedRefreshToken StartFamily(Guid userId) => Add(userId, Guid.CreateVersion7());

    /// <summary>The next token and its owner, or null when the token is unknown, expired, revoked or reused.</summary>
    public async Task<Rotation?> RotateAsync(string presented, CancellationToken cancellationToken)
    {
        using var activity = AuthTelemetry.Source.StartActivity("auth.refresh");
        var hash = Hash(presented);
        var now = time.GetUtcNow();

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var consumed = await db.RefreshTokens
                .Where(t => t.TokenHash == hash && t.ConsumedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), cancellationToken);
            if (consumed == 1)
            {
                var owner = await db.RefreshTokens
                    .Where(t => t.TokenHash == hash)
                    .Select(t => new { t.UserId, t.FamilyId, t.User!.DisplayName })
                    .SingleAsync(cancellationToken);
                var next = Add(owner.UserId, owner.FamilyId);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                AuthTelemetry.Refreshes.Add(1, AuthTelemetry.Outcome("rotated"));
                return new Rotation(owner.UserId, owner.DisplayName, next);
            }
        }

        var known = await db.RefreshTokens
            .Where(t => t.TokenHash == hash)
            .Select(t => new { t.UserId, t.FamilyId, t.ConsumedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (known is { ConsumedAt: not null })
        {
            // Either the client or a thief already used this token; we cannot tell which, so neither keeps the session.
            var revoked = await RevokeFamilyAsync(known.FamilyId, now, cancellationToken);
            LogReuse(logger, known.UserId, known.FamilyId, revoked);
            AuthTelemetry.Refreshes.Add(1, AuthTelemetry.Outcome("reused"));
            activity?.SetTag("codecrafts.refresh.reused", true);
            return null;
        }
        AuthTelemetry.Refreshes.Add(1, AuthTelemetry.Outcome("invalid"));
        return null;
    }

    /// <summary>Logout: revokes the family of the presented token, in one statement. Unknown tokens change nothing.</summary>
    public Task<int> RevokeFamilyOfAsync(string presented, CancellationToken cancellationToken)
    {
        var hash = Hash(presented);
        var now = time.GetUtcNow();
        var family = db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => t.FamilyId);
        return db.RefreshTokens
            .Where(t => family.Contains(t.FamilyId) && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);

    private IssuedRefreshToken Add(Guid userId, Guid familyId)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var expiresAt = now.AddDays(jwt.Value.RefreshTokenDays);
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        });
        return new IssuedRefreshToken(token, expiresAt);
    }

    // A plain hash is enough: the token has 256 bits of entropy, so there is nothing to brute-force or salt.
    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refresh token reuse for user {UserId}: family {FamilyId} revoked ({Revoked} live tokens)")]
    private static partial void LogReuse(ILogger logger, Guid userId, Guid familyId, int revoked);
}
