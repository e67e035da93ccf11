using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeCrafts.Data.Configurations;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("questions", t =>
        {
            t.HasCheckConstraint("ck_questions_type", "\"Type\" IN ('MultipleChoice', 'FillInTheBlank', 'Flashcard', 'Code')");
            t.HasCheckConstraint("ck_questions_difficulty", "\"Difficulty\" BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_questions_xp_reward", "\"XpReward\" >= 0");
            t.HasCheckConstraint("ck_questions_typical_seconds", "\"TypicalSeconds\" > 0");
        });
        builder.Property(q => q.Slug).HasMaxLength(100);
        builder.HasIndex(q => new { q.LessonId, q.Slug }).IsUnique();
        builder.Property(q => q.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(q => q.Prompt).HasMaxLength(8000);
        builder.Property(q => q.Explanation).HasMaxLength(4000);
    }
}
