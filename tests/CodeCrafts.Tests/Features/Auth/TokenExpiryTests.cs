using System.Net;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Tests.Features.Auth;

/// <summary>Lifetimes follow the injected clock. This class moves its own Api's clock forward only.</summary>
public sealed class TokenExpiryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.CreateClient();
    private JwtOptions Jwt => api.Factory.Services.GetRequiredService<IOptions<JwtOptions>>().Value;

    [Fact]
    public async Task AnAccessTokenWorksUntilItsLifetimePlusSkewAndNotAfter()
    {
        var session = await _client.RegisterOkAsync();

        api.Factory.Time.Advance(TimeSpan.FromMinutes(Jwt.AccessTokenMinutes) - TimeSpan.FromSeconds(1));
        var justBefore = await _client.GetMeAsync(session.Tokens.AccessToken);
        api.Factory.Time.Advance(TimeSpan.FromSeconds(Jwt.ClockSkewSeconds + 2));
        var after = await _client.GetMeAsync(session.Tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, justBefore.StatusCode);
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnExpiredRefreshTokenIsRefusedAndDoesNotCountAsReuse()
    {
        var session = await _client.RegisterOkAsync();
        Assert.Equal(api.Factory.Time.GetUtcNow().AddDays(Jwt.RefreshTokenDays), session.Tokens.RefreshTokenExpiresAt);

        api.Factory.Time.Advance(TimeSpan.FromDays(Jwt.RefreshTokenDays) + TimeSpan.FromSeconds(1));
        var response = await _client.RefreshAsync(session.Tokens.RefreshToken);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
