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
    /// <summary>
    /// The moment of the bot's next answer not yet announced to the human; null once all are announced
    /// (or for duels without a bot). Lets the background service find due announcements with one indexed query.
    /// </summary>
    public DateTimeOffset? NextBotAnswerAt { get; set; }
    /// <summary>
    /// A matchmaking queue entry (Pending, OpponentKind User, no OpponentId) that was paired into another
    /// player's entry: the duel this player plays in. The entry itself is then Cancelled.
    /// </summary>
    public Guid? MatchedDuelId { get; set; }
    public uint Version { get; set; }
    public List<DuelQuestion> Questions { get; set; } = [];
}
