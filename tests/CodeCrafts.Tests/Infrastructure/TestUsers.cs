using System.Net.Http.Headers;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Infrastructure;

public sealed record TestUser(Guid Id, string Email, HttpClient Client);

/// <summary>
/// Learners for tests of features other than sign-up: a row written straight to the database and a
/// real access token from the Api's own issuer, so the whole bearer pipeline still validates it.
/// </summary>
public static class TestUsers
{
    public static async Task<TestUser> CreateAsync(this ApiFixture api, string? timeZone = null, string? displayName = null)
    {
        using var scope = api.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
        var now = api.Factory.Time.GetUtcNow();
        var email = $"learner-{Guid.NewGuid():N}@example.test";
        var user = new User
        {
            Email = email,
            NormalizedEmail = email,
            // Not a usable hash: these users never log in with a password.
            PasswordHash = "!",
            DisplayName = displayName ?? "Learner " + email[8..14],
            TimeZoneId = timeZone ?? "Etc/UTC",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();

        var token = scope.ServiceProvider.GetRequiredService<AccessTokenIssuer>().Issue(user.Id, user.DisplayName);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return new TestUser(user.Id, email, client);
    }
}
