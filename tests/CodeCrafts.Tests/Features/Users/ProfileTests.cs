using System.Net;
using System.Net.Http.Json;
using System.Text;
using CodeCrafts.Api.Features.Users;
using CodeCrafts.Tests.Features.Auth;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Tests.Features.Users;

public sealed class ProfileTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task EachLearnerSeesOnlyTheirOwnProfile()
    {
        var ada = await api.CreateAsync(displayName: "Ada");
        var alan = await api.CreateAsync(displayName: "Alan");

        var adaSees = await ada.Client.GetFromJsonAsync<UserProfile>("/api/users/me", TestContext.Current.CancellationToken);
        var alanSees = await alan.Client.GetFromJsonAsync<UserProfile>("/api/users/me", TestContext.Current.CancellationToken);
        var byId = await ada.Client.GetAsync($"/api/users/{alan.Id}", TestContext.Current.CancellationToken);

        Assert.Equal((ada.Id, ada.Email, "Ada"), (adaSees!.Id, adaSees.Email, adaSees.DisplayName));
        Assert.Equal((alan.Id, alan.Email, "Alan"), (alanSees!.Id, alanSees.Email, alanSees.DisplayName));
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
    }

    [Fact]
    public async Task PatchChangesOnlyTheFieldsSentAndOnlyTheCallersRow()
    {
        var ada = await api.CreateAsync(displayName: "Ada");
        var alan = await api.CreateAsync(displayName: "Alan");

        var response = await PatchAsync(ada.Client, """{"timeZone":"America/Sao_Paulo","dailyXpGoal":120}""");
        var patched = await response.ReadAsync<UserProfile>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Ada", "America/Sao_Paulo", 120), (patched.DisplayName, patched.TimeZone, patched.DailyXpGoal));
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == ada.Id, TestContext.Current.CancellationToken);
        var untouched = await db.Users.AsNoTracking().SingleAsync(u => u.Id == alan.Id, TestContext.Current.CancellationToken);
        Assert.Equal(("America/Sao_Paulo", 120), (stored.TimeZoneId, stored.DailyXpGoal));
        Assert.Equal(("Alan", "Etc/UTC", 50), (untouched.DisplayName, untouched.TimeZoneId, untouched.DailyXpGoal));
    }

    [Fact]
    public async Task TheDisplayNameIsTrimmed()
    {
        var ada = await api.CreateAsync();

        var patched = await (await PatchAsync(ada.Client, """{"displayName":"  Countess  "}""")).ReadAsync<UserProfile>();

        Assert.Equal("Countess", patched.DisplayName);
    }

    [Fact]
    public async Task ConcurrentPatchesOfDifferentFieldsBothStick()
    {
        var ada = await api.CreateAsync();

        await Task.WhenAll(
            PatchAsync(ada.Client, """{"displayName":"Lovelace"}"""),
            PatchAsync(ada.Client, """{"dailyXpGoal":300}"""),
            PatchAsync(ada.Client, """{"timeZone":"Asia/Tokyo"}"""));

        var profile = await ada.Client.GetFromJsonAsync<UserProfile>("/api/users/me", TestContext.Current.CancellationToken);
        Assert.Equal(("Lovelace", 300, "Asia/Tokyo"), (profile!.DisplayName, profile.DailyXpGoal, profile.TimeZone));
    }

    [Theory]
    [InlineData("""{"displayName":""}""", "displayName")]
    [InlineData("""{"displayName":"   "}""", "displayName")]
    [InlineData("""{"displayName":"12345678901234567890123456789012345678901234567890123456789012345"}""", "displayName")]
    [InlineData("""{"timeZone":"Nowhere/Special"}""", "timeZone")]
    [InlineData("""{"timeZone":"Pacific Standard Time"}""", "timeZone")]
    [InlineData("""{"timeZone":""}""", "timeZone")]
    [InlineData("""{"dailyXpGoal":0}""", "dailyXpGoal")]
    [InlineData("""{"dailyXpGoal":10001}""", "dailyXpGoal")]
    [InlineData("""{"dailyXpGoal":"lots"}""", "dailyXpGoal")]
    [InlineData("""{"dailyXpGoal":1.5}""", "dailyXpGoal")]
    [InlineData("""{"dailyXpGoal":"120"}""", "dailyXpGoal")]
    [InlineData("""{"displayName":["Ada"]}""", "displayName")]
    [InlineData("""{"xp":1000000}""", "xp")]
    [InlineData("""{"email":"someone-else@example.org"}""", "email")]
    public async Task AnInvalidPatchIsAValidationProblemAndChangesNothing(string json, string field)
    {
        var ada = await api.CreateAsync(displayName: "Ada");

        var response = await PatchAsync(ada.Client, json);

        await response.AssertValidationProblemAsync(field);
        await using var db = TestDb.Open(api.DatabaseConnectionString);
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == ada.Id, TestContext.Current.CancellationToken);
        Assert.Equal(("Ada", "Etc/UTC", 50, 0L), (stored.DisplayName, stored.TimeZoneId, stored.DailyXpGoal, stored.Xp));
        Assert.Equal(ada.Email, stored.Email);
    }

    [Theory]
    [InlineData("Etc/UTC")]
    [InlineData("UTC")]
    [InlineData("Europe/Paris")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("Asia/Kathmandu")]
    public async Task AnyIanaTimeZoneIsAccepted(string zone)
    {
        var ada = await api.CreateAsync();

        var response = await PatchAsync(ada.Client, $$"""{"timeZone":"{{zone}}"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(zone, (await response.ReadAsync<UserProfile>()).TimeZone);
    }

    [Fact]
    public async Task AnOversizedPatchIs413()
    {
        var ada = await api.CreateAsync();

        var response = await PatchAsync(ada.Client, $$"""{"displayName":"{{new string('x', 65 * 1024)}}"}""");

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task TheProfileNeedsAnAccessToken()
    {
        var anonymous = api.CreateClient();

        var get = await anonymous.GetAsync("/api/users/me", TestContext.Current.CancellationToken);
        var patch = await PatchAsync(anonymous, """{"dailyXpGoal":10}""");

        await get.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await patch.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string json) =>
        client.PatchAsync("/api/users/me", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
