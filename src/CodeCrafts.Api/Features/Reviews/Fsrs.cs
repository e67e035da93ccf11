namespace CodeCrafts.Api.Features.Reviews;

/// <summary>
/// FSRS-6 (Free Spaced Repetition Scheduler, version 6), written from the published formulas
/// (open-spaced-repetition: fsrs4anki wiki "The Algorithm", py-fsrs, fsrs-rs). Pure and dependency-free so that
/// it can be checked number for number against the reference implementations.
/// </summary>
public sealed class Fsrs
{
    public const int WeightCount = 21;
    public const double DefaultDesiredRetention = 0.9;
    public const double MinStability = 0.001;
    public const double MaxStability = 36500;
    public const double MinDifficulty = 1;
    public const double MaxDifficulty = 10;

    /// <summary>The FSRS-6 default weights w0…w20, fitted by the FSRS authors on the srs-benchmark collections.</summary>
    public static IReadOnlyList<double> DefaultWeights { get; } = Array.AsReadOnly(new[]
    {
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    });

    private readonly double[] _w;
    private readonly double _decay;
    private readonly double _factor;

    public Fsrs() : this(DefaultWeights, DefaultDesiredRetention)
    {
    }

    public Fsrs(IReadOnlyList<double> weights, double desiredRetention)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != WeightCount)
        {
            throw new ArgumentException($"FSRS-6 takes {WeightCount} weights, not {weights.Count}.", nameof(weights));
        }
        if (weights.Any(w => !double.IsFinite(w)))
        {
            throw new ArgumentException("Every weight must be a finite number.", nameof(weights));
        }
        if (weights.Take(4).Any(w => w <= 0) || weights[20] <= 0)
        {
            throw new ArgumentException("The initial stabilities w0..w3 and the decay w20 must be positive.", nameof(weights));
        }
        if (!(desiredRetention is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(desiredRetention), desiredRetention, "The desired retention must lie strictly between 0 and 1.");
        }

        _w = [.. weights];
        Weights = Array.AsReadOnly(_w);
        DesiredRetention = desiredRetention;
        _decay = -_w[20];
        // Chosen so that R(t = S) = 0.9 whatever the decay: stability keeps its meaning across weight sets.
        _factor = Math.Pow(0.9, 1 / _decay) - 1;
    }

    public IReadOnlyList<double> Weights { get; }

    public double DesiredRetention { get; }

    /// <summary>State after the very first rating: S0 = w[G-1], D0 = w4 - e^(w5 (G-1)) + 1.</summary>
    public MemoryState Initial(Rating rating)
    {
        var g = Grade(rating);
        return new MemoryState(ClampStability(_w[g - 1]), ClampDifficulty(InitialDifficulty(g)));
    }

    /// <summary>
    /// State after a review <paramref name="elapsedDays"/> after the previous one. Under a day, the
    /// short-term (same-day) update applies; otherwise the recall or lapse formula at the current retrievability.
    /// </summary>
    public MemoryState Next(MemoryState state, double elapsedDays, Rating rating)
    {
        var g = Grade(rating);
        var (s, d) = Validate(state);
        if (double.IsNaN(elapsedDays))
        {
            throw new ArgumentOutOfRangeException(nameof(elapsedDays), "The elapsed time must be a number.");
        }
        // A review "before" the last one can only be clock skew: treat it as immediate.
        var t = Math.Max(0, elapsedDays);

        double stability;
        if (t < 1)
        {
            stability = ShortTermStability(s, g);
        }
        else
        {
            var r = CurrentRetrievability(s, t);
            stability = g == 1 ? StabilityAfterLapse(s, d, r) : StabilityAfterRecall(s, d, r, g);
        }
        return new MemoryState(ClampStability(stability), NextDifficulty(d, g));
    }

    /// <summary>Probability of recall after <paramref name="elapsedDays"/>: R = (1 + factor·t/S)^(-w20).</summary>
    public double Retrievability(MemoryState state, double elapsedDays)
    {
        var (s, _) = Validate(state);
        return CurrentRetrievability(s, Math.Max(0, elapsedDays));
    }

    /// <summary>Days until retrievability falls to the desired retention: I = S/factor · (r^(1/decay) - 1). Unrounded, no fuzz.</summary>
    public double NextInterval(MemoryState state)
    {
        var (s, _) = Validate(state);
        return s / _factor * (Math.Pow(DesiredRetention, 1 / _decay) - 1);
    }

    private double CurrentRetrievability(double s, double t) => Math.Pow(1 + _factor * t / s, _decay);

    private double InitialDifficulty(int g) => _w[4] - Math.Exp(_w[5] * (g - 1)) + 1;

    private double NextDifficulty(double d, int g)
    {
        var delta = -_w[6] * (g - 3);
        // Linear damping: the closer to 10, the smaller each step up, so difficulty cannot run away.
        var damped = d + delta * (10 - d) / 9;
        // Mean reversion towards D0(Easy), unclamped as the reference implementations use it.
        return ClampDifficulty(_w[7] * InitialDifficulty(4) + (1 - _w[7]) * damped);
    }

    private double StabilityAfterRecall(double s, double d, double r, int g)
    {
        var hardPenalty = g == 2 ? _w[15] : 1;
        var easyBonus = g == 4 ? _w[16] : 1;
        return s * (1 + Math.Exp(_w[8]) * (11 - d) * Math.Pow(s, -_w[9]) * (Math.Exp(_w[10] * (1 - r)) - 1) * hardPenalty * easyBonus);
    }

    private double StabilityAfterLapse(double s, double d, double r)
    {
        var longTerm = _w[11] * Math.Pow(d, -_w[12]) * (Math.Pow(s + 1, _w[13]) - 1) * Math.Exp(_w[14] * (1 - r));
        // A lapse never leaves the memory stronger than a same-day Again would.
        return Math.Min(longTerm, s / Math.Exp(_w[17] * _w[18]));
    }

    private double ShortTermStability(double s, int g)
    {
        var increase = Math.Exp(_w[17] * (g - 3 + _w[18])) * Math.Pow(s, -_w[19]);
        // Good and Easy on the same day never lower stability; Again and Hard may.
        return s * (g >= 3 ? Math.Max(increase, 1) : increase);
    }

    private static int Grade(Rating rating) => Enum.IsDefined(rating)
        ? (int)rating
        : throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is Again (1), Hard (2), Good (3) or Easy (4).");

    private static (double S, double D) Validate(MemoryState state) =>
        state.Stability > 0 && double.IsFinite(state.Stability) && double.IsFinite(state.Difficulty)
            ? (state.Stability, ClampDifficulty(state.Difficulty))
            : throw new ArgumentOutOfRangeException(nameof(state), state, "Stability must be a positive number and difficulty a number.");

    private static double ClampStability(double s) => Math.Clamp(s, MinStability, MaxStability);

    private static double ClampDifficulty(double d) => Math.Clamp(d, MinDifficulty, MaxDifficulty);
}
