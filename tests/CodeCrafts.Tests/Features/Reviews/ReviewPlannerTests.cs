using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Data.Entities;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Tests.Features.Reviews;

public sealed class ReviewPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid User = Guid.NewGuid();
    private static readonly Guid Question = Guid.NewGuid();

    private static ReviewPlanner Planner(int maximumIntervalDays = 36500) =>
        new(new Fsrs(), Options.Create(new ReviewOptions { EnableFuzz = false, MaximumIntervalDays = maximumIntervalDays }));

    private static ReviewItem Item(ReviewState state, int step, double stability, double difficulty, TimeSpan ago, int lapses = 0) => new()
    {
        UserId = User,
        QuestionId = Question,
        State = state,
        Step = step,
        Stability = stability,
        Difficulty = difficulty,
        Reps = 3,
        Lapses = lapses,
        LastReviewAt = Now - ago,
        DueAt = Now,
    };

    [Theory]
    [InlineData(Rating.Again, 0, 1.0)]
    [InlineData(Rating.Hard, 0, 5.5)] // halfway between the 1- and 10-minute steps
    [InlineData(Rating.Good, 1, 10.0)]
    public void ANewQuestionGoesThroughTheLearningSteps(Rating rating, int step, double minutes)
    {
        var plan = Planner().Plan(null, rating, User, Question, Now);

        Assert.Equal(ReviewState.Learning, plan.State);
        Assert.Equal(step, plan.Step);
        Assert.Equal(Now.AddMinutes(minutes), plan.DueAt);
        Assert.Equal(new Fsrs().Initial(rating), plan.Memory);
        Assert.Equal(1, plan.Reps);
    }

    [Fact]
    public void AnEasyFirstAnswerSkipsTheStepsAndGetsWholeDays()
    {
        var plan = Planner().Plan(null, Rating.Easy, User, Question, Now);

        Assert.Equal(ReviewState.Review, plan.State);
        Assert.Equal(Now.AddDays(8), plan.DueAt); // S0(Easy) = 8.2956 days, rounded
    }

    [Fact]
    public void GoodOnTheLastLearningStepGraduatesToDays()
    {
        var item = Item(ReviewState.Learning, 1, 2.3065, 2.118103970459, TimeSpan.FromMinutes(10));

        var plan = Planner().Plan(item, Rating.Good, User, Question, Now);

        Assert.Equal(ReviewState.Review, plan.State);
        Assert.Equal(2.3065, plan.Memory.Stability, 1e-9);
        Assert.Equal(Now.AddDays(2), plan.DueAt);
        Assert.Equal(4, plan.Reps);
    }

    [Fact]
    public void AWrongAnswerInReviewStartsRelearningAndCountsALapse()
    {
        var item = Item(ReviewState.Review, 0, 10, 5, TimeSpan.FromDays(10), lapses: 1);

        var plan = Planner().Plan(item, Rating.Again, User, Question, Now);

        Assert.Equal(ReviewState.Relearning, plan.State);
        Assert.Equal(0, plan.Step);
        Assert.Equal(Now.AddMinutes(10), plan.DueAt);
        Assert.Equal(2, plan.Lapses);
        Assert.Equal(10, plan.ElapsedDays, 1e-9);
        Assert.True(plan.Memory.Stability < 10);
    }

    [Theory]
    [InlineData(Rating.Again, ReviewState.Relearning, 10.0)]
    [InlineData(Rating.Hard, ReviewState.Relearning, 15.0)] // 1.5 × the only relearning step
    public void RelearningRepeatsItsStepUntilGood(Rating rating, ReviewState state, double minutes)
    {
        var item = Item(ReviewState.Relearning, 0, 1.7, 7.4, TimeSpan.FromMinutes(10));

        var plan = Planner().Plan(item, rating, User, Question, Now);

        Assert.Equal(state, plan.State);
        Assert.Equal(Now.AddMinutes(minutes), plan.DueAt);
    }

    [Fact]
    public void GoodAfterRelearningReturnsToDays()
    {
        var item = Item(ReviewState.Relearning, 0, 1.7, 7.4, TimeSpan.FromMinutes(10));

        var plan = Planner().Plan(item, Rating.Good, User, Question, Now);

        Assert.Equal(ReviewState.Review, plan.State);
        Assert.Equal(Now.AddDays(2), plan.DueAt); // same-day Good keeps S = 1.7, rounded to 2 days
    }

    [Fact]
    public void IntervalsAreWholeDaysBetweenOneAndTheMaximum()
    {
        var planner = Planner(maximumIntervalDays: 30);
        var strong = Item(ReviewState.Review, 0, 100, 3, TimeSpan.FromDays(100));

        var plan = planner.Plan(strong, Rating.Good, User, Question, Now);

        Assert.Equal(Now.AddDays(30), plan.DueAt);
        Assert.Equal(1, planner.IntervalDays(new MemoryState(0.01, 5)));
        Assert.Equal(3, planner.IntervalDays(new MemoryState(2.5, 5)));
    }
}
