using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeCrafts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Leagues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "league_cohort_fills",
                columns: table => new
                {
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    Joined = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_league_cohort_fills", x => new { x.WeekStart, x.Tier });
                });

            migrationBuilder.CreateTable(
                name: "league_members",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_league_members", x => x.UserId);
                    table.CheckConstraint("ck_league_members_tier", "\"Tier\" BETWEEN 0 AND 9");
                    table.ForeignKey(
                        name: "FK_league_members_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "league_placements",
                columns: table => new
                {
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: true),
                    Cohort = table.Column<int>(type: "INTEGER", nullable: true),
                    JoinOrder = table.Column<int>(type: "INTEGER", nullable: true),
                    Xp = table.Column<long>(type: "INTEGER", nullable: false),
                    ReachedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_league_placements", x => new { x.WeekStart, x.UserId });
                    table.CheckConstraint("ck_league_placements_xp", "\"Xp\" >= 0");
                    table.ForeignKey(
                        name: "FK_league_placements_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "league_results",
                columns: table => new
                {
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    Cohort = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    CohortSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Xp = table.Column<long>(type: "INTEGER", nullable: false),
                    NewTier = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_league_results", x => new { x.WeekStart, x.UserId });
                    table.ForeignKey(
                        name: "FK_league_results_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "league_weeks",
                columns: table => new
                {
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SettledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Placed = table.Column<int>(type: "INTEGER", nullable: false),
                    Promoted = table.Column<int>(type: "INTEGER", nullable: false),
                    Demoted = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_league_weeks", x => x.WeekStart);
                });

            migrationBuilder.CreateIndex(
                name: "IX_league_placements_UserId_WeekStart",
                table: "league_placements",
                columns: new[] { "UserId", "WeekStart" });

            migrationBuilder.CreateIndex(
                name: "IX_league_placements_WeekStart_Tier_Cohort",
                table: "league_placements",
                columns: new[] { "WeekStart", "Tier", "Cohort" });

            migrationBuilder.CreateIndex(
                name: "IX_league_results_UserId_WeekStart",
                table: "league_results",
                columns: new[] { "UserId", "WeekStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "league_cohort_fills");

            migrationBuilder.DropTable(
                name: "league_members");

            migrationBuilder.DropTable(
                name: "league_placements");

            migrationBuilder.DropTable(
                name: "league_results");

            migrationBuilder.DropTable(
                name: "league_weeks");
        }
    }
}
