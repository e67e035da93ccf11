namespace CodeCrafts.Api.Common.InputHygiene;

/// <summary>
/// Marks a string as program source: every character is kept as the learner typed it (tabs, form feeds, escape
/// sequences in string literals) except NUL, which PostgreSQL cannot store in text.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SourceCodeAttribute : Attribute;

internal enum TextRule
{
    /// <summary>Every other string: names, emails, passwords, ids, keys, answers. No control character at all.</summary>
    SingleLine,

    /// <summary>Program source: only NUL is refused.</summary>
    SourceCode,
}

/// <summary>
/// What a string field may contain. Control characters are C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F), as
/// <see cref="char.IsControl(char)"/> defines them. No field of the contract is legitimately multi-line prose, so tab,
/// CR and LF are refused as well everywhere except in source code.
/// </summary>
internal static class TextRules
{
    public const string ControlCharacters = "Control characters (U+0000–U+001F, U+007F–U+009F) are not allowed in this field";
    public const string Nul = "The NUL character (U+0000) is not allowed";

    /// <summary>The rule the value breaks, with the first offending character; null when it is clean.</summary>
    public static string? Violation(string value, TextRule rule)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                return $"{Nul}: found at position {i}.";
            }
            if (rule == TextRule.SingleLine && char.IsControl(c))
            {
                return $"{ControlCharacters}: found U+{(int)c:X4} at position {i}.";
            }
        }
        return null;
    }
}
