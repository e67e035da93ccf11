namespace CodeCrafts.Data.Entities;

public class Duel : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChallengerId { get; set; }
    /// <summary>Null for a bot, or while matchmaking has not found anyone.</summary>
    public Guid? OpponentId { get; set; }
    public OpponentKind OpponentKind { get; set; }
    public double? BotRating { get; set; }
    /// <summary>Seed of the bot's answers, fixed at the start so a duel can be replayed.</summary>
    public long? BotSeed { get; set; }
    public DuelStatus Status { get; set; }
    public ProgrammingLanguage Language { get; set; }
    public int QuestionCount { get; set; }
    public int ChallengerScore { get; set; }
    public int OpponentScore { get; set; }
    public int ChallengerTimeMs { get; set; }
    public int OpponentTimeMs { get; set; }
    public Guid? WinnerId { get; set; }
    public DuelOutcome? Outcome { get; set; }
    public double? ChallengerRatingChange { get; set; }
    public double? OpponentRatingChange { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>A pending challenge expires at this time.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>An active duel closes at this time; unanswered questions count as wrong.</summary>
    public DateTimeOffset? Deadline { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public uint Version { get; set; }
    public List<DuelQuestion> Questions { get; set; } = [];
}
