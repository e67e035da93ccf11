using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeCrafts.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RefreshSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SessionStartedAt",
                table: "refresh_tokens",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Sessions that exist already started with their family's oldest token (hand-written: keep it when regenerating).
            migrationBuilder.Sql("""
                UPDATE refresh_tokens SET "SessionStartedAt" =
                    (SELECT MIN(f."CreatedAt") FROM refresh_tokens f WHERE f."FamilyId" = refresh_tokens."FamilyId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_refresh_tokens_ExpiresAt",
                table: "refresh_tokens",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_refresh_tokens_ExpiresAt",
                table: "refresh_tokens");

            migrationBuilder.DropColumn(
                name: "SessionStartedAt",
                table: "refresh_tokens");
        }
    }
}
