using System.Globalization;

namespace CodeCrafts.Api.Features.Lessons;

/// <summary>What the catalogue shows of a learner's standing in a lesson (the progress row's counts).</summary>
public sealed record LessonCounts(int Attempts, int CorrectAttempts, int QuestionsMastered, int Score, bool Completed)
{
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{Attempts}|{CorrectAttempts}|{QuestionsMastered}|{Score}|{(Completed ? 1 : 0)}");

    public static LessonCounts Parse(string value)
    {
        var parts = value.Split('|');
        return parts.Length == 5
            ? new LessonCounts(Int(parts[0]), Int(parts[1]), Int(parts[2]), Int(parts[3]), parts[4] == "1")
            : throw new FormatException($"'{value}' is not a cached lesson progress.");
    }

    public LessonProgressSummary ToSummary(int questionCount) => new(Attempts, CorrectAttempts, QuestionsMastered, questionCount, Score, Completed);

    private static int Int(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>
/// A learner's counts per started lesson, for the catalogue. Implemented by the Progress feature (its cache, then
/// PostgreSQL), so that Lessons need not know how progress is kept.
/// </summary>
public interface ILearnerLessonCounts
{
    Task<IReadOnlyDictionary<Guid, LessonCounts>> ForLearnerAsync(Guid userId, CancellationToken cancellationToken);
}
