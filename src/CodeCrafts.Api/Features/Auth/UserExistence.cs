using CodeCrafts.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CodeCrafts.Api.Features.Auth;

/// <summary>
/// A valid signature only proves the token was issued; a deleted account must stop working at once, not when
/// its token expires. One primary-key lookup per authenticated request is the price.
/// </summary>
internal static class UserExistence
{
    public static async Task RejectDeletedUsersAsync(TokenValidatedContext context)
    {
        if (!Guid.TryParse(context.Principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out var userId))
        {
            context.Fail("The token has no user id.");
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<CodeCraftsDbContext>();
        if (!await db.Users.AnyAsync(u => u.Id == userId, context.HttpContext.RequestAborted))
        {
            context.Fail("The token's user no longer exists.");
        }
    }
}
