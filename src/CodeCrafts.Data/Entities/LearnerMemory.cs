namespace CodeCrafts.Data.Entities;

/// <summary>
/// A learner's memory model: the FSRS-6 weights fitted to their own review log (null until a fit beat the weights they
/// used before) and the recall they want reviews to aim for (null: the configured default).
/// </summary>
public class LearnerMemory
{
    public Guid UserId { get; set; }
    public double? DesiredRetention { get; set; }
    /// <summary>The 21 weights, comma-separated in invariant culture: readable by hand and the same on both providers.</summary>
    public string? Weights { get; set; }
    public DateTimeOffset? FittedAt { get; set; }
    public int ReviewsUsed { get; set; }
    /// <summary>Log loss of <see cref="Weights"/> on the held-out most recent reviews.</summary>
    public double? LogLoss { get; set; }
    /// <summary>Log loss, on the same held-out reviews, of the weights these replaced.</summary>
    public double? PreviousLogLoss { get; set; }
    /// <summary>When the nightly fit last looked at this learner's log, accepted or not.</summary>
    public DateTimeOffset? CheckedAt { get; set; }
}

/// <summary>
/// One night's fitting run. Its key is the night, so the replica that inserts the row is the one that fits; the row
/// also keeps the global weights fitted across all learners that night, when they beat the previous ones.
/// </summary>
public class MemoryFitRun
{
    public DateOnly Night { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
    public string ClaimedBy { get; set; } = "";
    public DateTimeOffset? CompletedAt { get; set; }
    public string? GlobalWeights { get; set; }
    public int GlobalReviewsUsed { get; set; }
    public double? GlobalLogLoss { get; set; }
    public double? GlobalPreviousLogLoss { get; set; }
    public int LearnersChecked { get; set; }
    public int LearnersImproved { get; set; }
}
