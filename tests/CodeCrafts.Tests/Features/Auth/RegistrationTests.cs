using System.Net;
using System.Net.Http.Json;
using System.Text;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Auth;

public sealed class RegistrationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task RegisteringAnswers201WithTheProfileATokenPairAndTheProfileLocation()
    {
        var email = AuthRequests.NewEmail();

        var response = await _client.RegisterAsync($"  {email.ToUpperInvariant()} ", displayName: " Grace ", timeZone: "Europe/Paris");
        var body = await response.ReadAsync<AuthResponse>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/users/me", response.Headers.Location?.OriginalString);
        Assert.Equal(email.ToUpperInvariant(), body.User.Email);
        Assert.Equal("Grace", body.User.DisplayName);
        Assert.Equal("Europe/Paris", body.User.TimeZone);
        Assert.False(string.IsNullOrEmpty(body.Tokens.AccessToken));
        Assert.False(string.IsNullOrEmpty(body.Tokens.RefreshToken));
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var stored = await db.Users.SingleAsync(u => u.Id == body.User.Id, TestContext.Current.CancellationToken);
        Assert.Equal(email, stored.NormalizedEmail);
    }

    [Fact]
    public async Task ATakenEmailIs409WhateverItsCaseAndSpacing()
    {
        var email = AuthRequests.NewEmail();
        await _client.RegisterOkAsync(email);

        var response = await _client.RegisterAsync($" {email.ToUpperInvariant()}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Email already registered", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task TwoConcurrentRegistrationsWithTheSameEmailGiveOne201AndOne409AndOneRow()
    {
        var email = AuthRequests.NewEmail();

        var responses = await Task.WhenAll(
            _client.RegisterAsync(email, displayName: "First"),
            _client.RegisterAsync(email.ToUpperInvariant(), displayName: "Second"));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        await responses.Single(r => r.StatusCode != HttpStatusCode.Created).AssertProblemAsync(HttpStatusCode.Conflict);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var users = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).ToListAsync(TestContext.Current.CancellationToken);
        var winner = Assert.Single(users);
        Assert.Single(await db.RefreshTokens.Where(t => t.UserId == winner).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PasswordHashesAreNotThePasswordAndDifferForTwoUsersWithTheSamePassword()
    {
        var first = await _client.RegisterOkAsync();
        var second = await _client.RegisterOkAsync();

        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var hashes = await db.Users.Where(u => u.Id == first.User.Id || u.Id == second.User.Id)
            .Select(u => u.PasswordHash).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, hashes.Count);
        Assert.NotEqual(hashes[0], hashes[1]);
        Assert.All(hashes, hash =>
        {
            Assert.DoesNotContain(AuthRequests.Password, hash, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(AuthRequests.Password)), hash, StringComparison.Ordinal);
            // Identity's v3 format (PBKDF2 with salt and iteration count) starts with a 0x01 marker byte.
            Assert.Equal(0x01, Convert.FromBase64String(hash)[0]);
        });
        var hasher = new PasswordHasher<Data.Entities.User>();
        Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(null!, hashes[0], AuthRequests.Password));
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadRegistrations()
    {
        var pad = new string('x', 70 * 1024);
        return new()
        {
            { "missing email", """{"password":"correct horse battery","displayName":"Ada"}""", HttpStatusCode.BadRequest, "email" },
            { "missing password", """{"email":"ada@example.org","displayName":"Ada"}""", HttpStatusCode.BadRequest, "password" },
            { "missing display name", """{"email":"ada@example.org","password":"correct horse battery"}""", HttpStatusCode.BadRequest, "displayName" },
            { "not an email", """{"email":"ada.example.org","password":"correct horse battery","displayName":"Ada"}""", HttpStatusCode.BadRequest, "email" },
            { "email with a space", """{"email":"ada lovelace@example.org","password":"correct horse battery","displayName":"Ada"}""", HttpStatusCode.BadRequest, "email" },
            { "email too long", $$"""{"email":"{{new string('a', 250)}}@example.org","password":"correct horse battery","displayName":"Ada"}""", HttpStatusCode.BadRequest, "email" },
            { "password of 7", """{"email":"ada@example.org","password":"1234567","displayName":"Ada"}""", HttpStatusCode.BadRequest, "password" },
            { "password of 129", $$"""{"email":"ada@example.org","password":"{{new string('p', 129)}}","displayName":"Ada"}""", HttpStatusCode.BadRequest, "password" },
            { "password equal to email", """{"email":"Ada@Example.org","password":"ada@example.org","displayName":"Ada"}""", HttpStatusCode.BadRequest, "password" },
            { "blank display name", """{"email":"ada@example.org","password":"correct horse battery","displayName":"   "}""", HttpStatusCode.BadRequest, "displayName" },
            { "display name of 65", $$"""{"email":"ada@example.org","password":"correct horse battery","displayName":"{{new string('d', 65)}}"}""", HttpStatusCode.BadRequest, "displayName" },
            { "unknown time zone", """{"email":"ada@example.org","password":"correct horse battery","displayName":"Ada","timeZone":"Mars/Olympus_Mons"}""", HttpStatusCode.BadRequest, "timeZone" },
            { "Windows time zone id", """{"email":"ada@example.org","password":"correct horse battery","displayName":"Ada","timeZone":"Romance Standard Time"}""", HttpStatusCode.BadRequest, "timeZone" },
            { "path as time zone", """{"email":"ada@example.org","password":"correct horse battery","displayName":"Ada","timeZone":"../../../etc/passwd"}""", HttpStatusCode.BadRequest, "timeZone" },
            { "null email", """{"email":null,"password":"correct horse battery","displayName":"Ada"}""", HttpStatusCode.BadRequest, "email" },
            { "null password", """{"email":"ada@example.org","password":null,"displayName":"Ada"}""", HttpStatusCode.BadRequest, "password" },
            { "null display name", """{"email":"ada@example.org","password":"correct horse battery","displayName":null}""", HttpStatusCode.BadRequest, "displayName" },
            { "number as email", """{"email":42,"password":"correct horse battery","displayName":"Ada"}""", HttpStatusCode.BadRequest, "email" },
            { "object as password", """{"email":"ada@example.org","password":{"value":"x"},"displayName":"Ada"}""", HttpStatusCode.BadRequest, "password" },
            { "unknown field", """{"email":"ada@example.org","password":"correct horse battery","displayName":"Ada","isAdmin":true}""", HttpStatusCode.BadRequest, "isAdmin" },
            { "malformed JSON", """{"email":"ada@example.org","password":""", HttpStatusCode.BadRequest, "" },
            { "JSON array", "[]", HttpStatusCode.BadRequest, "" },
            { "JSON null", "null", HttpStatusCode.BadRequest, "" },
            { "empty body", "", HttpStatusCode.BadRequest, "" },
            { "huge body", $$"""{"email":"ada@example.org","password":"correct horse battery","displayName":"Ada","pad":"{{pad}}"}""", HttpStatusCode.RequestEntityTooLarge, "" },
        };
    }

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task BadInputIsA4xxProblemDetailsNamingTheFieldAndWritesNothing(string rule, string json, HttpStatusCode status, string field)
    {
        var before = await CountRowsAsync();

        var response = await _client.PostJsonAsync("/api/auth/register", json);

        var problem = await response.AssertProblemAsync(status);
        if (field.Length > 0)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{rule}: expected an error for '{field}': {problem}");
        }
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimitIsRefusedWith413Too()
    {
        var json = $$"""{"email":"ada@example.org","password":"correct horse battery","displayName":"Ada","pad":"{{new string('x', 70 * 1024)}}"}""";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs415ProblemDetails()
    {
        var response = await _client.PostAsync("/api/auth/register",
            new StringContent("email=ada@example.org", Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    private async Task<(int Users, int Tokens)> CountRowsAsync()
    {
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        return (await db.Users.CountAsync(TestContext.Current.CancellationToken), await db.RefreshTokens.CountAsync(TestContext.Current.CancellationToken));
    }
}
