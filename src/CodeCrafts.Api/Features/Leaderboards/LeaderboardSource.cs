using CodeCrafts.Api.Common;
using CodeCrafts.Data;
using Microsoft.EntityFrameworkCore;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>A user's place on a board as PostgreSQL defines it: the encoded score (see <see cref="BoardScore"/>).</summary>
public readonly record struct BoardRow(string Member, double Score);

/// <summary>
/// The boards as PostgreSQL, the source of truth, defines them. The same queries serve the full rebuild of a Redis key,
/// the single-user refresh after an XP award, and the fallback when Redis is away, so all three agree by construction.
/// </summary>
internal sealed class LeaderboardSource(CodeCraftsDbContext db)
{
    /// <param name="userId">Only that user's row (or none), instead of the whole board.</param>
    public Task<List<BoardRow>> LoadAsync(BoardRef board, Guid? userId, CancellationToken ct) => board switch
    {
        { Kind: LeaderboardKind.Xp, Week: null } => XpAllAsync(userId, ct),
        { Kind: LeaderboardKind.Xp, Week: { } week } => XpWeekAsync(week, userId, ct),
        { Kind: LeaderboardKind.Duels, Week: var week } => DuelsAsync(week, userId, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(board), board, "Unknown board kind"),
    };

    // All-time XP is Users.Xp; it was reached at the learner's last XP-earning award.
    private async Task<List<BoardRow>> XpAllAsync(Guid? userId, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking().Where(u => u.Xp > 0);
        if (userId is { } id)
        {
            users = users.Where(u => u.Id == id);
        }
        var rows = await users
            .Select(u => new
            {
                u.Id,
                u.Xp,
                u.CreatedAt,
                LastAward = db.XpAwards.Where(a => a.UserId == u.Id && a.Xp > 0).Max(a => (DateTimeOffset?)a.AwardedAt),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new BoardRow(BoardScore.Member(r.Id), BoardScore.Encode(r.Xp, r.LastAward ?? r.CreatedAt)))];
    }

    // Weekly XP is the sum of the week's awards; it was reached at the week's last award.
    private async Task<List<BoardRow>> XpWeekAsync(IsoWeek week, Guid? userId, CancellationToken ct)
    {
        var (start, end) = (week.Start, week.End);
        var awards = db.XpAwards.AsNoTracking().Where(a => a.AwardedAt >= start && a.AwardedAt < end && a.Xp > 0);
        if (userId is { } id)
        {
            awards = awards.Where(a => a.UserId == id);
        }
        var rows = await awards
            .GroupBy(a => a.UserId)
            .Select(g => new { UserId = g.Key, Xp = g.Sum(a => (long)a.Xp), Last = g.Max(a => a.AwardedAt) })
            .ToListAsync(ct);
        return [.. rows.Select(r => new BoardRow(BoardScore.Member(r.UserId), BoardScore.Encode(r.Xp, r.Last)))];
    }

    // Duel boards hold the current rating of those who have played (in that week, for a weekly board).
    private async Task<List<BoardRow>> DuelsAsync(IsoWeek? week, Guid? userId, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking().Where(u => u.RatedAt != null);
        if (week is { } w)
        {
            var (start, end) = (w.Start, w.End);
            users = users.Where(u => u.RatedAt >= start && u.RatedAt < end);
        }
        if (userId is { } id)
        {
            users = users.Where(u => u.Id == id);
        }
        var rows = await users.Select(u => new { u.Id, u.Rating, u.RatedAt }).ToListAsync(ct);
        return [.. rows.Select(r => new BoardRow(BoardScore.Member(r.Id), BoardScore.EncodeRating(r.Rating, r.RatedAt!.Value)))];
    }
}
