using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeCrafts.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PracticeWrongIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_question_attempts_practice_wrong",
                table: "question_attempts",
                columns: new[] { "UserId", "QuestionId", "CreatedAt" },
                filter: "NOT \"IsCorrect\" AND \"DuelId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_question_attempts_practice_wrong",
                table: "question_attempts");
        }
    }
}
