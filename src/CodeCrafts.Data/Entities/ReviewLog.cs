namespace CodeCrafts.Data.Entities;

/// <summary>Every review as it happened, so FSRS weights can be fitted to our learners later.</summary>
public class ReviewLog
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid QuestionId { get; set; }
    public int Rating { get; set; }
    public ReviewState StateBefore { get; set; }
    public double ElapsedDays { get; set; }
    public double ScheduledDays { get; set; }
    public double Stability { get; set; }
    public double Difficulty { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
}
