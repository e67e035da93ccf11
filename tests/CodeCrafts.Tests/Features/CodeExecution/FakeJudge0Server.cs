using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeCrafts.CodeExecution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeCrafts.Tests.Features.CodeExecution;

/// <summary>What the fake received for one submission, decoded.</summary>
internal sealed record ReceivedSubmission(
    int LanguageId, string Source, string Stdin, string ExpectedOutput,
    double CpuTimeLimit, double WallTimeLimit, int MemoryLimit, string? CompilerOptions, string? AuthToken);

/// <summary>
/// A Judge0 CE look-alike on loopback, following the documented API: GET /languages, POST and GET
/// /submissions/batch with tokens and base64_encoded, statuses In Queue → Processing → a result.
/// It "runs" a program by echoing its input, unless the source says <c>#status:N</c>.
/// </summary>
internal sealed class FakeJudge0Server : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (ReceivedSubmission Submission, int Polls)> _submissions = new();
    private int _failPosts;

    private FakeJudge0Server(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public ConcurrentQueue<ReceivedSubmission> Received { get; } = new();

    public int LanguageRequests;
    public int PostAttempts;
    public int BatchPolls;

    /// <summary>Answer this many of the next POSTs with 503.</summary>
    public int FailPosts { set => Volatile.Write(ref _failPosts, value); }

    public bool MalformedBatches { get; set; }

    public bool NeverFinish { get; set; }

    public static async Task<FakeJudge0Server> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeJudge0Server(app);
        app.MapGet("/languages", server.Languages);
        app.MapPost("/submissions/batch", (Func<HttpContext, Task<IResult>>)server.CreateAsync);
        app.MapGet("/submissions/batch", server.Show);
        await app.StartAsync();
        server.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IResult Languages()
    {
        Interlocked.Increment(ref LanguageRequests);
        return Results.Json(new object[]
        {
            new { id = 50, name = "C (GCC 9.2.0)" },
            new { id = 52, name = "C++ (GCC 7.4.0)" },
            new { id = 54, name = "C++ (GCC 9.2.0)" },
            new { id = 10, name = "C++ (g++ 7.2.0)" },
            new { id = 76, name = "C++ (Clang 7.0.1)" },
            new { id = 70, name = "Python (2.7.17)" },
            new { id = 71, name = "Python (3.8.1)" },
            new { id = 92, name = "Python (3.11.2)" },
            new { id = 25, name = "Python for ML (3.12.5)" },
        });
    }

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        Interlocked.Increment(ref PostAttempts);
        if (Interlocked.Decrement(ref _failPosts) >= 0)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (context.Request.Query["base64_encoded"] != "true")
        {
            return Results.BadRequest(new { error = "this fake only speaks base64" });
        }
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var tokens = new List<object>();
        foreach (var s in body!["submissions"]!.AsArray())
        {
            var received = new ReceivedSubmission(
                s!["language_id"]!.GetValue<int>(),
                Decode(s["source_code"]), Decode(s["stdin"]), Decode(s["expected_output"]),
                s["cpu_time_limit"]!.GetValue<double>(), s["wall_time_limit"]!.GetValue<double>(), s["memory_limit"]!.GetValue<int>(),
                s["compiler_options"]?.GetValue<string>(), context.Request.Headers["X-Auth-Token"].FirstOrDefault());
            Received.Enqueue(received);
            var token = Guid.NewGuid().ToString();
            _submissions[token] = (received, 0);
            tokens.Add(new { token });
        }
        return Results.Json(tokens, statusCode: StatusCodes.Status201Created);
    }

    private IResult Show(HttpContext context)
    {
        Interlocked.Increment(ref BatchPolls);
        if (MalformedBatches)
        {
            return Results.Text("{\"submissions\": [{\"token\": ", "application/json");
        }
        var query = context.Request.Query;
        if (query["base64_encoded"] != "true" || string.IsNullOrEmpty(query["fields"]))
        {
            return Results.BadRequest();
        }
        var results = query["tokens"].ToString().Split(',').Select(token =>
        {
            var (submission, polls) = _submissions.AddOrUpdate(token, _ => throw new InvalidOperationException("unknown token"), (_, s) => (s.Submission, s.Polls + 1));
            return Result(token, submission, polls);
        }).ToList();
        return Results.Json(new { submissions = results });
    }

    private object Result(string token, ReceivedSubmission submission, int polls)
    {
        if (polls == 1 || NeverFinish)
        {
            return new { token, status = new { id = 1, description = "In Queue" }, stdout = (string?)null };
        }
        if (polls == 2)
        {
            return new { token, status = new { id = 2, description = "Processing" }, stdout = (string?)null };
        }
        var match = Regex.Match(submission.Source, @"#status:(\d+)");
        var forced = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var status = forced > 0 ? forced : OutputComparer.Matches(submission.ExpectedOutput, submission.Stdin) ? 3 : 4;
        return new
        {
            token,
            status = new { id = status, description = Description(status) },
            stdout = Encode(forced > 0 ? "" : submission.Stdin),
            stderr = Encode(status is >= 7 and <= 12 ? submission.Source.Contains("MemoryError", StringComparison.Ordinal) ? "MemoryError\n" : "Traceback: boom\n" : ""),
            compile_output = status == 6 ? Encode("main.cpp:1:1: error: nope\n") : null,
            message = status == 13 ? Encode("isolate crashed") : null,
            time = "0.012",
            memory = 3456,
        };
    }

    private static string Description(int status) => status switch
    {
        3 => "Accepted",
        4 => "Wrong Answer",
        5 => "Time Limit Exceeded",
        6 => "Compilation Error",
        7 => "Runtime Error (SIGSEGV)",
        8 => "Runtime Error (SIGXFSZ)",
        9 => "Runtime Error (SIGFPE)",
        10 => "Runtime Error (SIGABRT)",
        11 => "Runtime Error (NZEC)",
        12 => "Runtime Error (Other)",
        13 => "Internal Error",
        _ => "Exec Format Error",
    };

    private static string Decode(JsonNode? node) => node is null ? "" : Encoding.UTF8.GetString(Convert.FromBase64String(node.GetValue<string>()));

    /// <summary>As Ruby's Base64.encode64 does it: a line break every 60 characters and at the end.</summary>
    private static string Encode(string text)
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        return string.Concat(base64.Chunk(60).Select(line => new string(line) + "\n"));
    }
}
