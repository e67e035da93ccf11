using System.Text.RegularExpressions;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>A one-line preview of a question's prompt for lists: the prose before any code block, shortened.</summary>
internal static partial class PromptSummary
{
    public const int MaxLength = 120;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string Of(string prompt)
    {
        var fence = prompt.IndexOf("```", StringComparison.Ordinal);
        var prose = fence > 0 ? prompt[..fence] : prompt;
        var text = Whitespace().Replace(prose, " ").Trim().TrimEnd(':').Trim();
        if (text.Length <= MaxLength)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', MaxLength - 1);
        return string.Concat(text.AsSpan(0, cut > MaxLength / 2 ? cut : MaxLength - 1), "…");
    }
}
