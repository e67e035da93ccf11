using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Tests.Features.Auth;

public sealed class LoginTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task LoginIgnoresTheCaseAndSpacesOfTheEmail()
    {
        var email = AuthRequests.NewEmail();
        await _client.RegisterOkAsync(email);

        var response = await _client.LoginAsync($"  {email.ToUpperInvariant()}  ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownEmailGetTheSame401()
    {
        var email = AuthRequests.NewEmail();
        await _client.RegisterOkAsync(email);

        var wrongPassword = await _client.LoginAsync(email, "not the password");
        var unknownEmail = await _client.LoginAsync(AuthRequests.NewEmail(), "not the password");

        var first = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownEmail.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(WithoutRequestIds(first), WithoutRequestIds(second));
    }

    [Fact]
    public async Task AnAccountWithoutAPasswordCannotBeLoggedIntoAndDoesNotFail500()
    {
        var user = await api.CreateAsync();

        var response = await _client.LoginAsync(user.Email, "!");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EachLoginStartsItsOwnSession()
    {
        var email = AuthRequests.NewEmail();
        var registered = await _client.RegisterOkAsync(email);

        var login = await (await _client.LoginAsync(email)).ReadAsync<AuthResponse>();

        Assert.NotEqual(registered.Tokens.RefreshToken, login.Tokens.RefreshToken);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var families = await db.RefreshTokens.Where(t => t.UserId == registered.User.Id).Select(t => t.FamilyId).Distinct()
            .CountAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, families);
    }

    [Fact]
    public async Task AHashWithAnOutdatedWorkFactorIsUpgradedAtTheNextSuccessfulLogin()
    {
        var user = await api.CreateAsync();
        var weak = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        await using (var db = TestDb.Open(api.DatabaseConnectionString))
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(
                s => s.SetProperty(u => u.PasswordHash, weak.HashPassword(null!, AuthRequests.Password)), TestContext.Current.CancellationToken);
        }

        var response = await _client.LoginAsync(user.Email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var check = TestDb.Open(api.DatabaseConnectionString);
        var upgraded = await check.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(100_000, BinaryPrimitives.ReadInt32BigEndian(Convert.FromBase64String(upgraded).AsSpan(5, 4)));
        Assert.Equal(HttpStatusCode.OK, (await _client.LoginAsync(user.Email)).StatusCode);
    }

    public static TheoryData<string, string> BadLogins() => new()
    {
        { """{"email":null,"password":"whatever-it-is"}""", "email" },
        { """{"password":"whatever-it-is"}""", "email" },
        { """{"email":"ada@example.org"}""", "password" },
        { """{"email":"ada@example.org","password":12345678}""", "password" },
        { """{"email":"ada@example.org","password":"whatever-it-is","remember":true}""", "remember" },
    };

    [Theory]
    [MemberData(nameof(BadLogins))]
    public async Task ABadLoginBodyIsAValidationProblemNamingTheField(string json, string field)
    {
        var response = await _client.PostJsonAsync("/api/auth/login", json);

        await response.AssertValidationProblemAsync(field);
    }

    // traceId and instance differ per request by design; everything a client can act on must not.
    private static string WithoutRequestIds(JsonElement problem) =>
        JsonSerializer.Serialize(problem.EnumerateObject()
            .Where(p => p.Name is not ("traceId" or "instance"))
            .ToDictionary(p => p.Name, p => p.Value.ToString()));
}
