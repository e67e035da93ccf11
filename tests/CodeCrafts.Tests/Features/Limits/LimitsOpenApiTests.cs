using System.Text.Json;
using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Features.Limits;

/// <summary>A client reads the limits from the contract: each throttled operation's 429 names them and its Retry-After.</summary>
public sealed class LimitsOpenApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/api/auth/login", "logins per 60 s per client network")]
    [InlineData("/api/auth/login", "failed logins for one account from one network")]
    [InlineData("/api/auth/register", "registrations per 60 s per client network")]
    [InlineData("/api/code/run", "code run(s) at a time per learner")]
    [InlineData("/api/questions/{id}/attempts", "answers per 60 s per learner")]
    [InlineData("/api/questions/{id}/attempts", "code runs per 60 s per learner")]
    [InlineData("/api/duels", "duels created per 60 s per learner")]
    public async Task ThrottledOperationsDocumentTheir429WithTheLimitAndRetryAfter(string path, string limit)
    {
        var document = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;

        var tooMany = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("responses").GetProperty("429");

        Assert.Contains(limit, tooMany.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(tooMany.GetProperty("headers").TryGetProperty("Retry-After", out _));
    }
}
