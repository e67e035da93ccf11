using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeCrafts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Memory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learner_memory",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DesiredRetention = table.Column<double>(type: "REAL", nullable: true),
                    Weights = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    FittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewsUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    LogLoss = table.Column<double>(type: "REAL", nullable: true),
                    PreviousLogLoss = table.Column<double>(type: "REAL", nullable: true),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learner_memory", x => x.UserId);
                    table.CheckConstraint("ck_learner_memory_retention", "\"DesiredRetention\" IS NULL OR \"DesiredRetention\" BETWEEN 0.8 AND 0.97");
                    table.ForeignKey(
                        name: "FK_learner_memory_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "memory_fit_runs",
                columns: table => new
                {
                    Night = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    GlobalWeights = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    GlobalReviewsUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    GlobalLogLoss = table.Column<double>(type: "REAL", nullable: true),
                    GlobalPreviousLogLoss = table.Column<double>(type: "REAL", nullable: true),
                    LearnersChecked = table.Column<int>(type: "INTEGER", nullable: false),
                    LearnersImproved = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memory_fit_runs", x => x.Night);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learner_memory");

            migrationBuilder.DropTable(
                name: "memory_fit_runs");
        }
    }
}
