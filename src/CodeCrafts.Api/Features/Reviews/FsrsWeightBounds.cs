namespace CodeCrafts.Api.Features.Reviews;

/// <summary>
/// The range each FSRS-6 weight may take, as the reference implementations clamp fitted weights (py-fsrs
/// LOWER_BOUNDS_PARAMETERS / UPPER_BOUNDS_PARAMETERS, ts-fsrs CLAMP_PARAMETERS): outside them the model stops
/// describing memory (negative initial stabilities, a decay that never forgets).
/// </summary>
public static class FsrsWeightBounds
{
    private const double StabilityMin = 0.001;
    private const double InitialStabilityMax = 100;

    public static IReadOnlyList<double> Lower { get; } = Array.AsReadOnly(new[]
    {
        StabilityMin, StabilityMin, StabilityMin, StabilityMin,
        1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001, 0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    });

    public static IReadOnlyList<double> Upper { get; } = Array.AsReadOnly(new[]
    {
        InitialStabilityMax, InitialStabilityMax, InitialStabilityMax, InitialStabilityMax,
        10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    });

    public static double[] Clamp(IReadOnlyList<double> weights) =>
        [.. weights.Select((w, i) => Math.Clamp(double.IsFinite(w) ? w : Fsrs.DefaultWeights[i], Lower[i], Upper[i]))];
}
