using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeCrafts.Data.Configurations;

internal sealed class ReviewItemConfiguration : IEntityTypeConfiguration<ReviewItem>
{
    public void Configure(EntityTypeBuilder<ReviewItem> builder)
    {
        builder.ToTable("review_items", t =>
        {
            t.HasCheckConstraint("ck_review_items_difficulty", "\"Difficulty\" BETWEEN 1 AND 10");
            t.HasCheckConstraint("ck_review_items_stability", "\"Stability\" > 0");
        });
        builder.HasKey(r => new { r.UserId, r.QuestionId });
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.UserId, r.DueAt });
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Question).WithMany().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewLogConfiguration : IEntityTypeConfiguration<ReviewLog>
{
    public void Configure(EntityTypeBuilder<ReviewLog> builder)
    {
        builder.ToTable("review_logs", t => t.HasCheckConstraint("ck_review_logs_rating", "\"Rating\" BETWEEN 1 AND 4"));
        builder.Property(r => r.StateBefore).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.UserId, r.QuestionId, r.ReviewedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Question>().WithMany().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
