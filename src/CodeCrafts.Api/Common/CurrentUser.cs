using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CodeCrafts.Api.Common;

internal static class CurrentUser
{
    /// <summary>The caller's user id from the validated access token's <c>sub</c>.</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("The endpoint requires authorization but the principal has no user id.");
}
