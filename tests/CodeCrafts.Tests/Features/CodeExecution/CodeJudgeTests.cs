using CodeCrafts.CodeExecution;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.CodeExecution;

/// <summary>The judge over a runner (here Judge0's look-alike, whose "programs" echo their input).</summary>
public sealed class CodeJudgeTests : IAsyncLifetime
{
    private FakeJudge0Server _judge0 = null!;
    private ServiceProvider _services = null!;

    private ICodeJudge Judge => _services.GetRequiredService<ICodeJudge>();

    public async ValueTask InitializeAsync()
    {
        _judge0 = await FakeJudge0Server.StartAsync();
        _services = Judge0RunnerTests.Build(_judge0.Url);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _judge0.DisposeAsync();
    }

    private static Question CodeQuestion(IReadOnlyList<CodeTestCase> tests, CodeLimits? limits = null) => new()
    {
        Slug = "echo",
        Prompt = "Echo the input.",
        Type = QuestionType.Code,
        AnswerKeyJson = ContentJson.Serialize(new AnswerKey { ReferenceSolution = "echo" }),
        TestCasesJson = ContentJson.Serialize(tests),
        LimitsJson = limits is null ? null : ContentJson.Serialize(limits),
        Lesson = new Lesson { Slug = "l", Title = "L", Summary = "S", Language = ProgrammingLanguage.Python },
    };

    [Fact]
    public async Task HiddenTestsReportOnlyWhetherTheyPassed()
    {
        var question = CodeQuestion([new("visible", "visible", false), new("secret-in", "secret-out", true), new("kept", "kept", true)]);

        var judgement = await Judge.JudgeAsync(question, "echo", TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.WrongAnswer, judgement.Verdict);
        Assert.Equal((2, 3), (judgement.Passed, judgement.Total));
        Assert.Equal(new TestJudgement(2, Hidden: true, Passed: false), judgement.Tests[1]);
        Assert.Equal(new TestJudgement(3, Hidden: true, Passed: true), judgement.Tests[2]);
        var visible = judgement.Tests[0];
        Assert.Equal((Verdict.Accepted, "visible", "visible", "visible"), (visible.Verdict!.Value, visible.Stdin!, visible.ExpectedStdout!, visible.Stdout!));
        Assert.Equal((0.012, 3456L), (visible.TimeSeconds!.Value, visible.MemoryKb!.Value));
    }

    [Fact]
    public async Task ATrialRunUsesOnlyTheVisibleTests()
    {
        var question = CodeQuestion([new("a", "a", false), new("b", "b", true), new("c", "c", false)]);

        var judgement = await Judge.RunVisibleTestsAsync(question, "echo", TestContext.Current.CancellationToken);

        Assert.Equal(2, judgement.Total);
        Assert.All(judgement.Tests, t => Assert.False(t.Hidden));
        Assert.Equal(["a", "c"], _judge0.Received.Select(s => s.Stdin));
    }

    [Fact]
    public async Task TheQuestionsLimitsAreSentAndDefaultsFillTheGaps()
    {
        await Judge.JudgeAsync(CodeQuestion([new("a", "a", false)], new CodeLimits(3, 64)), "echo", TestContext.Current.CancellationToken);
        await Judge.JudgeAsync(CodeQuestion([new("a", "a", false)], new CodeLimits(null, null)), "echo", TestContext.Current.CancellationToken);

        var sent = _judge0.Received.Select(s => (s.CpuTimeLimit, s.MemoryLimit)).ToList();
        Assert.Equal([(3.0, 64 * 1024), (2.0, 256 * 1024)], sent);
    }

    [Fact]
    public async Task LongOutputIsTruncatedForDisplay()
    {
        var big = new string('y', 20_000);

        var judgement = await Judge.JudgeAsync(CodeQuestion([new(big, "short", false)]), "echo", TestContext.Current.CancellationToken);

        var stdout = judgement.Tests[0].Stdout!;
        Assert.StartsWith(new string('y', CodeJudge.DisplayLimit), stdout, StringComparison.Ordinal);
        Assert.EndsWith("(truncated)", stdout, StringComparison.Ordinal);
        Assert.True(stdout.Length < CodeJudge.DisplayLimit + 100);
    }

    [Fact]
    public async Task WhenTheProgramDoesNotCompileEveryTestFailsWithTheCompilersOutput()
    {
        var question = CodeQuestion([new("a", "a", false), new("b", "b", true)]);

        var judgement = await Judge.JudgeAsync(question, "#status:6", TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.CompilationError, judgement.Verdict);
        Assert.Equal("main.cpp:1:1: error: nope\n", judgement.CompileOutput);
        Assert.Equal(0, judgement.Passed);
        Assert.Equal(Verdict.CompilationError, judgement.Tests[0].Verdict);
        Assert.Null(judgement.Tests[1].Verdict);
    }

    [Fact]
    public async Task AQuestionThatIsNotCodeIsRefused()
    {
        var question = CodeQuestion([new("a", "a", false)]);
        question.Type = QuestionType.MultipleChoice;

        await Assert.ThrowsAsync<ArgumentException>(() => Judge.JudgeAsync(question, "echo", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("42", "42\n", true)]
    [InlineData("42  \n\n\n", "42", true)]
    [InlineData("a\r\nb\r\n", "a\nb\n", true)]
    [InlineData(" 42", "42", false)]
    [InlineData("4 2", "42", false)]
    [InlineData("42\n\n43", "42\n43", false)]
    public void OutputComparisonIgnoresOnlyTrailingWhitespaceAndTrailingBlankLines(string actual, string expected, bool matches)
    {
        Assert.Equal(matches, OutputComparer.Matches(expected, actual));
    }
}
