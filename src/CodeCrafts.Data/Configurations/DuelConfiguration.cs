using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeCrafts.Data.Configurations;

internal sealed class DuelConfiguration : IEntityTypeConfiguration<Duel>
{
    public void Configure(EntityTypeBuilder<Duel> builder)
    {
        builder.ToTable("duels", t =>
        {
            t.HasCheckConstraint("ck_duels_status", "\"Status\" IN ('Pending', 'Active', 'Finished', 'Cancelled', 'Expired')");
            t.HasCheckConstraint("ck_duels_question_count", "\"QuestionCount\" BETWEEN 1 AND 20");
            t.HasCheckConstraint("ck_duels_scores", "\"ChallengerScore\" >= 0 AND \"OpponentScore\" >= 0");
            t.HasCheckConstraint("ck_duels_opponent", "(\"OpponentKind\" = 'Bot' AND \"OpponentId\" IS NULL) OR \"OpponentKind\" = 'User'");
            t.HasCheckConstraint("ck_duels_not_self", "\"OpponentId\" IS NULL OR \"OpponentId\" <> \"ChallengerId\"");
        });
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.OpponentKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Language).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(d => new { d.ChallengerId, d.Status });
        builder.HasIndex(d => new { d.OpponentId, d.Status });
        builder.HasIndex(d => new { d.Status, d.Deadline });
        builder.HasIndex(d => new { d.Status, d.ExpiresAt });
        builder.HasIndex(d => new { d.Status, d.NextBotAnswerAt });
        // One matchmaking queue entry per player: a second request while waiting cannot queue them twice.
        builder.HasIndex(d => d.ChallengerId)
            .IsUnique()
            .HasFilter("\"Status\" = 'Pending' AND \"OpponentKind\" = 'User' AND \"OpponentId\" IS NULL")
            .HasDatabaseName("ux_duels_matchmaking_entry");
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.ChallengerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.OpponentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Questions).WithOne().HasForeignKey(q => q.DuelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DuelQuestionConfiguration : IEntityTypeConfiguration<DuelQuestion>
{
    public void Configure(EntityTypeBuilder<DuelQuestion> builder)
    {
        builder.ToTable("duel_questions");
        builder.HasKey(q => new { q.DuelId, q.Position });
        builder.HasIndex(q => new { q.DuelId, q.QuestionId }).IsUnique();
        builder.HasOne(q => q.Question).WithMany().HasForeignKey(q => q.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
