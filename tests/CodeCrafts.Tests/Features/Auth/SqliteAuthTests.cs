using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Tests.Features.Auth;

/// <summary>The embedded mode (SQLite, no Redis) has its own unique-violation codes and date storage; the flows must hold there too.</summary>
public sealed class SqliteAuthTests
{
    [Fact]
    public async Task TheAccountFlowsWorkOnSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("codecrafts-sqlite-auth-").FullName;
        var url = $"sqlite:///{Path.Combine(folder, "codecrafts.db")}";
        var worker = await MigrationWorker.RunAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        Assert.True(worker.ExitCode == 0, worker.Output);
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        var client = api.CreateClient();
        var email = AuthRequests.NewEmail();

        var registered = await client.RegisterOkAsync(email);
        var duplicate = await client.RegisterAsync(email.ToUpperInvariant());
        var login = await (await client.LoginAsync(email)).ReadAsync<AuthResponse>();
        var rotated = await (await client.RefreshAsync(login.Tokens.RefreshToken)).ReadAsync<TokenPair>();
        var doubleSubmit = await (await client.RefreshAsync(login.Tokens.RefreshToken)).ReadAsync<TokenPair>();
        api.Time.Advance(TimeSpan.FromSeconds(api.Services.GetRequiredService<IOptions<JwtOptions>>().Value.RefreshReuseGraceSeconds + 1));
        var replay = await client.RefreshAsync(login.Tokens.RefreshToken);
        var afterReplay = await client.RefreshAsync(rotated.RefreshToken);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, "/api/users/me")
        {
            Content = new StringContent("""{"timeZone":"Asia/Tokyo","dailyXpGoal":75}""", Encoding.UTF8, "application/json"),
        };
        patch.Headers.Authorization = new AuthenticationHeaderValue("Bearer", registered.Tokens.AccessToken);
        var patched = await client.SendAsync(patch, TestContext.Current.CancellationToken);

        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(registered.User.Id, login.User.Id);
        Assert.Equal(rotated.RefreshToken, doubleSubmit.RefreshToken);
        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await afterReplay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
    }
}
