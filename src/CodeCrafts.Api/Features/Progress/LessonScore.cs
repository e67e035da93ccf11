namespace CodeCrafts.Api.Features.Progress;

/// <summary>
/// One progress row per learner and lesson. Score (0–100) = coverage × (½ + ½ × accuracy), where coverage is the
/// share of the lesson's questions answered correctly at least once and accuracy is correct ÷ all attempts: a lesson
/// finished without a mistake scores 100, one finished at 50% accuracy 75. A lesson is completed when every question
/// has been answered correctly at least once.
/// </summary>
public static class LessonScore
{
    public static int Of(int attempts, int correctAttempts, int questionsMastered, int questionCount)
    {
        if (attempts == 0 || questionCount == 0)
        {
            return 0;
        }
        var coverage = Math.Min(1.0, (double)questionsMastered / questionCount);
        var accuracy = (double)correctAttempts / attempts;
        return (int)Math.Round(100 * coverage * (0.5 + (0.5 * accuracy)), MidpointRounding.AwayFromZero);
    }

    public static bool IsCompleted(int questionsMastered, int questionCount) => questionsMastered >= questionCount;
}
