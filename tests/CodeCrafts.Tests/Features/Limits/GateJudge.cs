using CodeCrafts.CodeExecution;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Tests.Features.Limits;

/// <summary>
/// A code judge that holds every run until the test opens the gate, so "a run is in progress" is a state the test
/// controls instead of a race against the sandbox. What is tested is the throttle in front of it, not judging.
/// </summary>
internal sealed class GateJudge : ICodeJudge
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstRunStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstRunStarted => _firstRunStarted.Task;

    public static GateJudge Open()
    {
        var judge = new GateJudge();
        judge.Release();
        return judge;
    }

    public void Release() => _gate.TrySetResult();

    public Task<CodeJudgement> JudgeAsync(Question question, string code, CancellationToken cancellationToken) => RunAsync(cancellationToken);

    public Task<CodeJudgement> RunVisibleTestsAsync(Question question, string code, CancellationToken cancellationToken) => RunAsync(cancellationToken);

    public Task<CodeJudgement> JudgeAsync(
        ProgrammingLanguage language, string code, IReadOnlyList<CodeTestCase> tests, CodeLimits? limits, bool stopOnFirstFailure,
        CancellationToken cancellationToken) => RunAsync(cancellationToken);

    private async Task<CodeJudgement> RunAsync(CancellationToken cancellationToken)
    {
        _firstRunStarted.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        return new CodeJudgement(Verdict.Accepted, 1, 1, [new TestJudgement(1, Hidden: false, Passed: true)]);
    }
}
