namespace CodeCrafts.Data.Entities;

public class Lesson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Stable key from the curriculum file; re-seeding matches on it, so ids never change.</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public ProgrammingLanguage Language { get; set; }
    public int Difficulty { get; set; }
    public int XpReward { get; set; }
    public int Order { get; set; }
    public bool IsPublished { get; set; }
    /// <summary>Hash of the source file, so an unchanged lesson is not rewritten on every seed.</summary>
    public string ContentHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<Question> Questions { get; set; } = [];
}
