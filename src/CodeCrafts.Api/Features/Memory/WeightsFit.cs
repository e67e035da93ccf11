using CodeCrafts.Api.Features.Reviews;

namespace CodeCrafts.Api.Features.Memory;

/// <summary>New weights and how they and the current ones predict the held-out reviews.</summary>
internal sealed record FitVerdict(double[] Weights, double LogLoss, double CurrentLogLoss, int Reviews)
{
    /// <summary>The only rule for replacing weights: strictly better on reviews the fit never saw.</summary>
    public bool Beats => LogLoss < CurrentLogLoss;
}

internal static class WeightsFit
{
    /// <summary>
    /// Fits from the current weights on the older reviews and judges both on the held-out newer ones. Null when the log
    /// cannot judge (nothing to fit on or nothing held out) or the fit produced no usable number.
    /// </summary>
    public static FitVerdict? Judge(ReviewHistories log, IReadOnlyList<double> current, int steps, CancellationToken ct)
    {
        if (log.HeldOut == 0 || log.Reviews == log.HeldOut)
        {
            return null;
        }
        var fitted = FsrsWeightBounds.Clamp(FsrsOptimizer.Fit(log.Items, current, steps, ct));
        var loss = FsrsOptimizer.LogLoss(log.Items, fitted);
        var currentLoss = FsrsOptimizer.LogLoss(log.Items, current);
        return loss is { } l && currentLoss is { } c && double.IsFinite(l) && double.IsFinite(c)
            ? new FitVerdict(fitted, l, c, log.Reviews)
            : null;
    }
}
