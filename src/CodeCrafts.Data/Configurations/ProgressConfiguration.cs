using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeCrafts.Data.Configurations;

internal sealed class ProgressConfiguration : IEntityTypeConfiguration<Progress>
{
    public void Configure(EntityTypeBuilder<Progress> builder)
    {
        builder.ToTable("progress", t =>
        {
            t.HasCheckConstraint("ck_progress_counts", "\"Attempts\" >= 0 AND \"CorrectAttempts\" BETWEEN 0 AND \"Attempts\" AND \"QuestionsMastered\" >= 0");
            t.HasCheckConstraint("ck_progress_score", "\"Score\" BETWEEN 0 AND 100");
        });
        builder.HasIndex(p => new { p.UserId, p.LessonId }).IsUnique();
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Lesson).WithMany().HasForeignKey(p => p.LessonId).OnDelete(DeleteBehavior.Restrict);
    }
}
