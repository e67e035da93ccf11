using CodeCrafts.Data;
using CodeCrafts.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>A player's new rating, to be written with the duel's finish.</summary>
internal sealed record RatingUpdate(Guid UserId, Glicko2Rating Before, Glicko2Rating After)
{
    public double Change => After.Rating - Before.Rating;
}

/// <summary>
/// Rates a finished duel with Glicko-2, each duel being one rating period for its players. Inactivity first
/// widens a player's deviation by one idle period per <see cref="DuelOptions.IdleDaysPerRatingPeriod"/> days since
/// their last rated duel (capped at 350). A bot is a fixed opponent (its rating, <see cref="DuelOptions.BotDeviation"/>,
/// volatility 0.06) and is never rated itself.
/// </summary>
internal sealed class DuelRatings(CodeCraftsDbContext db, IOptions<DuelOptions> options)
{
    /// <summary>
    /// Locks the human players' rows (in the caller's transaction) and computes their new ratings from what the
    /// locked rows hold, so two duels finishing at once for the same player apply one after the other.
    /// </summary>
    public async Task<IReadOnlyList<RatingUpdate>> ComputeAsync(Duel duel, DuelOutcome outcome, DateTimeOffset now, CancellationToken ct)
    {
        var humans = duel.OpponentKind == OpponentKind.User && duel.OpponentId is { } opponentId
            ? new[] { duel.ChallengerId, opponentId }
            : [duel.ChallengerId];
        await DuelLocks.LockUsersAsync(db, humans, ct);
        var users = await db.Users.AsNoTracking()
            .Where(u => humans.Contains(u.Id))
            .Select(u => new { u.Id, u.Rating, u.RatingDeviation, u.RatingVolatility, u.RatedAt })
            .ToDictionaryAsync(u => u.Id, ct);

        var settings = options.Value;
        Glicko2Rating Current(Guid id)
        {
            var u = users[id];
            var rating = new Glicko2Rating(u.Rating, u.RatingDeviation, u.RatingVolatility);
            var idlePeriods = u.RatedAt is { } ratedAt ? Math.Floor((now - ratedAt).TotalDays / settings.IdleDaysPerRatingPeriod) : 0;
            return idlePeriods > 0 ? Glicko2.AfterIdlePeriods(rating, idlePeriods) : rating;
        }

        var challengerScore = outcome switch
        {
            DuelOutcome.ChallengerWon => 1.0,
            DuelOutcome.OpponentWon => 0.0,
            _ => 0.5,
        };
        var challenger = Current(duel.ChallengerId);
        var stored = (Guid id) => new Glicko2Rating(users[id].Rating, users[id].RatingDeviation, users[id].RatingVolatility);

        if (humans.Length == 1)
        {
            var bot = new Glicko2Rating(duel.BotRating ?? 1500, settings.BotDeviation, 0.06);
            return [new RatingUpdate(duel.ChallengerId, stored(duel.ChallengerId), Glicko2.Rate(challenger, [(bot, challengerScore)], settings.Tau))];
        }

        var opponentUserId = humans[1];
        var opponent = Current(opponentUserId);
        return
        [
            new RatingUpdate(duel.ChallengerId, stored(duel.ChallengerId), Glicko2.Rate(challenger, [(opponent, challengerScore)], settings.Tau)),
            new RatingUpdate(opponentUserId, stored(opponentUserId), Glicko2.Rate(opponent, [(challenger, 1 - challengerScore)], settings.Tau)),
        ];
    }

    /// <summary>Writes the new ratings; the caller holds the users' locks and the duel's finish in the same transaction.</summary>
    public static async Task ApplyAsync(CodeCraftsDbContext db, IReadOnlyList<RatingUpdate> updates, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var update in updates)
        {
            var after = update.After;
            await db.Users.Where(u => u.Id == update.UserId).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.Rating, after.Rating)
                .SetProperty(u => u.RatingDeviation, Math.Min(Glicko2.MaxDeviation, after.Deviation))
                .SetProperty(u => u.RatingVolatility, after.Volatility)
                .SetProperty(u => u.RatedAt, now), ct);
        }
    }
}
