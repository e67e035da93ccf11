using CodeCrafts.Api.Features.Leaderboards;
using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace CodeCrafts.Api.Features.Users;

/// <summary>The caller's own profile. There is no route to anyone else's: the id always comes from the token.</summary>
internal static class UsersApi
{
    public static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> GetMe(
        ClaimsPrincipal principal, CodeCraftsDbContext db, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(UserProfile.Projection).SingleOrDefaultAsync(cancellationToken);
        return profile is null ? UserGone() : TypedResults.Ok(profile);
    }

    public static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> UpdateMe(
        UpdateProfileRequest request, ClaimsPrincipal principal, CodeCraftsDbContext db, TimeProvider time, DisplayNames names, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var now = time.GetUtcNow();
        // One UPDATE of only the fields sent: two concurrent PATCHes of different fields both stick.
        var updated = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set =>
        {
            set.SetProperty(u => u.UpdatedAt, now);
            if (request.DisplayName is { } displayName)
            {
                set.SetProperty(u => u.DisplayName, displayName.Trim());
            }
            if (request.TimeZone is { } timeZone)
            {
                set.SetProperty(u => u.TimeZoneId, timeZone);
            }
            if (request.DailyXpGoal is { } goal)
            {
                set.SetProperty(u => u.DailyXpGoal, goal);
            }
        }, cancellationToken);
        if (updated == 0)
        {
            return UserGone();
        }
        if (request.DisplayName is not null)
        {
            // Boards show names from a cache; a rename must not wait for it to expire.
            await names.ForgetAsync(userId, cancellationToken);
        }
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(UserProfile.Projection).SingleAsync(cancellationToken);
        return TypedResults.Ok(profile);
    }

    // Only reachable when the account is deleted between token validation and the query.
    private static ProblemHttpResult UserGone() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "User not found", detail: "The account no longer exists.");
}
