using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Reviews;

/// <summary>A learner's 60 days, answered through the attempt endpoint and read back through the real queue.</summary>
public sealed class ReviewHistoryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan RelearningStep = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task OverSixtyDaysEachItemComesDueOnItsDayNeverBeforeAndLapsesComeBackWithinTheRelearningStep()
    {
        var ct = TestContext.Current.CancellationToken;
        var learner = await api.CreateAsync();
        var bystander = await api.CreateAsync();
        var planner = api.Factory.Services.GetRequiredService<ReviewPlanner>();
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var questions = (await ReviewTestSupport.QuestionsAsync(db, ProgrammingLanguage.Python, 40))
            .Where(q => q.Type != QuestionType.Code).GroupBy(q => q.Type).SelectMany(g => g.Take(3)).ToDictionary(q => q.Id);
        var due = new Dictionary<Guid, DateTimeOffset>();
        var answers = new Dictionary<Guid, int>();
        var start = api.Factory.Time.GetUtcNow();
        var lapses = 0;
        var fuzzed = 0;

        async Task AnswerAsync(Question question, bool correct)
        {
            var now = api.Factory.Time.GetUtcNow();
            // Flashcards rate themselves (good or again); the others take their typical time, so a right answer is Good.
            var dueAt = (await api.AnswerAsync(learner.Id, question.Id, Learning.AnswerFor(question, correct), question.TypicalSeconds * 1000)).NextReviewAt;

            due[question.Id] = dueAt;
            answers[question.Id] = answers.GetValueOrDefault(question.Id) + 1;
            var item = await db.ReviewItems.AsNoTracking().SingleAsync(r => r.UserId == learner.Id && r.QuestionId == question.Id, ct);
            Assert.Equal(dueAt, item.DueAt);
            if (!correct && item.State == ReviewState.Relearning)
            {
                lapses++;
                Assert.Equal(now + RelearningStep, dueAt);
            }
            if (item.State == ReviewState.Review && !IsWithinFuzzBoundAndIdeal(planner, item))
            {
                fuzzed++;
            }
        }

        // Checks the queue against what the scheduler said, then answers everything in it.
        async Task ReviewWhatIsDueAsync()
        {
            var now = api.Factory.Time.GetUtcNow();
            var queue = await learner.GetDueAsync();
            var expected = due.Where(d => d.Value <= now).Select(d => d.Key).Order().ToList();

            Assert.Equal(expected, queue.Due.Items.Select(i => i.QuestionId).Order().ToList());
            Assert.All(queue.Due.Items, i => Assert.Equal(now.UtcDateTime.Date, i.DueAt.UtcDateTime.Date)); // on its day, not left over
            Assert.Equal(due.Values.Count(d => d > now && d < EndOfDay(now)), queue.DueLaterToday);

            foreach (var item in queue.Due.Items)
            {
                // Every other question is forgotten once, at its second day-scale review.
                var forget = answers[item.QuestionId] == 3 && questions.Keys.ToList().IndexOf(item.QuestionId) % 2 == 0;
                await AnswerAsync(questions[item.QuestionId], !forget);
                if (forget)
                {
                    var again = await learner.GetDueAsync();
                    Assert.DoesNotContain(again.Due.Items, i => i.QuestionId == item.QuestionId);
                }
            }
        }

        foreach (var question in questions.Values)
        {
            await AnswerAsync(question, correct: true);
        }
        for (var day = 0; day <= 60; day++)
        {
            var morning = start.AddDays(day);
            if (morning > api.Factory.Time.GetUtcNow())
            {
                api.Factory.Time.SetUtcNow(morning);
            }
            await ReviewWhatIsDueAsync();
            // Then through the rest of the day, stopping at each moment something falls due.
            while (due.Values.Where(d => d > api.Factory.Time.GetUtcNow() && d < EndOfDay(morning)).Order().FirstOrDefault() is var next
                   && next != default)
            {
                api.Factory.Time.SetUtcNow(next);
                await ReviewWhatIsDueAsync();
            }
        }
        var bystanderQueue = await bystander.GetDueAsync();

        Assert.True(questions.Count >= 9, "The seeded curriculum has three question types with three questions each.");
        Assert.True(lapses >= 3, $"Only {lapses} lapses were simulated.");
        Assert.True(fuzzed > 0, "Fuzz never moved an interval.");
        Assert.All(answers.Values, n => Assert.InRange(n, 4, 10));
        Assert.Equal(answers.Values.Sum(), await db.ReviewLogs.CountAsync(l => l.UserId == learner.Id, ct));
        Assert.Equal(0, bystanderQueue.Due.Total);
        Assert.Equal(0, bystanderQueue.DueLaterToday);
    }

    private static DateTimeOffset EndOfDay(DateTimeOffset t) => new(t.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);

    /// <summary>
    /// Asserts the interval keeps the documented fuzz bound (restated here rather than taken from <see cref="ReviewFuzz"/>);
    /// true when fuzz left it exactly at FSRS's rounded interval.
    /// </summary>
    private static bool IsWithinFuzzBoundAndIdeal(ReviewPlanner planner, ReviewItem item)
    {
        var days = (item.DueAt - item.LastReviewAt).TotalDays;
        var ideal = planner.IntervalDays(new MemoryState(item.Stability, item.Difficulty));
        Assert.Equal(Math.Round(days), days, 1e-9);
        if (ideal < 3)
        {
            Assert.Equal(ideal, days);
            return true;
        }
        var bound = Math.Round(1 + 0.15 * (Math.Min(ideal, 7) - 2.5) + 0.10 * Math.Max(Math.Min(ideal, 20) - 7, 0) + 0.05 * Math.Max(ideal - 20, 0),
            MidpointRounding.AwayFromZero);
        Assert.InRange(days, Math.Max(2, ideal - bound), ideal + bound);
        return days == ideal;
    }
}
