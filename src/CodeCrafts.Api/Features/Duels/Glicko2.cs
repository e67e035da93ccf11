namespace CodeCrafts.Api.Features.Duels;

/// <summary>A Glicko-2 rating on the public (Glicko) scale: rating r, deviation RD and volatility σ.</summary>
public readonly record struct Glicko2Rating(double Rating, double Deviation, double Volatility)
{
    /// <summary>Where every new player starts (Glickman's suggested defaults).</summary>
    public static Glicko2Rating Initial => new(1500, 350, 0.06);
}

/// <summary>
/// Glickman's Glicko-2 ("Example of the Glicko-2 system", steps 1–8), with the volatility found by the
/// Illinois variant of regula falsi. Each call is one rating period.
/// </summary>
public static class Glicko2
{
    /// <summary>Converts between the Glicko scale and the Glicko-2 scale (step 2 and step 8).</summary>
    public const double Scale = 173.7178;

    /// <summary>Convergence tolerance of the volatility iteration (step 5).</summary>
    public const double Epsilon = 0.000001;

    public const double DefaultTau = 0.5;

    /// <summary>No one is less known than a new player: idle widening stops here.</summary>
    public const double MaxDeviation = 350;

    /// <summary>
    /// The player's rating after one rating period with these results (score 1 win, 0.5 draw, 0 loss).
    /// With no results only the deviation widens, by one period's volatility (step 6 alone).
    /// </summary>
    public static Glicko2Rating Rate(Glicko2Rating player, IReadOnlyList<(Glicko2Rating Opponent, double Score)> results, double tau)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tau);
        Validate(player, nameof(player));

        var mu = (player.Rating - 1500) / Scale;
        var phi = player.Deviation / Scale;
        var sigma = player.Volatility;

        if (results.Count == 0)
        {
            return player with { Deviation = Math.Sqrt((phi * phi) + (sigma * sigma)) * Scale };
        }

        // Step 3 and 4: estimated variance v of the rating from the games alone, and the improvement Δ.
        var inverseV = 0.0;
        var sum = 0.0;
        foreach (var (opponent, score) in results)
        {
            Validate(opponent, nameof(results));
            if (score is < 0 or > 1 || double.IsNaN(score))
            {
                throw new ArgumentOutOfRangeException(nameof(results), score, "A score is between 0 (loss) and 1 (win).");
            }
            var g = G(opponent.Deviation / Scale);
            var e = E(mu, (opponent.Rating - 1500) / Scale, g);
            inverseV += g * g * e * (1 - e);
            sum += g * (score - e);
        }
        var v = 1 / inverseV;
        var delta = v * sum;

        // Step 5, 6, 7.
        var newSigma = NewVolatility(phi, sigma, v, delta, tau);
        var phiStar = Math.Sqrt((phi * phi) + (newSigma * newSigma));
        var newPhi = 1 / Math.Sqrt((1 / (phiStar * phiStar)) + (1 / v));
        var newMu = mu + (newPhi * newPhi * sum);

        // Step 8.
        return new Glicko2Rating((Scale * newMu) + 1500, Scale * newPhi, newSigma);
    }

    /// <summary>
    /// The deviation after <paramref name="periods"/> rating periods without games: each widens φ² by σ²
    /// (step 6 with no games), never beyond <see cref="MaxDeviation"/>.
    /// </summary>
    public static Glicko2Rating AfterIdlePeriods(Glicko2Rating player, double periods)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        var phi = player.Deviation / Scale;
        var widened = Math.Sqrt((phi * phi) + (periods * player.Volatility * player.Volatility)) * Scale;
        return player with { Deviation = Math.Min(MaxDeviation, Math.Max(player.Deviation, widened)) };
    }

    /// <summary>The expected score of the player against the opponent (E in step 3), on the public scale.</summary>
    public static double ExpectedScore(Glicko2Rating player, Glicko2Rating opponent) =>
        E((player.Rating - 1500) / Scale, (opponent.Rating - 1500) / Scale, G(opponent.Deviation / Scale));

    private static double G(double phi) => 1 / Math.Sqrt(1 + (3 * phi * phi / (Math.PI * Math.PI)));

    private static double E(double mu, double opponentMu, double g) => 1 / (1 + Math.Exp(-g * (mu - opponentMu)));

    private static double NewVolatility(double phi, double sigma, double v, double delta, double tau)
    {
        var a = Math.Log(sigma * sigma);
        var phi2 = phi * phi;
        var delta2 = delta * delta;
        double F(double x)
        {
            var ex = Math.Exp(x);
            var d = phi2 + v + ex;
            return (ex * (delta2 - phi2 - v - ex) / (2 * d * d)) - ((x - a) / (tau * tau));
        }

        // Initial bracket [A, B] around the root of f.
        var lower = a;
        double upper;
        if (delta2 > phi2 + v)
        {
            upper = Math.Log(delta2 - phi2 - v);
        }
        else
        {
            var k = 1;
            while (F(a - (k * tau)) < 0)
            {
                k++;
            }
            upper = a - (k * tau);
        }

        var fLower = F(lower);
        var fUpper = F(upper);
        while (Math.Abs(upper - lower) > Epsilon)
        {
            var c = lower + ((lower - upper) * fLower / (fUpper - fLower));
            var fc = F(c);
            if (fc * fUpper <= 0)
            {
                lower = upper;
                fLower = fUpper;
            }
            else
            {
                // The Illinois step: halving the retained end's value keeps regula falsi from stalling.
                fLower /= 2;
            }
            upper = c;
            fUpper = fc;
        }
        return Math.Exp(lower / 2);
    }

    private static void Validate(Glicko2Rating rating, string parameter)
    {
        if (!double.IsFinite(rating.Rating) || !(rating.Deviation > 0) || !(rating.Volatility > 0)
            || !double.IsFinite(rating.Deviation) || !double.IsFinite(rating.Volatility))
        {
            throw new ArgumentOutOfRangeException(parameter, rating, "A rating needs a finite value and a positive deviation and volatility.");
        }
    }
}
