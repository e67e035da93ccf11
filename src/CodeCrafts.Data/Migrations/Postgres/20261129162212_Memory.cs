using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeCrafts.Data.Migrations.Postgres
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
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DesiredRetention = table.Column<double>(type: "double precision", nullable: true),
                    Weights = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    FittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewsUsed = table.Column<int>(type: "integer", nullable: false),
                    LogLoss = table.Column<double>(type: "double precision", nullable: true),
                    PreviousLogLoss = table.Column<double>(type: "double precision", nullable: true),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Night = table.Column<DateOnly>(type: "date", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    GlobalWeights = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    GlobalReviewsUsed = table.Column<int>(type: "integer", nullable: false),
                    GlobalLogLoss = table.Column<double>(type: "double precision", nullable: true),
                    GlobalPreviousLogLoss = table.Column<double>(type: "double precision", nullable: true),
                    LearnersChecked = table.Column<int>(type: "integer", nullable: false),
                    LearnersImproved = table.Column<int>(type: "integer", nullable: false)
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
