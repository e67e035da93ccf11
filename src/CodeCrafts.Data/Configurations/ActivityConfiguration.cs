using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeCrafts.Data.Configurations;

internal sealed class DailyActivityConfiguration : IEntityTypeConfiguration<DailyActivity>
{
    public void Configure(EntityTypeBuilder<DailyActivity> builder)
    {
        builder.ToTable("daily_activity", t => t.HasCheckConstraint("ck_daily_activity_counts", "\"Xp\" >= 0 AND \"Answers\" >= 0 AND \"CorrectAnswers\" >= 0"));
        builder.HasKey(a => new { a.UserId, a.Day });
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class XpAwardConfiguration : IEntityTypeConfiguration<XpAward>
{
    public void Configure(EntityTypeBuilder<XpAward> builder)
    {
        builder.ToTable("xp_awards", t => t.HasCheckConstraint("ck_xp_awards_xp", "\"Xp\" >= 0"));
        builder.HasKey(a => new { a.UserId, a.QuestionId, a.Day });
        builder.HasIndex(a => a.AwardedAt);
        // Each answer reads the learner's XP of the current week (for the weekly board) under its row lock.
        builder.HasIndex(a => new { a.UserId, a.AwardedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
