using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeCrafts.Data.Configurations;

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> builder)
    {
        builder.ToTable("lessons", t =>
        {
            t.HasCheckConstraint("ck_lessons_difficulty", "\"Difficulty\" BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_lessons_xp_reward", "\"XpReward\" >= 0");
            t.HasCheckConstraint("ck_lessons_language", "\"Language\" IN ('Python', 'Cpp')");
        });
        builder.Property(l => l.Slug).HasMaxLength(100);
        builder.HasIndex(l => l.Slug).IsUnique();
        builder.Property(l => l.Title).HasMaxLength(200);
        builder.Property(l => l.Summary).HasMaxLength(1000);
        builder.Property(l => l.Language).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.ContentHash).HasMaxLength(64);
        builder.HasIndex(l => new { l.Language, l.Order });
        builder.HasMany(l => l.Questions).WithOne(q => q.Lesson).HasForeignKey(q => q.LessonId).OnDelete(DeleteBehavior.Restrict);
    }
}
