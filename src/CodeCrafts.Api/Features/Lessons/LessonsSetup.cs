using Microsoft.Extensions.Caching.Hybrid;

namespace CodeCrafts.Api.Features.Lessons;

internal static class LessonsSetup
{
    public static WebApplicationBuilder AddLessons(this WebApplicationBuilder builder)
    {
        builder.Services.AddHybridCache().AddSerializer<Catalog, CatalogSerializer>();
        builder.Services.AddScoped<LessonCatalog>();
        builder.Services.AddSingleton<CatalogCopy>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLessonsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/lessons").WithTags("Lessons").RequireAuthorization();

        group.MapGet("/", LessonsApi.ListLessons)
            .WithName("ListLessons")
            .WithSummary("The catalogue: published lessons ordered by language (Python, then C++) and order, with the caller's progress")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/{id:guid}", LessonsApi.GetLesson)
            .WithName("GetLesson")
            .WithSummary("A lesson with its questions in order, without answers")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
