using CodeCrafts.Api.Common;
using CodeCrafts.Api.Common.Limits;
using CodeCrafts.Api.Features.Attempts;
using CodeCrafts.Api.Features.CodeExecution;

namespace CodeCrafts.Api.Features.Questions;

/// <summary>
/// The answers-per-learner limit. The answer's own first round trip counts it (AnswerSql), so it adds no Redis call.
/// </summary>
internal static class AttemptLimits
{
    public const string PerLearner = "attempts-per-learner";

    public static string Rule(WindowLimit limit) => Throttles.Rule(limit, "answers", "per learner");
}

internal static class QuestionsSetup
{
    public static WebApplicationBuilder AddQuestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AnswerRules>();
        builder.Services.AddScoped<AttemptRecorder>();
        builder.Services.AddOptions<QuestionRatingOptions>()
            .Bind(builder.Configuration.GetSection(QuestionRatingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<QuestionRatingStore>();
        builder.Services.AddSingleton<QuestionRatingWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QuestionRatingWriter>());
        builder.Services.AddSingleton<IAttemptObserver>(sp => sp.GetRequiredService<QuestionRatingWriter>());
        return builder;
    }

    public static IEndpointRouteBuilder MapQuestionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/questions").WithTags("Questions").RequireAuthorization();

        group.MapPost("/{id:guid}/attempts", QuestionsApi.SubmitAttempt)
            .WithName("SubmitAttempt")
            .WithSummary("Answer a question: verdict, XP, streak, daily goal, lesson progress and next review")
            .WithDescription("Send a new idempotencyKey per answer and the same one on a retry: the retry returns the first result "
                             + "(header Idempotent-Replayed: true) and awards nothing more. A code answer ({ code }) runs against every test of the "
                             + "question in the sandbox (or Judge0); when the runner's queue is full the answer is 503 with Retry-After. "
                             + "A question that is part of one of your active duels is refused with 409 (rule question-in-active-duel) until the duel has finished, "
                             + "so practice never shows a duel question's answer. XP follows the README's table \"XP rules\".")
            .WithRequestBodyLimit(RequestBodyLimit.Code)
            .DescribesLimit(o => AttemptLimits.Rule(o.AttemptsPerLearner))
            .DescribesLimit(CodeRunThrottle.Describe)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/attempts", QuestionsApi.ListAttempts)
            .WithName("ListMyAttempts")
            .WithSummary("The caller's answer history, newest first")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
