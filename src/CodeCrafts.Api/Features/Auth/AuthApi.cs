using CodeCrafts.Api.Common;
using CodeCrafts.Api.Common.Limits;
using CodeCrafts.Api.Features.Users;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Auth;

/// <summary>What the register and login handlers share.</summary>
internal sealed record AccountServices(
    CodeCraftsDbContext Db, Passwords Passwords, RefreshTokenStore RefreshTokens, AccessTokenIssuer AccessTokens, TimeProvider Time);

/// <summary>
/// Accounts and sessions. All four endpoints are anonymous: register and login create a session, and
/// /refresh and /logout act on the session whose refresh token is in the body (an expired access token
/// must not stop a client from logging out).
/// </summary>
internal static class AuthApi
{
    public static async Task<Results<Created<AuthResponse>, ProblemHttpResult>> Register(
        RegisterRequest request, [AsParameters] AccountServices services, CancellationToken cancellationToken)
    {
        using var activity = AuthTelemetry.Source.StartActivity("auth.register");
        var now = services.Time.GetUtcNow();
        var email = request.Email.Trim();
        var user = new User
        {
            Email = email,
            NormalizedEmail = Accounts.NormalizeEmail(email),
            PasswordHash = "",
            DisplayName = request.DisplayName.Trim(),
            TimeZoneId = request.TimeZone ?? TimeZones.Default,
            CreatedAt = now,
            UpdatedAt = now,
        };
        user.PasswordHash = services.Passwords.Hash(user, request.Password);
        services.Db.Users.Add(user);
        var refresh = services.RefreshTokens.StartFamily(user.Id);
        try
        {
            // The user and the first refresh token in one transaction; the unique index on NormalizedEmail
            // decides between concurrent registrations, so there is no check-then-insert window.
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            AuthTelemetry.Registrations.Add(1, AuthTelemetry.Outcome("conflict"));
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "Email already registered", detail: "An account with this email already exists.");
        }
        AuthTelemetry.Registrations.Add(1, AuthTelemetry.Outcome("created"));
        var access = services.AccessTokens.Issue(user.Id, user.DisplayName, refresh.SessionId);
        return TypedResults.Created("/api/users/me", new AuthResponse(UserProfile.From(user), TokenPair.From(access, refresh)));
    }

    public static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> Login(
        LoginRequest request, [AsParameters] AccountServices services, FailedLoginLimiter failedLogins, HttpContext http,
        CancellationToken cancellationToken)
    {
        using var activity = AuthTelemetry.Source.StartActivity("auth.login");
        var account = Accounts.NormalizeEmail(request.Email);
        var network = ClientNetwork.Of(http);
        var check = await failedLogins.CheckAsync(account, network, cancellationToken);
        if (!check.Allowed)
        {
            AuthTelemetry.Logins.Add(1, AuthTelemetry.Outcome("locked"));
            return Throttles.TooManyRequests(http, AuthLimits.FailedLogins, failedLogins.Rule, check.RetryAfter);
        }

        var user = await services.Db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == account, cancellationToken);
        var verdict = services.Passwords.Verify(user, request.Password);
        if (user is null || verdict == PasswordVerificationResult.Failed)
        {
            await failedLogins.RecordFailureAsync(account, network, cancellationToken);
            AuthTelemetry.Logins.Add(1, AuthTelemetry.Outcome("failure"));
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "Invalid email or password", detail: "The email or the password is wrong.");
        }
        await failedLogins.ForgetAsync(account, network, cancellationToken);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // Conditional on the old hash, so a password change that raced this login is not overwritten.
            var rehashed = services.Passwords.Hash(user, request.Password);
            await services.Db.Users.Where(u => u.Id == user.Id && u.PasswordHash == user.PasswordHash)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, rehashed), cancellationToken);
        }

        var refresh = services.RefreshTokens.StartFamily(user.Id);
        await services.Db.SaveChangesAsync(cancellationToken);
        AuthTelemetry.Logins.Add(1, AuthTelemetry.Outcome("success"));
        var access = services.AccessTokens.Issue(user.Id, user.DisplayName, refresh.SessionId);
        return TypedResults.Ok(new AuthResponse(UserProfile.From(user), TokenPair.From(access, refresh)));
    }

    public static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> Refresh(
        RefreshTokenRequest request, RefreshTokenStore refreshTokens, AccessTokenIssuer accessTokens, CancellationToken cancellationToken)
    {
        if (await refreshTokens.RotateAsync(request.RefreshToken, cancellationToken) is not { } rotation)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid refresh token",
                detail: "The refresh token is unknown, expired, revoked or already used, or the session reached its maximum lifetime; log in again.");
        }
        var access = accessTokens.Issue(rotation.UserId, rotation.DisplayName, rotation.Next.SessionId);
        return TypedResults.Ok(TokenPair.From(access, rotation.Next));
    }

    /// <summary>Always 204: logging out twice, or with a token already dead, is not an error a client can act on.</summary>
    public static async Task<NoContent> Logout(
        RefreshTokenRequest request, RefreshTokenStore refreshTokens, CancellationToken cancellationToken)
    {
        await refreshTokens.RevokeFamilyOfAsync(request.RefreshToken, cancellationToken);
        return TypedResults.NoContent();
    }
}
