using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using CodeCrafts.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Features.Duels;

/// <summary>Embedded mode: SQLite and no Redis. Duels work there too, without row locks (SQLite runs one writer at a time).</summary>
public sealed class DuelsOnSqliteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnSqliteWithoutRedisPlayersArePairedAnswerAndAreRatedAtTheDeadline()
    {
        var folder = Directory.CreateTempSubdirectory("codecrafts-duels-sqlite-").FullName;
        var url = $"sqlite:///{Path.Combine(folder, "codecrafts.db")}";
        var worker = await MigrationWorker.RunAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        Assert.True(worker.ExitCode == 0, worker.Output);
        await using var host = new ApiFactory(new Dictionary<string, string?> { ["DATABASE_URL"] = url });
        var (alice, bob) = (await host.CreateUserAsync(displayName: "Duelist"), await host.CreateUserAsync(displayName: "Duelist"));

        var entry = await alice.CreateAsync(new { opponent = "matchmaking", language = "cpp", questionCount = 3 });
        var duel = await bob.CreateAsync(new { opponent = "matchmaking", language = "cpp" });
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CodeCraftsDbContext>();
            var answer = await DuelKit.AnswerForAsync(db, duel.Questions[0].QuestionId, correctly: true);
            Assert.True((await alice.PostAnswerAsync(duel.Id, 1, answer)).IsSuccessStatusCode);
            Assert.Equal(System.Net.HttpStatusCode.Conflict, (await alice.PostAnswerAsync(duel.Id, 1, answer)).StatusCode);
        }
        host.Time.Advance(TimeSpan.FromMinutes(3));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DuelSweeper>().RunOnceAsync(Ct);
        }
        var finished = await alice.GetAsync(duel.Id);

        Assert.Equal((entry.Id, DuelStatus.Active, bob.Id), (duel.Id, duel.Status, duel.Opponent!.UserId));
        Assert.Equal((DuelStatus.Finished, DuelOutcome.ChallengerWon, alice.Id), (finished.Status, finished.Result!.Outcome, finished.Result.WinnerId));
        await using var check = host.Services.CreateAsyncScope();
        var users = await check.ServiceProvider.GetRequiredService<CodeCraftsDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == alice.Id || u.Id == bob.Id).ToDictionaryAsync(u => u.Id, Ct);
        Assert.Equal(1662.31, users[alice.Id].Rating, 0.01);
        Assert.Equal(1337.69, users[bob.Id].Rating, 0.01);
    }
}
