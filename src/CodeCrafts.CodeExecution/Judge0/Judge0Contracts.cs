using System.Text.Json.Serialization;

namespace CodeCrafts.CodeExecution.Judge0;

// The documented Judge0 CE wire format (snake_case). Text fields travel Base64-encoded
// (base64_encoded=true), so any byte a learner's program prints survives the JSON.

internal sealed record Judge0Language(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("name")] string? Name);

internal sealed record Judge0Submission
{
    [JsonPropertyName("language_id")] public required int LanguageId { get; init; }
    [JsonPropertyName("source_code")] public required string SourceCode { get; init; }
    [JsonPropertyName("stdin")] public required string Stdin { get; init; }
    [JsonPropertyName("expected_output")] public required string ExpectedOutput { get; init; }
    [JsonPropertyName("cpu_time_limit")] public required double CpuTimeLimit { get; init; }
    [JsonPropertyName("wall_time_limit")] public required double WallTimeLimit { get; init; }
    /// <summary>Kilobytes.</summary>
    [JsonPropertyName("memory_limit")] public required int MemoryLimit { get; init; }
    [JsonPropertyName("compiler_options")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CompilerOptions { get; init; }
}

internal sealed record Judge0BatchRequest([property: JsonPropertyName("submissions")] IReadOnlyList<Judge0Submission> Submissions);

internal sealed record Judge0Token([property: JsonPropertyName("token")] string? Token);

internal sealed record Judge0Status(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("description")] string? Description);

internal sealed record Judge0Result
{
    public const string Fields = "token,status,stdout,stderr,compile_output,message,time,memory";

    [JsonPropertyName("token")] public string? Token { get; init; }
    [JsonPropertyName("status")] public Judge0Status? Status { get; init; }
    [JsonPropertyName("stdout")] public string? Stdout { get; init; }
    [JsonPropertyName("stderr")] public string? Stderr { get; init; }
    [JsonPropertyName("compile_output")] public string? CompileOutput { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    /// <summary>CPU seconds; Judge0 sends it as a string ("0.002").</summary>
    [JsonPropertyName("time")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? Time { get; init; }
    /// <summary>Kilobytes.</summary>
    [JsonPropertyName("memory")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? Memory { get; init; }
}

internal sealed record Judge0BatchResult([property: JsonPropertyName("submissions")] IReadOnlyList<Judge0Result?>? Submissions);
