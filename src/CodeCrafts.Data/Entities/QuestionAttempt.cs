namespace CodeCrafts.Data.Entities;

public class QuestionAttempt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid QuestionId { get; set; }
    public Guid? DuelId { get; set; }
    /// <summary>Client-chosen; the same key twice returns the first result (unique per user).</summary>
    public required string IdempotencyKey { get; set; }
    public required string AnswerJson { get; set; }
    public bool IsCorrect { get; set; }
    public int TimeTakenMs { get; set; }
    public int XpAwarded { get; set; }
    /// <summary>The response returned for this attempt, replayed verbatim on a retry.</summary>
    public string? ResultJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The answer still has to move its question's difficulty rating (applied once, off the request path).</summary>
    public bool RatingPending { get; set; }
    public User? User { get; set; }
    public Question? Question { get; set; }
    public Duel? Duel { get; set; }
}
