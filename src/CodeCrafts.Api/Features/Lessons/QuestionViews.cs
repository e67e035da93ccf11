using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Lessons;

/// <summary>What a learner sees of a question before answering it.</summary>
internal static class QuestionViews
{
    public static QuestionView Of(Question q)
    {
        var options = q.OptionsJson is null ? null : ContentJson.Deserialize<QuestionOptions>(q.OptionsJson);
        var tests = q.TestCasesJson is null
            ? null
            : ContentJson.Deserialize<List<CodeTestCase>>(q.TestCasesJson).Where(t => !t.Hidden).Select(t => new VisibleTestView(t.Stdin, t.ExpectedStdout)).ToList();
        return new QuestionView(
            q.Id, q.Slug, q.Type, q.Order, q.Prompt, q.Difficulty, q.XpReward, q.TypicalSeconds,
            options?.Choices?.Select(c => new ChoiceView(c.Id, c.Text)).ToList(),
            options?.MultipleAnswers ?? false,
            options?.BlankCount,
            q.Type == QuestionType.Code ? q.StarterCode ?? "" : null,
            tests,
            // Flashcards are self-rated, so their back gives nothing away: the learner flips before rating.
            q.Type == QuestionType.Flashcard ? ContentJson.Deserialize<AnswerKey>(q.AnswerKeyJson).Back ?? "" : null);
    }
}
