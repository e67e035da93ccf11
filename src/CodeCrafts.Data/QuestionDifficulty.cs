namespace CodeCrafts.Data;

/// <summary>
/// Question difficulty on the Elo scale that duel bots and ratings use: difficulty 1 is 1000,
/// each step adds 200, so a 1500 player answers a difficulty-3 question (1400) about 64% of the time.
/// </summary>
public static class QuestionDifficulty
{
    public static double InitialRating(int difficulty) => 800 + (200 * difficulty);
}
