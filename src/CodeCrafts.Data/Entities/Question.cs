namespace CodeCrafts.Data.Entities;

public class Question
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LessonId { get; set; }
    /// <summary>Stable within its lesson; learners' history hangs on the id this slug keeps.</summary>
    public required string Slug { get; set; }
    public QuestionType Type { get; set; }
    public int Order { get; set; }
    public required string Prompt { get; set; }
    /// <summary>What the learner sees besides the prompt (choices, blanks count, card front), as JSON.</summary>
    public string? OptionsJson { get; set; }
    /// <summary>How to grade; never served to learners.</summary>
    public required string AnswerKeyJson { get; set; }
    public string Explanation { get; set; } = "";
    public int Difficulty { get; set; }
    /// <summary>Elo-scale difficulty, seeded from the lesson difficulty and moved by learners' outcomes.</summary>
    public double DifficultyRating { get; set; }
    public int XpReward { get; set; }
    public int TypicalSeconds { get; set; }
    public string? StarterCode { get; set; }
    /// <summary>Code questions: test cases (stdin, expected stdout, hidden) as JSON.</summary>
    public string? TestCasesJson { get; set; }
    public string? LimitsJson { get; set; }
    /// <summary>Removed from the curriculum: hidden from learners, kept for their history.</summary>
    public bool IsRetired { get; set; }
    public Lesson? Lesson { get; set; }
}
