using CodeCrafts.Api.Features.Reviews;

namespace CodeCrafts.Srs.Simulation;

/// <summary>
/// Fits the 21 FSRS-6 weights to a review log by minimising log loss: Adam on finite-difference gradients, each weight
/// scaled into the bounds py-fsrs allows. What the product can do later with its review_logs table.
/// </summary>
internal static class FsrsFitter
{
    private static readonly double[] Lower = [0.001, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 0, 0, 0.001, 0.001, 0.001, 0.001, 0, 0, 1, 0, 0, 0, 0.1];
    private static readonly double[] Upper = [100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5, 5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8];

    public static double[] Fit(IReadOnlyList<LoggedReview[]> log, int steps = 150)
    {
        var x = Fsrs.DefaultWeights.Select((w, i) => (w - Lower[i]) / (Upper[i] - Lower[i])).ToArray();
        var m = new double[x.Length];
        var v = new double[x.Length];
        const double h = 1e-4, beta1 = 0.9, beta2 = 0.999;
        for (var step = 1; step <= steps; step++)
        {
            var loss = Loss(log, x);
            var gradient = new double[x.Length];
            Parallel.For(0, x.Length, i =>
            {
                var shifted = (double[])x.Clone();
                shifted[i] = Math.Min(1, x[i] + h);
                gradient[i] = (Loss(log, shifted) - loss) / (shifted[i] - x[i] + 1e-12);
            });
            var rate = 0.02 * (1 - 0.9 * step / steps);
            for (var i = 0; i < x.Length; i++)
            {
                m[i] = beta1 * m[i] + (1 - beta1) * gradient[i];
                v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i];
                var mHat = m[i] / (1 - Math.Pow(beta1, step));
                var vHat = v[i] / (1 - Math.Pow(beta2, step));
                x[i] = Math.Clamp(x[i] - rate * mHat / (Math.Sqrt(vHat) + 1e-8), 0, 1);
            }
        }
        return Weights(x);
    }

    private static double[] Weights(double[] x) => x.Select((xi, i) => Lower[i] + xi * (Upper[i] - Lower[i])).ToArray();

    private static double Loss(IReadOnlyList<LoggedReview[]> log, double[] x)
    {
        var weights = Weights(x);
        if (weights[0] <= 0 || weights[20] <= 0)
        {
            return double.MaxValue;
        }
        var fsrs = new Fsrs(weights, 0.9);
        double loss = 0;
        long count = 0;
        foreach (var history in log)
        {
            var state = fsrs.Initial(Rating.Good);
            foreach (var review in history)
            {
                loss += Simulation.LogLoss(fsrs.Retrievability(state, review.ElapsedDays), review.Recalled);
                state = fsrs.Next(state, review.ElapsedDays, review.Grade);
                count++;
            }
        }
        return loss / count;
    }
}
