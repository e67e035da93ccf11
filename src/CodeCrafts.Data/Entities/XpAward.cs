namespace CodeCrafts.Data.Entities;

/// <summary>
/// At most one XP award per learner, question and local day: the primary key makes
/// "once per day" hold however many requests race.
/// </summary>
public class XpAward
{
    public Guid UserId { get; set; }
    public Guid QuestionId { get; set; }
    public DateOnly Day { get; set; }
    public int Xp { get; set; }
    public DateTimeOffset AwardedAt { get; set; }
}
