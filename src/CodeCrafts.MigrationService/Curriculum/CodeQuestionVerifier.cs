using CodeCrafts.CodeExecution;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CodeCrafts.MigrationService.Curriculum;

/// <summary>
/// Before anything is written, runs every code question's reference solution (it must pass every
/// test) and its wrong solutions (each must fail one), so a broken question never reaches learners.
/// On only when asked (<c>--verify-code</c> or Curriculum:VerifyCodeQuestions); otherwise it only says
/// whether code answers will work here, so that a machine without a sandbox still gets its curriculum.
/// </summary>
internal sealed partial class CodeQuestionVerifier(
    ICodeJudge judge, ICodeRunner runner, IOptions<CurriculumOptions> options, ILogger<CodeQuestionVerifier> logger)
{
    public async Task VerifyAsync(IReadOnlyList<SeedLesson> lessons, CancellationToken cancellationToken)
    {
        if (!options.Value.VerifyCodeQuestions)
        {
            var health = await runner.CheckHealthAsync(cancellationToken);
            if (health.Status == HealthStatus.Healthy)
            {
                LogSkipped(logger);
            }
            else
            {
                LogNoRunner(logger, runner.Name, health.Description ?? "it does not answer");
            }
            return;
        }
        var checks = lessons
            .SelectMany(lesson => lesson.Questions.Where(q => q.Type == QuestionType.Code).SelectMany(q => Checks(lesson, q)))
            .ToList();
        // A bounded fan-out: more at once would only queue in the runner (and could fill its queue).
        await Parallel.ForEachAsync(
            checks,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (check, ct) => await check(ct));
        LogVerified(logger, checks.Count);
    }

    private IEnumerable<Func<CancellationToken, Task>> Checks(SeedLesson lesson, SeedQuestion question)
    {
        var at = $"questions[{question.Order - 1}]";
        var key = ContentJson.Deserialize<AnswerKey>(question.AnswerKeyJson);
        var tests = ContentJson.Deserialize<List<CodeTestCase>>(question.TestCasesJson!);
        var limits = question.LimitsJson is null ? null : ContentJson.Deserialize<CodeLimits>(question.LimitsJson);

        yield return async ct =>
        {
            var judgement = await judge.JudgeAsync(lesson.Language, key.ReferenceSolution!, tests, limits, stopOnFirstFailure: true, ct);
            if (!judgement.IsAccepted)
            {
                var failed = judgement.Tests.FirstOrDefault(t => !t.Passed);
                var detail = judgement.CompileOutput ?? judgement.Message ?? failed?.Message ?? "";
                throw new CurriculumException(lesson.FileName, $"{at}.referenceSolution",
                    $"question '{question.Slug}': the reference solution is not accepted: {judgement.Verdict}"
                    + (failed is null ? "" : $" on test {failed.Index}") + (detail.Length > 0 ? $" ({detail.Trim()})" : ""));
            }
        };
        foreach (var (wrong, i) in (key.WrongSolutions ?? []).Select((w, i) => (w, i)))
        {
            yield return async ct =>
            {
                var judgement = await judge.JudgeAsync(lesson.Language, wrong, tests, limits, stopOnFirstFailure: true, ct);
                if (judgement.IsAccepted)
                {
                    throw new CurriculumException(lesson.FileName, $"{at}.wrongSolutions[{i}]",
                        $"question '{question.Slug}': this wrong solution passes every test, so the tests do not catch it");
                }
                if (judgement.Verdict == Verdict.InternalError)
                {
                    throw new CurriculumException(lesson.FileName, $"{at}.wrongSolutions[{i}]",
                        $"question '{question.Slug}': could not be judged ({judgement.Message})");
                }
            };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Code questions were not verified (run the worker with --verify-code to judge their solutions)")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The curriculum is seeded, but code answers will get 503 until a code runner works here: {Runner}: {Reason} Install it with 'sudo apt-get install -y bubblewrap python3 g++', or set JUDGE0_API_URL.")]
    private static partial void LogNoRunner(ILogger logger, string runner, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Code questions verified: {Checks} reference and wrong solutions judged")]
    private static partial void LogVerified(ILogger logger, int checks);
}
