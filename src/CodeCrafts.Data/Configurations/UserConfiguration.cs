using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeCrafts.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users", t =>
        {
            t.HasCheckConstraint("ck_users_xp", "\"Xp\" >= 0");
            t.HasCheckConstraint("ck_users_streaks", "\"CurrentStreak\" >= 0 AND \"LongestStreak\" >= \"CurrentStreak\"");
            t.HasCheckConstraint("ck_users_streak_freezes", "\"StreakFreezes\" BETWEEN 0 AND 2 AND \"StreakFreezesUsed\" >= 0");
            t.HasCheckConstraint("ck_users_daily_goal", "\"DailyXpGoal\" BETWEEN 1 AND 10000");
        });
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(254);
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.Property(u => u.PasswordHash).HasMaxLength(512);
        builder.Property(u => u.DisplayName).HasMaxLength(64);
        builder.Property(u => u.TimeZoneId).HasMaxLength(64);
        builder.Property(u => u.LastActiveTimeZoneId).HasMaxLength(64);
        // The leaderboards fall back to ordering users by these when Redis is away.
        builder.HasIndex(u => u.Xp);
        builder.HasIndex(u => u.Rating);
    }
}
