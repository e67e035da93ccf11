using System.ComponentModel.DataAnnotations;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>The league's rules and timings, section <c>Leagues</c>.</summary>
public sealed class LeagueOptions
{
    public const string Section = "Leagues";

    /// <summary>Learners per cohort, filled in join order.</summary>
    [Range(2, 1000)]
    public int CohortSize { get; set; } = 30;

    /// <summary>How many of a cohort's top move up a tier (none from Diamond).</summary>
    [Range(0, 1000)]
    public int Promote { get; set; } = 7;

    /// <summary>How many of a cohort's bottom move down a tier (none from Bronze).</summary>
    [Range(0, 1000)]
    public int Demote { get; set; } = 5;

    /// <summary>How often each replica looks for a finished week to settle.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SettleInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A cohort's Redis set older than this is rebuilt from PostgreSQL on its next read: answers keep it current, and
    /// this bounds how long anything they could not write (Redis away, a settled placement) stays missing.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan CohortRefresh { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The longest each replica keeps its own copy of a cohort's standings (<see cref="LeagueLocalCache"/>) between the
    /// changes that evict it; zero turns the copies off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan LocalCacheLifetime { get; set; } = TimeSpan.FromSeconds(5);
}
