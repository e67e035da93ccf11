using System.Text.Json.Serialization;
using CodeCrafts.Api.Common.Limits;
using Scalar.AspNetCore;

namespace CodeCrafts.Api.Common;

/// <summary>The HTTP conventions every feature relies on (docs/architecture.md, "The HTTP contract").</summary>
internal static class WebDefaults
{
    public const string CorsPolicy = "frontend";

    public static WebApplicationBuilder AddWebDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= $"{ctx.HttpContext.Request.Method} {ctx.HttpContext.Request.Path}";
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
            if (ctx.ProblemDetails is HttpValidationProblemDetails validation)
            {
                ValidationErrorKeys.UseJsonNames(validation);
            }
        });
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.AddValidation();
        // Binding failures (malformed JSON, unknown fields, wrong types) throw, so the exception handler turns
        // them into problem details naming the field in every environment, not only in Development.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddLimits(builder.Configuration);

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            // A field the contract does not know is a client bug worth a 400, not something to ignore.
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // The web defaults also read numbers from strings ("120"); a wrong type is a 400, and the
            // OpenAPI schema then says "integer", not "integer or string".
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            // Names only: a number such as "language": 7 would bind a value no enum member has (an entry that can never be
            // matched, a grade nobody defined), so it is a 400 naming the field like any other wrong type.
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddDocumentTransformer<ClientFriendlyContractTransformer>();
            options.AddOperationTransformer<LimitsOpenApiTransformer>();
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "CodeCrafts API";
                document.Info.Description = "Learn Python and C++ by doing: lessons, code execution, spaced repetition, duels and leaderboards.";
                return Task.CompletedTask;
            });
        });

        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("Retry-After", "Location")));
        return builder;
    }

    public static WebApplication UseWebDefaults(this WebApplication app)
    {
        app.UseTrustedProxies(app.Configuration);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBodyLimits();
        app.UseCors(CorsPolicy);
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/scalar", options => options
            .WithTitle("CodeCrafts API")
            .AddPreferredSecuritySchemes(BearerSecuritySchemeTransformer.SchemeName))
            .AllowAnonymous();
        return app;
    }
}
