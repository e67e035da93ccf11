using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeCrafts.Tests.Features.Auth;
using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Foundation;

/// <summary>
/// Every string and enum input of every operation in the live OpenAPI document, fed control characters, numbers for
/// enum names and undefined names: never a 5xx, always a 400 problem details that names the field.
/// </summary>
public sealed class InputHygieneTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    // A valid request per operation that takes strings or enums; the poisoned value replaces one field of it.
    private static readonly Dictionary<string, (string Path, string? Body)> Baselines = new()
    {
        ["Register"] = ("/api/auth/register", """{"email":"ada@example.org","password":"correct horse battery staple","displayName":"Ada","timeZone":"Europe/Paris"}"""),
        ["Login"] = ("/api/auth/login", """{"email":"ada@example.org","password":"correct horse battery staple"}"""),
        ["Refresh"] = ("/api/auth/refresh", """{"refreshToken":"bm90LWEtcmVhbC10b2tlbg"}"""),
        ["Logout"] = ("/api/auth/logout", """{"refreshToken":"bm90LWEtcmVhbC10b2tlbg"}"""),
        ["UpdateMyProfile"] = ("/api/users/me", """{"displayName":"Ada","timeZone":"Europe/Paris","dailyXpGoal":50}"""),
        ["ListLessons"] = ("/api/lessons?language=python", null),
        ["SubmitAttempt"] = ($"/api/questions/{Guid.NewGuid()}/attempts", """{"answer":{"blanks":["x"]},"timeTakenMs":1000,"idempotencyKey":"key-1"}"""),
        ["GetDueReviews"] = ($"/api/reviews/due?language=python&lessonId={Guid.NewGuid()}", null),
        ["GetLeaderboard"] = ("/api/leaderboards/xp?period=weekly", null),
        ["CreateDuel"] = ("/api/duels", """{"opponent":"bot","language":"Python","questionCount":3}"""),
        ["ListDuels"] = ("/api/duels?status=active", null),
        ["AnswerDuelQuestion"] = ($"/api/duels/{Guid.NewGuid()}/answers", """{"position":1,"answer":{"blanks":["x"]}}"""),
        ["RunCode"] = ("/api/code/run", $$"""{"questionId":"{{Guid.NewGuid()}}","code":"print(1)"}"""),
    };

    private static readonly string[] ControlStrings = ["\0", "ada\0", "a\u0001b", "\u001b[31m", "tab\there", "two\nlines", "cr\r", "del\u007f", "c1\u0085"];

    // Raw JSON: numbers for an enum (defined or not), a numeric string, a name no member has.
    private static readonly string[] BadEnums = ["7", "1", "-1", "2147483648", "\"7\"", "\"1\"", "\"NoSuchName\""];

    [Fact]
    public async Task EveryStringAndEnumInputOfEveryOperationRefusesBadValuesWithA400NamingTheField()
    {
        var ct = TestContext.Current.CancellationToken;
        var document = await (await api.CreateAsync()).Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", ct);
        var inputs = OpenApiInputs.From(document).ToList();
        var failures = new List<string>();
        var requests = 0;

        Assert.DoesNotContain(inputs, i => !Baselines.ContainsKey(i.OperationId));
        Assert.Contains(inputs, i => i is { OperationId: "Login", Field: "email" });
        Assert.Contains(inputs, i => i is { OperationId: "CreateDuel", Field: "language", IsEnum: true });
        Assert.Contains(inputs, i => i is { OperationId: "SubmitAttempt", Field: "answer.blanks[0]" });
        foreach (var input in inputs)
        {
            // A learner per input: per-learner limits of one input's requests must not throttle the next.
            var client = (await api.CreateAsync()).Client;
            var cases = input.IsEnum ? BadEnums.Select(raw => (Raw: raw, Refused: true))
                : ControlStrings
                    // A NUL in the path never reaches the Api: the server's URL decoder refuses the request line itself.
                    .Where(s => input.Location != InputLocation.Path || !s.Contains('\0'))
                    .Select(s => (Raw: JsonSerializer.Serialize(s), Refused: !input.IsCode || s.Contains('\0')));
            foreach (var (raw, refused) in cases)
            {
                requests++;
                using var response = await client.SendAsync(Poisoned(input, raw), ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                var label = $"{input.OperationId} {input.Field} = {raw}: {(int)response.StatusCode}";
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{label} (server error) {body}");
                }
                else if (refused && !NamesField(response, body, input.Field))
                {
                    failures.Add($"{label}, expected 400 naming '{input.Field}': {body}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests misbehaved:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public async Task SourceCodeKeepsTabsAndNewlinesButRefusesNul()
    {
        var client = (await api.CreateAsync()).Client;
        var ct = TestContext.Current.CancellationToken;
        var question = Guid.NewGuid();

        var withTabs = await client.PostAsJsonAsync("/api/code/run", new { questionId = question, code = "def f():\n\treturn 1\r\n\f" }, ct);
        var withNul = await client.PostAsJsonAsync("/api/code/run", new { questionId = question, code = "print(1)\0" }, ct);

        // The unknown question proves the tabbed source passed the input check and reached the handler.
        await withTabs.AssertProblemAsync(HttpStatusCode.NotFound);
        await withNul.AssertValidationProblemAsync("code");
        Assert.Contains("NUL", await withNul.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANulInTheLoginEmailIsA400ThatNamesTheFieldAndTheRule()
    {
        var client = api.CreateClient();

        var response = await client.LoginAsync("ada\0@example.org");

        await response.AssertValidationProblemAsync("email");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Contains("U+0000", problem.GetProperty("errors").GetProperty("email")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANumericLanguageInADuelRequestIsA400ThatListsTheNames()
    {
        var client = (await api.CreateAsync()).Client;

        var response = await client.PostJsonAsync("/api/duels", """{"opponent":"matchmaking","language":7}""");

        await response.AssertValidationProblemAsync("language");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Contains("Python", problem.GetProperty("errors").GetProperty("language")[0].GetString(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Poisoned(OperationInput input, string raw)
    {
        var (path, body) = Baselines[input.OperationId];
        var route = input.Location == InputLocation.Path
            ? path.Replace("/xp", "/" + Uri.EscapeDataString(JsonSerializer.Deserialize<string>(raw)!), StringComparison.Ordinal)
            : input.Location == InputLocation.Query ? WithQuery(path, input.Field, JsonNode.Parse(raw)!.ToString()) : path;
        var request = new HttpRequestMessage(new HttpMethod(input.Method), route);
        if (body is not null)
        {
            var json = JsonNode.Parse(body)!;
            if (input.Location == InputLocation.Body)
            {
                Set(json, input.Field, JsonNode.Parse(raw));
            }
            request.Content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");
        }
        return request;
    }

    private static string WithQuery(string path, string name, string value)
    {
        var (route, query) = path.Split('?') is [var r, var q] ? (r, q) : (path, "");
        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith(name + "=", StringComparison.Ordinal));
        return $"{route}?{string.Join('&', pairs.Append($"{name}={Uri.EscapeDataString(value)}"))}";
    }

    /// <summary>Sets "a.b[0]" in a JSON tree, creating the objects and arrays on the way.</summary>
    private static void Set(JsonNode root, string field, JsonNode? value)
    {
        var node = root;
        var segments = field.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var isLast = i == segments.Length - 1;
            var name = segments[i].Replace("[0]", "", StringComparison.Ordinal);
            var isArray = segments[i].EndsWith("[0]", StringComparison.Ordinal);
            var obj = node.AsObject();
            if (isArray)
            {
                obj[name] = new JsonArray(isLast ? value : new JsonObject());
                node = obj[name]!.AsArray()[0]!;
            }
            else if (isLast)
            {
                obj[name] = value;
            }
            else
            {
                node = obj[name] ??= new JsonObject();
            }
        }
    }

    private static bool NamesField(HttpResponseMessage response, string body, string field)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }
        var problem = JsonDocument.Parse(body).RootElement;
        return problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0;
    }
}
