using CodeCrafts.Api.Features.CodeExecution;
using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.CodeExecution;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Questions;

/// <summary>Code answers are graded by running them: the verdict of every test decides correctness.</summary>
internal static class CodeAnswers
{
    public static Dictionary<string, string[]>? Validate(AnswerSubmission answer)
    {
        if (answer.OptionIds is not null || answer.Blanks is not null || answer.Rating is not null)
        {
            return new() { ["answer"] = ["A code question takes only answer.code: the program's source."] };
        }
        if (string.IsNullOrWhiteSpace(answer.Code))
        {
            return new() { ["answer.code"] = ["A code answer needs code: the program's source."] };
        }
        return answer.Code.Length > CodeExecutionLimits.MaxSourceLength
            ? new() { ["answer.code"] = [$"The program must be at most {CodeExecutionLimits.MaxSourceLength} characters."] }
            : null;
    }

    public static async Task<(GradeResult Grade, CodeJudgementResponse Code)> JudgeAsync(
        ICodeJudge judge, CatalogQuestion question, string code, CancellationToken cancellationToken)
    {
        var judgement = await judge.JudgeAsync(Runnable(question), code, cancellationToken);
        return (new GradeResult(judgement.IsAccepted, [], null), CodeJudgementResponse.From(judgement));
    }

    // The catalogue's entities are shared and detached: the judge gets its own copy, with the lesson that names the language.
    private static Question Runnable(CatalogQuestion question) => new()
    {
        Id = question.Entity.Id,
        LessonId = question.Lesson.Id,
        Slug = question.Entity.Slug,
        Type = question.Entity.Type,
        Prompt = question.Entity.Prompt,
        AnswerKeyJson = question.Entity.AnswerKeyJson,
        TestCasesJson = question.Entity.TestCasesJson,
        LimitsJson = question.Entity.LimitsJson,
        Lesson = new Lesson { Slug = question.Lesson.Slug, Title = question.Lesson.Title, Summary = question.Lesson.Summary, Language = question.Lesson.Language },
    };
}
