namespace CodeCrafts.Api.Common.Limits;

/// <summary>
/// Section <c>RateLimits</c>: every limit of the Api in one place (the README's table of limits mirrors it).
/// With Redis configured they are counted in Redis, shared by all replicas; without it (or while Redis does not answer
/// within the request budget, <c>Redis:RequestBudget</c>) each replica counts on its own.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Login requests per client network (IPv4 /24, IPv6 /64), whatever the account.</summary>
    public WindowLimit LoginPerNetwork { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Registrations per client network.</summary>
    public WindowLimit RegisterPerNetwork { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Failed logins per (account, client network), with exponential back-off.</summary>
    public BackoffLimit FailedLogins { get; set; } = new();

    /// <summary>Code runs (trial runs and code answers) per learner.</summary>
    public WindowLimit CodeRunsPerLearner { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Code runs one learner may have in the runner at once.</summary>
    public int CodeRunsAtOnce { get; set; } = 1;

    /// <summary>Answers to questions per learner (lessons and reviews).</summary>
    public WindowLimit AttemptsPerLearner { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Duels created (challenges, bot duels, matchmaking entries) per learner.</summary>
    public WindowLimit DuelsCreatedPerLearner { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    internal bool IsValid =>
        LoginPerNetwork.IsValid && RegisterPerNetwork.IsValid && FailedLogins.IsValid && CodeRunsPerLearner.IsValid
        && AttemptsPerLearner.IsValid && DuelsCreatedPerLearner.IsValid && CodeRunsAtOnce >= 1;
}

/// <summary>At most <see cref="PermitLimit"/> requests in each fixed window of <see cref="WindowSeconds"/>.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }

    internal TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    internal bool IsValid => PermitLimit >= 1 && WindowSeconds >= 1;

    public override string ToString() => $"{PermitLimit} per {WindowSeconds} s";
}

/// <summary>
/// The first <see cref="FreeFailures"/> - 1 failures cost nothing; the <see cref="FreeFailures"/>-th locks for
/// <see cref="FirstLockoutSeconds"/>, and each further one doubles it, up to <see cref="MaxLockoutSeconds"/>. The count is
/// forgotten <see cref="ForgetAfterSeconds"/> after the last failure, and at once on a successful login.
/// </summary>
public sealed class BackoffLimit
{
    public int FreeFailures { get; set; } = 5;
    public int FirstLockoutSeconds { get; set; } = 30;
    public int MaxLockoutSeconds { get; set; } = 900;
    public int ForgetAfterSeconds { get; set; } = 3600;

    internal bool IsValid =>
        FreeFailures >= 1 && FirstLockoutSeconds >= 1 && MaxLockoutSeconds >= FirstLockoutSeconds && ForgetAfterSeconds >= MaxLockoutSeconds;

    /// <summary>The lock after the <paramref name="failures"/>-th failure, or zero.</summary>
    internal TimeSpan LockoutAfter(long failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(failures - FreeFailures, 30);
        return TimeSpan.FromSeconds(Math.Min(FirstLockoutSeconds * Math.Pow(2, doublings), MaxLockoutSeconds));
    }

    public override string ToString() =>
        $"{FreeFailures} failures, then {FirstLockoutSeconds} s doubling per failure up to {MaxLockoutSeconds} s";
}
