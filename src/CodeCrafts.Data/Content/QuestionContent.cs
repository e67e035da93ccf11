using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeCrafts.Data.Content;

// The JSON stored in Question.OptionsJson, AnswerKeyJson, TestCasesJson and LimitsJson.
// The seeder writes these shapes and the graders read them, so they live beside the model.

public sealed record ChoiceOption(string Id, string Text);

/// <summary>What a learner may see besides the prompt.</summary>
public sealed record QuestionOptions
{
    public IReadOnlyList<ChoiceOption>? Choices { get; init; }
    public bool MultipleAnswers { get; init; }
    public int? BlankCount { get; init; }
}

public sealed record BlankKey(IReadOnlyList<string> Accepted, bool CaseSensitive);

/// <summary>How a question is graded. Never leaves the server before an answer is given.</summary>
public sealed record AnswerKey
{
    public IReadOnlyList<string>? CorrectOptionIds { get; init; }
    public IReadOnlyList<BlankKey>? Blanks { get; init; }
    public bool NormalizeWhitespace { get; init; } = true;
    public string? Back { get; init; }
    public string? ReferenceSolution { get; init; }
    public IReadOnlyList<string>? WrongSolutions { get; init; }
}

public sealed record CodeTestCase(string Stdin, string ExpectedStdout, bool Hidden);

public sealed record CodeLimits(double? CpuTimeSeconds, int? MemoryMb);

public static class ContentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored {typeof(T).Name} is null.");
}
