using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeCrafts.Data.Configurations;

internal sealed class LearnerMemoryConfiguration : IEntityTypeConfiguration<LearnerMemory>
{
    public void Configure(EntityTypeBuilder<LearnerMemory> builder)
    {
        builder.ToTable("learner_memory", t =>
            t.HasCheckConstraint("ck_learner_memory_retention", "\"DesiredRetention\" IS NULL OR \"DesiredRetention\" BETWEEN 0.8 AND 0.97"));
        builder.HasKey(m => m.UserId);
        builder.Property(m => m.Weights).HasMaxLength(1024);
        builder.HasOne<User>().WithOne().HasForeignKey<LearnerMemory>(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemoryFitRunConfiguration : IEntityTypeConfiguration<MemoryFitRun>
{
    public void Configure(EntityTypeBuilder<MemoryFitRun> builder)
    {
        builder.ToTable("memory_fit_runs");
        builder.HasKey(r => r.Night);
        builder.Property(r => r.ClaimedBy).HasMaxLength(128);
        builder.Property(r => r.GlobalWeights).HasMaxLength(1024);
    }
}
