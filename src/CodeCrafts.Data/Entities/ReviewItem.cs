namespace CodeCrafts.Data.Entities;

/// <summary>FSRS memory state of one question for one learner.</summary>
public class ReviewItem : IVersioned
{
    public Guid UserId { get; set; }
    public Guid QuestionId { get; set; }
    public ReviewState State { get; set; }
    /// <summary>Index into the learning or relearning steps while not yet in day-scale review.</summary>
    public int Step { get; set; }
    public double Stability { get; set; }
    public double Difficulty { get; set; }
    public int Reps { get; set; }
    public int Lapses { get; set; }
    public DateTimeOffset LastReviewAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public uint Version { get; set; }
    public Question? Question { get; set; }
}
