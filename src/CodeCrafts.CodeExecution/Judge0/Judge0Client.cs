using System.Net.Http.Json;
using System.Text.Json;

namespace CodeCrafts.CodeExecution.Judge0;

/// <summary>A malformed or unexpected answer from Judge0: never the learner's fault, always an internal error.</summary>
internal sealed class Judge0ProtocolException(string message) : Exception(message);

/// <summary>
/// The three Judge0 CE endpoints the runner needs. The HttpClient comes from the factory with the
/// standard resilience handler, so timeouts, 429 and 5xx are retried with back-off before they get here.
/// </summary>
internal sealed class Judge0Client(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "judge0";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<Judge0Language>> GetLanguagesAsync(CancellationToken cancellationToken)
    {
        using var response = await Http().GetAsync("languages", cancellationToken);
        return await ReadAsync<List<Judge0Language>>(response, "GET /languages", cancellationToken);
    }

    public async Task<IReadOnlyList<string>> CreateBatchAsync(IReadOnlyList<Judge0Submission> submissions, CancellationToken cancellationToken)
    {
        using var response = await Http().PostAsJsonAsync("submissions/batch?base64_encoded=true", new Judge0BatchRequest(submissions), Json, cancellationToken);
        var tokens = await ReadAsync<List<Judge0Token?>>(response, "POST /submissions/batch", cancellationToken);
        if (tokens.Count != submissions.Count || tokens.Any(t => string.IsNullOrWhiteSpace(t?.Token)))
        {
            throw new Judge0ProtocolException($"POST /submissions/batch answered {tokens.Count} tokens for {submissions.Count} submissions, or a submission was rejected.");
        }
        return tokens.Select(t => t!.Token!).ToList();
    }

    public async Task<IReadOnlyList<Judge0Result>> GetBatchAsync(IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        var list = string.Join(',', tokens.Select(Uri.EscapeDataString));
        var url = $"submissions/batch?tokens={list}&base64_encoded=true&fields={Judge0Result.Fields}";
        using var response = await Http().GetAsync(url, cancellationToken);
        var batch = await ReadAsync<Judge0BatchResult>(response, "GET /submissions/batch", cancellationToken);
        if (batch.Submissions is not { } results || results.Count != tokens.Count || results.Any(r => r?.Status is null))
        {
            throw new Judge0ProtocolException("GET /submissions/batch did not answer one submission with a status per token.");
        }
        return results!;
    }

    // From the factory per call, so handler rotation (DNS changes) reaches a singleton runner too.
    private HttpClient Http() => httpClients.CreateClient(HttpClientName);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string call, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new Judge0ProtocolException($"{call} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new Judge0ProtocolException($"{call} answered null.");
        }
        catch (JsonException ex)
        {
            throw new Judge0ProtocolException($"{call} answered malformed JSON ({ex.Message}).");
        }
    }
}
