using CodeCrafts.Api;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Infrastructure;

/// <summary>A learner of a test, with a client that signs every request as them.</summary>
public sealed record TestUser(Guid Id, string Email, HttpClient Client);

/// <summary>
/// Learners for tests of features other than sign-up: a row written straight to the database, and a client whose
/// requests carry real access tokens (<see cref="SignedInHandler"/>).
/// </summary>
public static class TestUsers
{
    public static Task<TestUser> CreateAsync(this ApiFixture api, string? timeZone = null, string? displayName = null) =>
        api.Factory.CreateUserAsync(timeZone, displayName);

    /// <summary>The same on a given host, e.g. a second replica over the same database and Redis.</summary>
    public static async Task<TestUser> CreateUserAsync(this WebApplicationFactory<ApiAssembly> host, string? timeZone = null, string? displayName = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
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
        return new TestUser(user.Id, email, host.ClientFor(user.Id, user.DisplayName));
    }

    /// <summary>A client whose every request is signed as <paramref name="userId"/> by the host's own issuer.</summary>
    public static HttpClient ClientFor(this WebApplicationFactory<ApiAssembly> host, Guid userId, string displayName = "Learner") =>
        host.CreateDefaultClient(SignedInHandler.For(host.Services, userId, displayName));

    public static HttpClient ClientFor(this ApiFixture api, Guid userId) => api.Factory.ClientFor(userId);
}
