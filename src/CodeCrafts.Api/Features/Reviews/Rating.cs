namespace CodeCrafts.Api.Features.Reviews;

/// <summary>How well a review went, on FSRS's four-point scale (the numbers are part of the model's formulas).</summary>
public enum Rating
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

/// <summary>
/// FSRS memory state: <paramref name="Stability"/> is the interval in days after which recall drops to 90%;
/// <paramref name="Difficulty"/> is in [1, 10].
/// </summary>
public readonly record struct MemoryState(double Stability, double Difficulty);
