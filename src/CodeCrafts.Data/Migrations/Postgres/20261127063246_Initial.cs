using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeCrafts.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lessons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Difficulty = table.Column<int>(type: "integer", nullable: false),
                    XpReward = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lessons", x => x.Id);
                    table.CheckConstraint("ck_lessons_difficulty", "\"Difficulty\" BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_lessons_language", "\"Language\" IN ('Python', 'Cpp')");
                    table.CheckConstraint("ck_lessons_xp_reward", "\"XpReward\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DailyXpGoal = table.Column<int>(type: "integer", nullable: false),
                    Xp = table.Column<long>(type: "bigint", nullable: false),
                    CurrentStreak = table.Column<int>(type: "integer", nullable: false),
                    LongestStreak = table.Column<int>(type: "integer", nullable: false),
                    LastActiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastActiveTimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Rating = table.Column<double>(type: "double precision", nullable: false),
                    RatingDeviation = table.Column<double>(type: "double precision", nullable: false),
                    RatingVolatility = table.Column<double>(type: "double precision", nullable: false),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.Id);
                    table.CheckConstraint("ck_users_daily_goal", "\"DailyXpGoal\" BETWEEN 1 AND 10000");
                    table.CheckConstraint("ck_users_streaks", "\"CurrentStreak\" >= 0 AND \"LongestStreak\" >= \"CurrentStreak\"");
                    table.CheckConstraint("ck_users_xp", "\"Xp\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LessonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Prompt = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    OptionsJson = table.Column<string>(type: "text", nullable: true),
                    AnswerKeyJson = table.Column<string>(type: "text", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Difficulty = table.Column<int>(type: "integer", nullable: false),
                    DifficultyRating = table.Column<double>(type: "double precision", nullable: false),
                    XpReward = table.Column<int>(type: "integer", nullable: false),
                    TypicalSeconds = table.Column<int>(type: "integer", nullable: false),
                    StarterCode = table.Column<string>(type: "text", nullable: true),
                    TestCasesJson = table.Column<string>(type: "text", nullable: true),
                    LimitsJson = table.Column<string>(type: "text", nullable: true),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_questions", x => x.Id);
                    table.CheckConstraint("ck_questions_difficulty", "\"Difficulty\" BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_questions_type", "\"Type\" IN ('MultipleChoice', 'FillInTheBlank', 'Flashcard', 'Code')");
                    table.CheckConstraint("ck_questions_typical_seconds", "\"TypicalSeconds\" > 0");
                    table.CheckConstraint("ck_questions_xp_reward", "\"XpReward\" >= 0");
                    table.ForeignKey(
                        name: "FK_questions_lessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "lessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "daily_activity",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Xp = table.Column<int>(type: "integer", nullable: false),
                    Answers = table.Column<int>(type: "integer", nullable: false),
                    CorrectAnswers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_activity", x => new { x.UserId, x.Day });
                    table.CheckConstraint("ck_daily_activity_counts", "\"Xp\" >= 0 AND \"Answers\" >= 0 AND \"CorrectAnswers\" >= 0");
                    table.ForeignKey(
                        name: "FK_daily_activity_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "duels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengerId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpponentId = table.Column<Guid>(type: "uuid", nullable: true),
                    OpponentKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BotRating = table.Column<double>(type: "double precision", nullable: true),
                    BotSeed = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    QuestionCount = table.Column<int>(type: "integer", nullable: false),
                    ChallengerScore = table.Column<int>(type: "integer", nullable: false),
                    OpponentScore = table.Column<int>(type: "integer", nullable: false),
                    ChallengerTimeMs = table.Column<int>(type: "integer", nullable: false),
                    OpponentTimeMs = table.Column<int>(type: "integer", nullable: false),
                    WinnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ChallengerRatingChange = table.Column<double>(type: "double precision", nullable: true),
                    OpponentRatingChange = table.Column<double>(type: "double precision", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextBotAnswerAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MatchedDuelId = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duels", x => x.Id);
                    table.CheckConstraint("ck_duels_not_self", "\"OpponentId\" IS NULL OR \"OpponentId\" <> \"ChallengerId\"");
                    table.CheckConstraint("ck_duels_opponent", "(\"OpponentKind\" = 'Bot' AND \"OpponentId\" IS NULL) OR \"OpponentKind\" = 'User'");
                    table.CheckConstraint("ck_duels_question_count", "\"QuestionCount\" BETWEEN 1 AND 20");
                    table.CheckConstraint("ck_duels_scores", "\"ChallengerScore\" >= 0 AND \"OpponentScore\" >= 0");
                    table.CheckConstraint("ck_duels_status", "\"Status\" IN ('Pending', 'Active', 'Finished', 'Cancelled', 'Expired')");
                    table.ForeignKey(
                        name: "FK_duels_users_ChallengerId",
                        column: x => x.ChallengerId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_duels_users_OpponentId",
                        column: x => x.OpponentId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "progress",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LessonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CorrectAttempts = table.Column<int>(type: "integer", nullable: false),
                    QuestionsMastered = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    IsCompleted = table.Column<bool>(type: "boolean", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextReviewAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_progress", x => x.Id);
                    table.CheckConstraint("ck_progress_counts", "\"Attempts\" >= 0 AND \"CorrectAttempts\" BETWEEN 0 AND \"Attempts\" AND \"QuestionsMastered\" >= 0");
                    table.CheckConstraint("ck_progress_score", "\"Score\" BETWEEN 0 AND 100");
                    table.ForeignKey(
                        name: "FK_progress_lessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "lessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_progress_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "refresh_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConsumedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_refresh_tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_refresh_tokens_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_items",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    Stability = table.Column<double>(type: "double precision", nullable: false),
                    Difficulty = table.Column<double>(type: "double precision", nullable: false),
                    Reps = table.Column<int>(type: "integer", nullable: false),
                    Lapses = table.Column<int>(type: "integer", nullable: false),
                    LastReviewAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_items", x => new { x.UserId, x.QuestionId });
                    table.CheckConstraint("ck_review_items_difficulty", "\"Difficulty\" BETWEEN 1 AND 10");
                    table.CheckConstraint("ck_review_items_stability", "\"Stability\" > 0");
                    table.ForeignKey(
                        name: "FK_review_items_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_review_items_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_logs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: false),
                    StateBefore = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ElapsedDays = table.Column<double>(type: "double precision", nullable: false),
                    ScheduledDays = table.Column<double>(type: "double precision", nullable: false),
                    Stability = table.Column<double>(type: "double precision", nullable: false),
                    Difficulty = table.Column<double>(type: "double precision", nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_logs", x => x.Id);
                    table.CheckConstraint("ck_review_logs_rating", "\"Rating\" BETWEEN 1 AND 4");
                    table.ForeignKey(
                        name: "FK_review_logs_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_review_logs_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "xp_awards",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Xp = table.Column<int>(type: "integer", nullable: false),
                    AwardedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_xp_awards", x => new { x.UserId, x.QuestionId, x.Day });
                    table.CheckConstraint("ck_xp_awards_xp", "\"Xp\" >= 0");
                    table.ForeignKey(
                        name: "FK_xp_awards_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_xp_awards_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "duel_questions",
                columns: table => new
                {
                    DuelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    BotCorrect = table.Column<bool>(type: "boolean", nullable: true),
                    BotAnswerMs = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duel_questions", x => new { x.DuelId, x.Position });
                    table.ForeignKey(
                        name: "FK_duel_questions_duels_DuelId",
                        column: x => x.DuelId,
                        principalTable: "duels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_duel_questions_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "question_attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DuelId = table.Column<Guid>(type: "uuid", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AnswerJson = table.Column<string>(type: "text", nullable: false),
                    IsCorrect = table.Column<bool>(type: "boolean", nullable: false),
                    TimeTakenMs = table.Column<int>(type: "integer", nullable: false),
                    XpAwarded = table.Column<int>(type: "integer", nullable: false),
                    ResultJson = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_question_attempts", x => x.Id);
                    table.CheckConstraint("ck_attempts_time", "\"TimeTakenMs\" >= 0");
                    table.CheckConstraint("ck_attempts_xp", "\"XpAwarded\" >= 0");
                    table.ForeignKey(
                        name: "FK_question_attempts_duels_DuelId",
                        column: x => x.DuelId,
                        principalTable: "duels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_question_attempts_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_question_attempts_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_duel_questions_DuelId_QuestionId",
                table: "duel_questions",
                columns: new[] { "DuelId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_duel_questions_QuestionId",
                table: "duel_questions",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_duels_ChallengerId_Status",
                table: "duels",
                columns: new[] { "ChallengerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_duels_OpponentId_Status",
                table: "duels",
                columns: new[] { "OpponentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_duels_Status_Deadline",
                table: "duels",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_duels_Status_ExpiresAt",
                table: "duels",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_duels_Status_NextBotAnswerAt",
                table: "duels",
                columns: new[] { "Status", "NextBotAnswerAt" });

            migrationBuilder.CreateIndex(
                name: "ux_duels_matchmaking_entry",
                table: "duels",
                column: "ChallengerId",
                unique: true,
                filter: "\"Status\" = 'Pending' AND \"OpponentKind\" = 'User' AND \"OpponentId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_lessons_Language_Order",
                table: "lessons",
                columns: new[] { "Language", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_lessons_Slug",
                table: "lessons",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_progress_LessonId",
                table: "progress",
                column: "LessonId");

            migrationBuilder.CreateIndex(
                name: "IX_progress_UserId_LessonId",
                table: "progress",
                columns: new[] { "UserId", "LessonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_question_attempts_DuelId_UserId_QuestionId",
                table: "question_attempts",
                columns: new[] { "DuelId", "UserId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_question_attempts_QuestionId",
                table: "question_attempts",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_question_attempts_UserId_CreatedAt",
                table: "question_attempts",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_question_attempts_UserId_IdempotencyKey",
                table: "question_attempts",
                columns: new[] { "UserId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_questions_LessonId_Slug",
                table: "questions",
                columns: new[] { "LessonId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_refresh_tokens_FamilyId",
                table: "refresh_tokens",
                column: "FamilyId");

            migrationBuilder.CreateIndex(
                name: "IX_refresh_tokens_TokenHash",
                table: "refresh_tokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_refresh_tokens_UserId",
                table: "refresh_tokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_review_items_QuestionId",
                table: "review_items",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_review_items_UserId_DueAt",
                table: "review_items",
                columns: new[] { "UserId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_review_logs_QuestionId",
                table: "review_logs",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_review_logs_UserId_QuestionId_ReviewedAt",
                table: "review_logs",
                columns: new[] { "UserId", "QuestionId", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_users_NormalizedEmail",
                table: "users",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_Rating",
                table: "users",
                column: "Rating");

            migrationBuilder.CreateIndex(
                name: "IX_users_Xp",
                table: "users",
                column: "Xp");

            migrationBuilder.CreateIndex(
                name: "IX_xp_awards_AwardedAt",
                table: "xp_awards",
                column: "AwardedAt");

            migrationBuilder.CreateIndex(
                name: "IX_xp_awards_QuestionId",
                table: "xp_awards",
                column: "QuestionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_activity");

            migrationBuilder.DropTable(
                name: "duel_questions");

            migrationBuilder.DropTable(
                name: "progress");

            migrationBuilder.DropTable(
                name: "question_attempts");

            migrationBuilder.DropTable(
                name: "refresh_tokens");

            migrationBuilder.DropTable(
                name: "review_items");

            migrationBuilder.DropTable(
                name: "review_logs");

            migrationBuilder.DropTable(
                name: "xp_awards");

            migrationBuilder.DropTable(
                name: "duels");

            migrationBuilder.DropTable(
                name: "questions");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "lessons");
        }
    }
}
