namespace CodeCrafts.Data.Entities;

/// <summary>A learner's standing in one lesson (one row per user and lesson).</summary>
public class Progress : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid LessonId { get; set; }
    public int Attempts { get; set; }
    public int CorrectAttempts { get; set; }
    /// <summary>Distinct questions of the lesson answered correctly at least once.</summary>
    public int QuestionsMastered { get; set; }
    /// <summary>0..100.</summary>
    public int Score { get; set; }
    public bool IsCompleted { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    /// <summary>Earliest due review of the lesson's questions.</summary>
    public DateTimeOffset? NextReviewAt { get; set; }
    public uint Version { get; set; }
    public User? User { get; set; }
    public Lesson? Lesson { get; set; }
}
