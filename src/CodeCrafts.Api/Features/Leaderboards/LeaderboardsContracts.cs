using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace CodeCrafts.Api.Features.Leaderboards;

/// <summary>Query string of GET /api/leaderboards/{board}.</summary>
public sealed record LeaderboardQuery
{
    public const int MaxLimit = 100;

    [FromQuery(Name = "period")]
    [AllowedValues("weekly", "all", null)]
    [Description("weekly (the current ISO week, UTC) or all. Default weekly.")]
    public string? Period { get; init; }

    [FromQuery(Name = "limit")]
    [Range(1, MaxLimit)]
    [Description("How many of the top to return, 1 to 100. Default 10.")]
    public int? Limit { get; init; }
}

/// <param name="Board">xp or duels.</param>
/// <param name="Period">weekly or all.</param>
/// <param name="Week">The ISO week of a weekly board (e.g. 2026-W25); null for all.</param>
/// <param name="EndsAt">When a weekly board rolls over (UTC); null for all.</param>
/// <param name="Total">How many learners are on the board.</param>
/// <param name="Entries">The top of the board, best first.</param>
/// <param name="Me">The caller's own place, even when outside the top.</param>
public sealed record LeaderboardResponse(
    string Board, string Period, string? Week, DateTimeOffset? EndsAt, long Total,
    IReadOnlyList<LeaderboardEntry> Entries, LeaderboardStanding Me);

/// <param name="Rank">1-based; ties go to whoever reached the score first.</param>
/// <param name="Score">XP, or the duel rating rounded to a whole number.</param>
public sealed record LeaderboardEntry(long Rank, Guid UserId, string DisplayName, long Score);

/// <param name="Rank">1-based, or null when the caller is not on this board (no XP this week, no rated duel yet).</param>
public sealed record LeaderboardStanding(long? Rank, long Score);
