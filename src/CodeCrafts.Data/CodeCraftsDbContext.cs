using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Data;

/// <summary>
/// The model, shared by both providers. Each provider has a subclass in <c>Providers/</c> that
/// owns its migration set and its provider-specific mapping (concurrency tokens, date storage).
/// </summary>
public abstract class CodeCraftsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Lesson> Lessons => Set<Lesson>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Progress> Progress => Set<Progress>();
    public DbSet<QuestionAttempt> QuestionAttempts => Set<QuestionAttempt>();
    public DbSet<DailyActivity> DailyActivity => Set<DailyActivity>();
    public DbSet<XpAward> XpAwards => Set<XpAward>();
    public DbSet<StreakFrozenDay> StreakFrozenDays => Set<StreakFrozenDay>();
    public DbSet<ReviewItem> ReviewItems => Set<ReviewItem>();
    public DbSet<ReviewLog> ReviewLogs => Set<ReviewLog>();
    public DbSet<LearnerMemory> LearnerMemory => Set<LearnerMemory>();
    public DbSet<MemoryFitRun> MemoryFitRuns => Set<MemoryFitRun>();
    public DbSet<Duel> Duels => Set<Duel>();
    public DbSet<DuelQuestion> DuelQuestions => Set<DuelQuestion>();
    public DbSet<LeagueMember> LeagueMembers => Set<LeagueMember>();
    public DbSet<LeagueWeek> LeagueWeeks => Set<LeagueWeek>();
    public DbSet<LeagueCohortFill> LeagueCohortFills => Set<LeagueCohortFill>();
    public DbSet<LeaguePlacement> LeaguePlacements => Set<LeaguePlacement>();
    public DbSet<LeagueResult> LeagueResults => Set<LeagueResult>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CodeCraftsDbContext).Assembly);
    }
}
