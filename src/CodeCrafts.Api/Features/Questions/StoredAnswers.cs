using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeCrafts.Api.Features.Questions;

/// <summary>
/// The one serializer setting for what attempts store (question_attempts.AnswerJson and ResultJson), whether a lesson
/// or a duel wrote them: web names, enums by name (numbers are still read, as older duel rows have them).
/// </summary>
public static class StoredAnswers
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Serialize(AnswerSubmission answer) => JsonSerializer.Serialize(answer, Json);

    /// <summary>The stored answer, or null when it does not parse as one: history shows what it can, and never fails.</summary>
    public static AnswerSubmission? TryRead(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<AnswerSubmission>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
