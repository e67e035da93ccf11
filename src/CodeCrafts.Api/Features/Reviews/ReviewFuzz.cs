using System.Security.Cryptography;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>
/// Deterministic interval fuzz, so that questions learnt together do not all come back on the same day.
/// The bound (as py-fsrs and Anki): intervals under 3 days are never fuzzed; an interval of I days moves by at most
/// Δ(I) = 1 + 15% of the part of I between 2.5 and 7 days + 10% of the part between 7 and 20 + 5% of the part beyond 20,
/// rounded, and never below 2 days nor above the maximum interval. So ±2 days at 7, ±3 at 20, ±8 at 100, about ±5% beyond.
/// </summary>
public static class ReviewFuzz
{
    /// <summary>The inclusive range a fuzzed interval of <paramref name="intervalDays"/> can land in.</summary>
    public static (int Min, int Max) Range(int intervalDays, int maximumIntervalDays)
    {
        if (intervalDays < 3)
        {
            return (intervalDays, intervalDays);
        }
        var delta = MaximumDelta(intervalDays);
        var max = Math.Min((int)Math.Round(intervalDays + delta, MidpointRounding.AwayFromZero), maximumIntervalDays);
        var min = Math.Min(Math.Max(2, (int)Math.Round(intervalDays - delta, MidpointRounding.AwayFromZero)), max);
        return (min, max);
    }

    /// <summary>Δ(I) of the documented bound, before rounding.</summary>
    public static double MaximumDelta(double intervalDays) =>
        1
        + 0.15 * Math.Max(Math.Min(intervalDays, 7) - 2.5, 0)
        + 0.10 * Math.Max(Math.Min(intervalDays, 20) - 7, 0)
        + 0.05 * Math.Max(intervalDays - 20, 0);

    /// <summary>
    /// A day in <see cref="Range"/>, chosen by a hash of learner, question and review number: the same review always
    /// gets the same interval (on every replica, and when it is recomputed), while questions reviewed together spread out.
    /// </summary>
    public static int Apply(int intervalDays, int maximumIntervalDays, Guid userId, Guid questionId, int reviewNumber)
    {
        var (min, max) = Range(intervalDays, maximumIntervalDays);
        if (min == max)
        {
            return min;
        }
        Span<byte> seed = stackalloc byte[36];
        userId.TryWriteBytes(seed[..16]);
        questionId.TryWriteBytes(seed[16..32]);
        BitConverter.TryWriteBytes(seed[32..], reviewNumber);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(seed, hash);
        var draw = BitConverter.ToUInt64(hash) % (ulong)(max - min + 1);
        return min + (int)draw;
    }
}
