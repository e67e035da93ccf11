using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;
using Microsoft.Extensions.Options;

namespace CodeCrafts.CodeExecution;

/// <summary>What the attempts endpoint (and the seed's check of reference solutions) calls to judge code.</summary>
public interface ICodeJudge
{
    /// <summary>Runs every test of a code question (its Lesson must be loaded, for the language).</summary>
    /// <exception cref="CodeRunnerBusyException">The runner's queue is full: answer 503 with Retry-After.</exception>
    Task<CodeJudgement> JudgeAsync(Question question, string code, CancellationToken cancellationToken);

    /// <summary>Runs only the visible tests: a learner's trial run, which earns nothing.</summary>
    Task<CodeJudgement> RunVisibleTestsAsync(Question question, string code, CancellationToken cancellationToken);

    /// <summary>Judges code against test cases that are not (yet) a stored question.</summary>
    Task<CodeJudgement> JudgeAsync(
        ProgrammingLanguage language, string code, IReadOnlyList<CodeTestCase> tests, CodeLimits? limits,
        bool stopOnFirstFailure, CancellationToken cancellationToken);
}

internal sealed class CodeJudge(ICodeRunner runner, IOptions<CodeExecutionOptions> options) : ICodeJudge
{
    public const int DisplayLimit = 4000;

    public Task<CodeJudgement> JudgeAsync(Question question, string code, CancellationToken cancellationToken) =>
        JudgeAsync(LanguageOf(question), code, TestsOf(question), LimitsOf(question), false, cancellationToken);

    public Task<CodeJudgement> RunVisibleTestsAsync(Question question, string code, CancellationToken cancellationToken) =>
        JudgeAsync(LanguageOf(question), code, TestsOf(question).Where(t => !t.Hidden).ToList(), LimitsOf(question), false, cancellationToken);

    public async Task<CodeJudgement> JudgeAsync(
        ProgrammingLanguage language, string code, IReadOnlyList<CodeTestCase> tests, CodeLimits? limits,
        bool stopOnFirstFailure, CancellationToken cancellationToken)
    {
        var request = new CodeRunRequest(
            language == ProgrammingLanguage.Cpp ? CodeLanguage.Cpp17 : CodeLanguage.Python3,
            code,
            tests.Select(t => new TestInput(t.Stdin, t.ExpectedStdout)).ToList(),
            Limits(limits))
        {
            StopOnFirstFailure = stopOnFirstFailure,
        };
        var result = await runner.RunAsync(request, cancellationToken);
        return Judgement(tests, result, stopOnFirstFailure);
    }

    private static CodeJudgement Judgement(IReadOnlyList<CodeTestCase> tests, CodeRunResult result, bool stopOnFirstFailure)
    {
        var judged = new List<TestJudgement>(tests.Count);
        for (var i = 0; i < tests.Count; i++)
        {
            var test = tests[i];
            if (i >= result.Tests.Count)
            {
                if (stopOnFirstFailure && result.Tests.Count > 0)
                {
                    break;
                }
                // Not run: the program did not compile, or the runner failed before this test.
                judged.Add(test.Hidden
                    ? new TestJudgement(i + 1, true, false)
                    : new TestJudgement(i + 1, false, false, result.Verdict, Cut(test.Stdin), Cut(test.ExpectedStdout), Message: "Not run."));
                continue;
            }
            var run = result.Tests[i];
            var passed = run.Verdict == Verdict.Accepted;
            judged.Add(test.Hidden
                ? new TestJudgement(i + 1, true, passed)
                : new TestJudgement(i + 1, false, passed, run.Verdict, Cut(test.Stdin), Cut(test.ExpectedStdout),
                    Cut(run.Stdout), Cut(run.Stderr), run.TimeSeconds, run.MemoryKb, run.Message));
        }
        return new CodeJudgement(
            result.Verdict,
            judged.Count(t => t.Passed),
            tests.Count,
            judged,
            result.CompileOutput is null ? null : Cut(result.CompileOutput),
            result.Message);
    }

    private RunLimits Limits(CodeLimits? limits)
    {
        var defaults = options.Value.Sandbox;
        return new RunLimits(
            Math.Clamp(limits?.CpuTimeSeconds ?? defaults.DefaultCpuTimeSeconds, 0.1, 30),
            Math.Clamp(limits?.MemoryMb ?? defaults.DefaultMemoryMb, 16, 8192));
    }

    private static ProgrammingLanguage LanguageOf(Question question)
    {
        if (question.Type != QuestionType.Code)
        {
            throw new ArgumentException($"Question {question.Id} is a {question.Type} question, not a code question.", nameof(question));
        }
        return question.Lesson?.Language
            ?? throw new ArgumentException($"Load question {question.Id}'s lesson: it holds the language.", nameof(question));
    }

    private static List<CodeTestCase> TestsOf(Question question) =>
        question.TestCasesJson is { } json ? ContentJson.Deserialize<List<CodeTestCase>>(json) : [];

    private static CodeLimits? LimitsOf(Question question) =>
        question.LimitsJson is { } json ? ContentJson.Deserialize<CodeLimits>(json) : null;

    private static string Cut(string text) =>
        text.Length <= DisplayLimit ? text : string.Concat(text.AsSpan(0, DisplayLimit), "\n… (truncated)");
}
