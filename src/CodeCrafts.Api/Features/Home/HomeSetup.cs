namespace CodeCrafts.Api.Features.Home;

internal static class HomeSetup
{
    public static IEndpointRouteBuilder MapHomeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", HomeApi.GetServiceInfo)
            .WithName("GetServiceInfo")
            .WithTags("Service")
            .WithSummary("Service name, version and links")
            .AllowAnonymous();
        return app;
    }
}
