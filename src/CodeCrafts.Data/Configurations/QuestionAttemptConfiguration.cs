using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeCrafts.Data.Configurations;

internal sealed class QuestionAttemptConfiguration : IEntityTypeConfiguration<QuestionAttempt>
{
    public void Configure(EntityTypeBuilder<QuestionAttempt> builder)
    {
        builder.ToTable("question_attempts", t =>
        {
            t.HasCheckConstraint("ck_attempts_time", "\"TimeTakenMs\" >= 0");
            t.HasCheckConstraint("ck_attempts_xp", "\"XpAwarded\" >= 0");
        });
        builder.Property(a => a.IdempotencyKey).HasMaxLength(100);
        builder.HasIndex(a => new { a.UserId, a.IdempotencyKey }).IsUnique();
        builder.HasIndex(a => new { a.UserId, a.CreatedAt });
        // The answer's reveal check (issue 15's XP rules): the learner's latest wrong practice answer to this question is
        // one probe here, where the (user, created) index would walk the learner's whole day of answers.
        builder.HasIndex(a => new { a.UserId, a.QuestionId, a.CreatedAt }, "IX_question_attempts_practice_wrong")
            .HasFilter("NOT \"IsCorrect\" AND \"DuelId\" IS NULL");
        // Only the few answers whose rating update is still to be applied: the background writer's sweep reads them.
        builder.HasIndex(a => a.CreatedAt).HasFilter("\"RatingPending\"").HasDatabaseName("IX_question_attempts_rating_pending");
        // One answer per question per player in a duel; attempts outside duels (DuelId null) are not constrained by it.
        builder.HasIndex(a => new { a.DuelId, a.UserId, a.QuestionId }).IsUnique();
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Duel).WithMany().HasForeignKey(a => a.DuelId).OnDelete(DeleteBehavior.Cascade);
    }
}
