namespace CodeCrafts.Api.Common.Limits;

internal static class LimitsSetup
{
    public static IServiceCollection AddLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.IsValid, "RateLimits: every PermitLimit, WindowSeconds, and CodeRunsAtOnce must be "
                                      + "at least 1, and FailedLogins must have FirstLockout <= MaxLockout <= ForgetAfter.")
            .ValidateOnStart();
        services.AddSingleton<MemoryLimitBackend>();
        services.AddSingleton<LimitCounter>();
        services.AddTrustedProxies(configuration);
        return services;
    }
}
