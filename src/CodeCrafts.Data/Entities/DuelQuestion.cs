namespace CodeCrafts.Data.Entities;

public class DuelQuestion
{
    public Guid DuelId { get; set; }
    public int Position { get; set; }
    public Guid QuestionId { get; set; }
    /// <summary>The bot's planned outcome, hidden until the duel's clock passes <see cref="BotAnswerMs"/>.</summary>
    public bool? BotCorrect { get; set; }
    public int? BotAnswerMs { get; set; }
    public Question? Question { get; set; }
}
