using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CodeCrafts.CodeExecution.Judge0;

internal sealed record Judge0LanguageIds(int Python, int Cpp);

/// <summary>
/// Language ids differ between Judge0 deployments, so they are looked up by name in GET /languages
/// (the newest "Python (3.x)" and "C++ (GCC x)"), once; a failed look-up is tried again next time.
/// </summary>
internal sealed partial class Judge0Languages(Judge0Client client, IOptions<CodeExecutionOptions> options)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Judge0LanguageIds? _resolved;

    [GeneratedRegex(@"^Python \((3(?:\.\d+)*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Python();

    [GeneratedRegex(@"^C\+\+ \((?:GCC|g\+\+) (\d+(?:\.\d+)*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Cpp();

    public async Task<Judge0LanguageIds> ResolveAsync(CancellationToken cancellationToken)
    {
        if (_resolved is { } resolved)
        {
            return resolved;
        }
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return _resolved ??= await LookUpAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<Judge0LanguageIds> LookUpAsync(CancellationToken cancellationToken)
    {
        var pinned = options.Value.Judge0;
        if (pinned is { PythonLanguageId: { } python, CppLanguageId: { } cpp })
        {
            return new Judge0LanguageIds(python, cpp);
        }
        var languages = await client.GetLanguagesAsync(cancellationToken);
        return new Judge0LanguageIds(
            pinned.PythonLanguageId ?? Newest(languages, Python(), "Python (3.x)"),
            pinned.CppLanguageId ?? Newest(languages, Cpp(), "C++ (GCC …)"));
    }

    private static int Newest(IReadOnlyList<Judge0Language> languages, Regex pattern, string wanted) =>
        languages
            .Select(l => (l.Id, Match: pattern.Match(l.Name ?? "")))
            .Where(l => l.Match.Success && Version.TryParse(Pad(l.Match.Groups[1].Value), out _))
            .OrderByDescending(l => Version.Parse(Pad(l.Match.Groups[1].Value)))
            .Select(l => (int?)l.Id)
            .FirstOrDefault()
        ?? throw new Judge0ProtocolException($"GET /languages lists no {wanted}.");

    // Version needs at least "major.minor".
    private static string Pad(string version) => version.Contains('.', StringComparison.Ordinal) ? version : version + ".0";
}
