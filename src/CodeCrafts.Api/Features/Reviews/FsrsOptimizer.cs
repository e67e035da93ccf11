namespace CodeCrafts.Api.Features.Reviews;

/// <summary>
/// One review of an item's history as the optimizer sees it. The first review of a history is the item's first study
/// (it sets the initial state and is not predicted); every later one is predicted from the state before it.
/// </summary>
/// <param name="HeldOut">Scored only when judging weights, never when fitting them (the most recent reviews).</param>
public readonly record struct FitReview(double ElapsedDays, Rating Rating, bool HeldOut = false)
{
    public bool Recalled => Rating != Rating.Again;
}

/// <summary>New weights and how they and the current ones predict the held-out reviews.</summary>
public sealed record FitVerdict(double[] Weights, double LogLoss, double CurrentLogLoss, int Reviews)
{
    /// <summary>The only rule for replacing weights: strictly better on reviews the fit never saw.</summary>
    public bool Beats => LogLoss < CurrentLogLoss;
}

/// <summary>
/// Fits the 21 FSRS-6 weights to review histories by minimising log loss (binary cross-entropy of recall), as the
/// FSRS optimizers do: Adam on finite-difference gradients (the model is 21 numbers and a few hundred lines of
/// arithmetic, so no autodiff library is worth its weight), each step clamped to <see cref="FsrsWeightBounds"/>. Pure and deterministic: the Api's nightly fit and the simulation in
/// benchmarks/ run this same code.
/// </summary>
public static class FsrsOptimizer
{
    private const double Epsilon = 1e-6;

    /// <summary>
    /// Fits from the current weights on the reviews not held out and judges both on the held-out ones. Null when the log
    /// cannot judge (nothing to fit on or nothing held out) or the fit produced no usable number.
    /// </summary>
    public static FitVerdict? Judge(IReadOnlyList<FitReview[]> histories, IReadOnlyList<double> current, int steps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var predicted = histories.Sum(h => Math.Max(0, h.Length - 1));
        var heldOut = histories.Sum(h => h.Skip(1).Count(r => r.HeldOut));
        if (heldOut == 0 || heldOut == predicted)
        {
            return null;
        }
        var fitted = FsrsWeightBounds.Clamp(Fit(histories, current, steps, cancellationToken));
        var loss = LogLoss(histories, fitted);
        var currentLoss = LogLoss(histories, current);
        return loss is { } l && currentLoss is { } c && double.IsFinite(l) && double.IsFinite(c)
            ? new FitVerdict(fitted, l, c, histories.Sum(h => h.Length))
            : null;
    }

    /// <summary>Weights fitted to the reviews not held out, starting from <paramref name="start"/>.</summary>
    public static double[] Fit(IReadOnlyList<FitReview[]> histories, IReadOnlyList<double> start, int steps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var lower = FsrsWeightBounds.Lower;
        var upper = FsrsWeightBounds.Upper;
        var w = FsrsWeightBounds.Clamp(start);
        var m = new double[w.Length];
        var v = new double[w.Length];
        const double beta1 = 0.9, beta2 = 0.999;
        for (var step = 1; step <= steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var loss = Loss(histories, w, heldOut: false);
            var gradient = new double[w.Length];
            Parallel.For(0, w.Length, i =>
            {
                var shifted = (double[])w.Clone();
                var h = 1e-5 * Math.Max(Math.Abs(w[i]), 0.1);
                // Step down at the upper bound: a step beyond it would be clamped away and measure nothing.
                shifted[i] = w[i] + h <= upper[i] ? w[i] + h : w[i] - h;
                gradient[i] = (Loss(histories, shifted, heldOut: false) - loss) / (shifted[i] - w[i]);
            });
            // Adam in the weights' own units, as py-fsrs and fsrs-rs train (learning rate 0.04), decaying linearly to a tenth.
            var rate = 0.04 * (1 - 0.9 * step / steps);
            for (var i = 0; i < w.Length; i++)
            {
                var g = double.IsFinite(gradient[i]) ? gradient[i] : 0;
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                var mHat = m[i] / (1 - Math.Pow(beta1, step));
                var vHat = v[i] / (1 - Math.Pow(beta2, step));
                w[i] = Math.Clamp(w[i] - rate * mHat / (Math.Sqrt(vHat) + 1e-8), lower[i], upper[i]);
            }
        }
        return w;
    }

    /// <summary>
    /// Mean log loss of <paramref name="weights"/> over the held-out reviews (or, with <paramref name="heldOut"/> false,
    /// over the others). The state always advances through every review, so a held-out review is predicted exactly as
    /// the scheduler would have predicted it. Null when there is nothing to score.
    /// </summary>
    public static double? LogLoss(IReadOnlyList<FitReview[]> histories, IReadOnlyList<double> weights, bool heldOut = true)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var (sum, count) = Sum(histories, new Fsrs(weights, Fsrs.DefaultDesiredRetention), heldOut);
        return count == 0 ? null : sum / count;
    }

    public static double LogLoss(double predicted, bool recalled)
    {
        var p = Math.Clamp(predicted, Epsilon, 1 - Epsilon);
        return recalled ? -Math.Log(p) : -Math.Log(1 - p);
    }

    private static double Loss(IReadOnlyList<FitReview[]> histories, double[] weights, bool heldOut)
    {
        var (sum, count) = Sum(histories, new Fsrs(weights, Fsrs.DefaultDesiredRetention), heldOut);
        return count == 0 ? 0 : sum / count;
    }

    private static (double Sum, long Count) Sum(IReadOnlyList<FitReview[]> histories, Fsrs fsrs, bool heldOut)
    {
        double sum = 0;
        long count = 0;
        foreach (var history in histories)
        {
            if (history.Length == 0)
            {
                continue;
            }
            var state = fsrs.Initial(history[0].Rating);
            for (var i = 1; i < history.Length; i++)
            {
                var review = history[i];
                if (review.HeldOut == heldOut)
                {
                    sum += LogLoss(fsrs.Retrievability(state, review.ElapsedDays), review.Recalled);
                    count++;
                }
                state = fsrs.Next(state, review.ElapsedDays, review.Rating);
            }
        }
        return (sum, count);
    }
}
