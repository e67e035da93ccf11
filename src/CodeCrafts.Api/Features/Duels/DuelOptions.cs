using System.ComponentModel.DataAnnotations;

namespace CodeCrafts.Api.Features.Duels;

/// <summary>The duel rules that operators may tune (section <c>Duels</c>).</summary>
public sealed class DuelOptions
{
    public const string Section = "Duels";

    /// <summary>How long a challenge waits for the opponent before it expires.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan ChallengeExpiry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The duel's clock: its deadline is this many seconds per question after the start.</summary>
    [Range(10, 3600)]
    public int SecondsPerQuestion { get; set; } = 60;

    /// <summary>System constant τ of Glicko-2: how fast volatility may change.</summary>
    [Range(0.2, 1.2)]
    public double Tau { get; set; } = Glicko2.DefaultTau;

    /// <summary>
    /// Inactivity: each whole span of this many days without a rated duel is one idle rating period, which
    /// widens the deviation by the volatility (capped at 350) before the next duel is rated.
    /// </summary>
    [Range(1, 365)]
    public int IdleDaysPerRatingPeriod { get; set; } = 7;

    /// <summary>Bots' rating deviation: their strength is set by construction, so it is fairly certain.</summary>
    [Range(30, 350)]
    public double BotDeviation { get; set; } = 50;

    /// <summary>Matchmaking: players this close in rating are paired at once.</summary>
    [Range(0, 2000)]
    public double MatchWindowBase { get; set; } = 100;

    /// <summary>Matchmaking: how much the window widens per second of waiting.</summary>
    [Range(0, 1000)]
    public double MatchWindowGrowthPerSecond { get; set; } = 10;

    /// <summary>Matchmaking: the window never grows beyond this.</summary>
    [Range(0, 3000)]
    public double MatchWindowMax { get; set; } = 400;

    /// <summary>Matchmaking: after this wait with nobody in range, the player gets a bot at their own rating.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BotAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Fair play: a bot's rating lies within this distance of the player's rating. A botRating outside is refused (400);
    /// a botLevel outside is moved to the nearest rating inside, so the level picker always starts a game.
    /// </summary>
    [Range(100, 2000)]
    public double BotRatingBand { get; set; } = 400;

    /// <summary>How often each replica's background service closes overdue duels, expires challenges and pairs players.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The window of a player who has waited this long.</summary>
    public double MatchWindow(TimeSpan waited) =>
        Math.Min(MatchWindowMax, MatchWindowBase + (MatchWindowGrowthPerSecond * Math.Max(0, waited.TotalSeconds)));
}
