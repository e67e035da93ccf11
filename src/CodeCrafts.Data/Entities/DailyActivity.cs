namespace CodeCrafts.Data.Entities;

/// <summary>What a learner did on one day of their own calendar; streaks and the 30-day chart read it.</summary>
public class DailyActivity
{
    public Guid UserId { get; set; }
    public DateOnly Day { get; set; }
    public int Xp { get; set; }
    public int Answers { get; set; }
    public int CorrectAnswers { get; set; }
}
