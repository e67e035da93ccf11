using CodeCrafts.Api.Common;

namespace CodeCrafts.Api.Features.Users;

/// <summary>The Users feature has no services of its own: only its endpoints.</summary>
internal static class UsersSetup
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users")
            .WithTags("Users")
            .RequireAuthorization();

        group.MapGet("/me", UsersApi.GetMe)
            .WithName("GetMyProfile")
            .WithSummary("The caller's profile")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPatch("/me", UsersApi.UpdateMe)
            .WithName("UpdateMyProfile")
            .WithSummary("Change display name, time zone or daily XP goal; omitted fields keep their value")
            .WithRequestBodyLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
