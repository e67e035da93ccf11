using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeCrafts.Data.Configurations;

internal sealed class StreakFrozenDayConfiguration : IEntityTypeConfiguration<StreakFrozenDay>
{
    public void Configure(EntityTypeBuilder<StreakFrozenDay> builder)
    {
        builder.ToTable("streak_frozen_days");
        // One freeze per day: the key makes a second store of the same day a no-op (ON CONFLICT DO NOTHING).
        builder.HasKey(f => new { f.UserId, f.Day });
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
