using System.ComponentModel.DataAnnotations;

namespace CodeCrafts.Api.Features.Memory;

/// <summary>Configuration section <c>Memory</c>: when and on how much data the FSRS weights are fitted.</summary>
public sealed class MemoryOptions
{
    public const string Section = "Memory";
    public const double MinDesiredRetention = 0.80;
    public const double MaxDesiredRetention = 0.97;

    /// <summary>Fit at all (turned off in tools that must not touch the data).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Reviews a learner needs before weights are fitted to their own log.</summary>
    [Range(50, 1_000_000)]
    public int PersonalMinReviews { get; set; } = 400;

    /// <summary>Reviews across all learners before global weights are fitted.</summary>
    [Range(100, 100_000_000)]
    public int GlobalMinReviews { get; set; } = 2_000;

    /// <summary>The global fit reads the histories of at most this many most recently reviewed items, to bound its time and memory.</summary>
    [Range(100, 10_000_000)]
    public int GlobalMaxItems { get; set; } = 20_000;

    /// <summary>Share of each log, the most recent reviews, held out to judge new weights against the current ones.</summary>
    [Range(0.05, 0.5)]
    public double HeldOutShare { get; set; } = 0.2;

    /// <summary>Optimizer steps per fit.</summary>
    [Range(1, 10_000)]
    public int FitSteps { get; set; } = 150;

    /// <summary>Time of day (UTC) from which a night's fit may run.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan FitTimeUtc { get; set; } = TimeSpan.FromHours(3);

    /// <summary>How often each replica checks whether tonight's fit is still to do.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A claimed run that has not completed after this long (its replica died) may be claimed again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromHours(2);
}
