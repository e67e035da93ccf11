namespace CodeCrafts.CodeExecution;

/// <summary>
/// Compares a program's output with the expected output the way Judge0 does: trailing whitespace on
/// each line and trailing blank lines do not matter; everything else, leading spaces included, does.
/// </summary>
public static class OutputComparer
{
    public static bool Matches(string expected, string actual) =>
        Normalize(expected).SequenceEqual(Normalize(actual), StringComparer.Ordinal);

    private static List<string> Normalize(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }
}
