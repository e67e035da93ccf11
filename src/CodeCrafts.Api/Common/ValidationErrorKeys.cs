using System.Text.Json;

namespace CodeCrafts.Api.Common;

/// <summary>
/// Validation errors are keyed by the field's name on the wire (camelCase, as the client sent it), not by
/// the C# property: the DataAnnotations validation of .NET 10 reports "DailyXpGoal" for the JSON field "dailyXpGoal".
/// </summary>
internal static class ValidationErrorKeys
{
    public static void UseJsonNames(HttpValidationProblemDetails problem)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, messages) in problem.Errors)
        {
            var name = string.Join('.', key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
            errors[name] = errors.TryGetValue(name, out var existing) ? [.. existing, .. messages] : messages;
        }
        problem.Errors = errors;
    }
}
