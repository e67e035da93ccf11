using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeCrafts.Data.Configurations;

// Tiers are stored as numbers (not names, unlike other enums): settlement computes a move as tier ± 1 in SQL.

internal sealed class LeagueMemberConfiguration : IEntityTypeConfiguration<LeagueMember>
{
    public void Configure(EntityTypeBuilder<LeagueMember> builder)
    {
        builder.ToTable("league_members", t => t.HasCheckConstraint("ck_league_members_tier", "\"Tier\" BETWEEN 0 AND 9"));
        builder.HasKey(m => m.UserId);
        builder.Property(m => m.Tier).HasConversion<int>();
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeagueWeekConfiguration : IEntityTypeConfiguration<LeagueWeek>
{
    public void Configure(EntityTypeBuilder<LeagueWeek> builder)
    {
        builder.ToTable("league_weeks");
        builder.HasKey(w => w.WeekStart);
    }
}

internal sealed class LeagueCohortFillConfiguration : IEntityTypeConfiguration<LeagueCohortFill>
{
    public void Configure(EntityTypeBuilder<LeagueCohortFill> builder)
    {
        builder.ToTable("league_cohort_fills");
        builder.HasKey(f => new { f.WeekStart, f.Tier });
        builder.Property(f => f.Tier).HasConversion<int>();
    }
}

internal sealed class LeaguePlacementConfiguration : IEntityTypeConfiguration<LeaguePlacement>
{
    public void Configure(EntityTypeBuilder<LeaguePlacement> builder)
    {
        builder.ToTable("league_placements", t => t.HasCheckConstraint("ck_league_placements_xp", "\"Xp\" >= 0"));
        builder.HasKey(p => new { p.WeekStart, p.UserId });
        builder.Property(p => p.Tier).HasConversion<int?>();
        // A cohort's standings (the API's read and settlement's ranking) and a learner's own weeks.
        builder.HasIndex(p => new { p.WeekStart, p.Tier, p.Cohort });
        builder.HasIndex(p => new { p.UserId, p.WeekStart });
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeagueResultConfiguration : IEntityTypeConfiguration<LeagueResult>
{
    public void Configure(EntityTypeBuilder<LeagueResult> builder)
    {
        builder.ToTable("league_results");
        builder.HasKey(r => new { r.WeekStart, r.UserId });
        builder.Property(r => r.Tier).HasConversion<int>();
        builder.Property(r => r.NewTier).HasConversion<int>();
        builder.HasIndex(r => new { r.UserId, r.WeekStart });
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
