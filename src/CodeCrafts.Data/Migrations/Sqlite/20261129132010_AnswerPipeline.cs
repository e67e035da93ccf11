using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeCrafts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnswerPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RatingPending",
                table: "question_attempts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_xp_awards_UserId_AwardedAt",
                table: "xp_awards",
                columns: new[] { "UserId", "AwardedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_question_attempts_rating_pending",
                table: "question_attempts",
                column: "CreatedAt",
                filter: "\"RatingPending\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_xp_awards_UserId_AwardedAt",
                table: "xp_awards");

            migrationBuilder.DropIndex(
                name: "IX_question_attempts_rating_pending",
                table: "question_attempts");

            migrationBuilder.DropColumn(
                name: "RatingPending",
                table: "question_attempts");
        }
    }
}
