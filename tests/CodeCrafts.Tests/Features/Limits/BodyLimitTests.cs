using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CodeCrafts.Tests.Features.Auth;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Limits;

/// <summary>No endpoint takes Kestrel's 30 MB: each answers an oversized body with 413 problem details, never a 500.</summary>
public sealed class BodyLimitTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int SmallLimit = 16 * 1024;
    private const int CodeLimit = 128 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every route that takes a body, as the Api maps it (so a new endpoint is covered without editing this).</summary>
    private IReadOnlyList<(string Method, string Path)> RoutesWithABody() =>
        api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT" or "PATCH")
                .Select(m => (m, "/" + string.Join('/', (e.RoutePattern.RawText ?? "").Trim('/').Split('/')
                    .Select(segment => segment.StartsWith('{') ? Guid.NewGuid().ToString() : segment)))))
            .Distinct()
            .ToList();

    [Fact]
    public async Task EveryEndpointAnswersABodyOverItsLimitWith413ProblemDetails()
    {
        var learner = await api.CreateAsync();
        var routes = RoutesWithABody();
        Assert.Contains(("POST", "/api/auth/login"), routes);
        Assert.Contains(routes, r => r.Path.EndsWith("/attempts", StringComparison.Ordinal));

        foreach (var (method, path) in routes)
        {
            var limit = path is "/api/code/run" || path.EndsWith("/attempts", StringComparison.Ordinal) ? CodeLimit : SmallLimit;
            var json = $$"""{"pad":"{{new string('x', limit)}}"}""";
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            var response = await learner.Client.SendAsync(request, Ct);

            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{method} {path}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"at most {limit / 1024} KiB", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ALongProgramFitsTheCodeEndpointsBodyAndIsJudgedByTheCodeRuleNot413()
    {
        var learner = await api.CreateAsync();
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var question = await db.Questions.Where(q => q.Type == Data.Entities.QuestionType.Code).Select(q => q.Id).FirstAsync(Ct);

        // 70 Ki characters: over the 64 Ki a program may have, but well within the code endpoints' 128 KiB body.
        var response = await learner.Client.PostAsJsonAsync("/api/code/run", new { questionId = question, code = new string('#', 70 * 1024) }, Ct);

        await response.AssertValidationProblemAsync("code");
    }

    [Fact]
    public async Task AChunkedBodyOverTheCodeLimitIs413Too()
    {
        var learner = await api.CreateAsync();
        var json = $$"""{"questionId":"{{Guid.NewGuid()}}","code":"{{new string('x', CodeLimit)}}"}""";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/code/run") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await learner.Client.SendAsync(request, Ct);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
