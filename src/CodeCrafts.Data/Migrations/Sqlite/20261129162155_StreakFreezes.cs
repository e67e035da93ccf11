using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeCrafts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StreakFreezes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StreakFreezes",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "StreakFreezesUsed",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "streak_frozen_days",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StoredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_streak_frozen_days", x => new { x.UserId, x.Day });
                    table.ForeignKey(
                        name: "FK_streak_frozen_days_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_users_streak_freezes",
                table: "users",
                sql: "\"StreakFreezes\" BETWEEN 0 AND 2 AND \"StreakFreezesUsed\" >= 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "streak_frozen_days");

            migrationBuilder.DropCheckConstraint(
                name: "ck_users_streak_freezes",
                table: "users");

            migrationBuilder.DropColumn(
                name: "StreakFreezes",
                table: "users");

            migrationBuilder.DropColumn(
                name: "StreakFreezesUsed",
                table: "users");
        }
    }
}
