using CodeCrafts.CodeExecution.Judge0;
using CodeCrafts.CodeExecution.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace CodeCrafts.CodeExecution;

public static class CodeExecutionServiceCollectionExtensions
{
    /// <summary>
    /// The runner (Judge0 when CodeExecution:Judge0:Url is set, otherwise the local sandbox) and the
    /// <see cref="ICodeJudge"/> over it. The choice is made once, from the configuration at start-up.
    /// </summary>
    public static IServiceCollection AddCodeExecution(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(CodeExecutionOptions.Section);
        services.AddSingleton<IValidateOptions<CodeExecutionOptions>, CodeExecutionOptionsValidator>();
        services.AddOptions<CodeExecutionOptions>().Bind(section).ValidateOnStart();

        var options = section.Get<CodeExecutionOptions>() ?? new CodeExecutionOptions();
        if (options.UsesJudge0)
        {
            AddJudge0(services, options.Judge0);
        }
        else if (!OperatingSystem.IsWindows())
        {
            services.AddSingleton<SandboxHost>();
            services.AddSingleton<SandboxSteps>();
            services.AddSingleton<CompileCache>();
            services.AddSingleton(sp =>
            {
                var sandbox = sp.GetRequiredService<IOptions<CodeExecutionOptions>>().Value.Sandbox;
                // A rough turn-around of one queued run: its tests at the default CPU limit, and then some.
                var retryAfter = TimeSpan.FromSeconds(Math.Ceiling(sandbox.DefaultCpuTimeSeconds * 2) + 1);
                return new RunGate(sandbox.MaxConcurrentRuns, sandbox.QueueLength, retryAfter);
            });
            services.AddSingleton<ICodeRunner, LocalSandboxRunner>();
        }
        else
        {
            throw new PlatformNotSupportedException("The local code sandbox needs Linux (bubblewrap); configure CodeExecution:Judge0:Url instead.");
        }
        services.AddSingleton<ICodeJudge, CodeJudge>();
        return services;
    }

    private static void AddJudge0(IServiceCollection services, Judge0Options judge0)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental, but the documented way to replace the defaults' handler.
        services.AddHttpClient(Judge0Client.HttpClientName, (sp, http) =>
            {
                var current = sp.GetRequiredService<IOptions<CodeExecutionOptions>>().Value.Judge0;
                http.BaseAddress = new Uri(current.Url!.TrimEnd('/') + "/");
                if (current.ApiKey is { Length: > 0 } key)
                {
                    http.DefaultRequestHeaders.TryAddWithoutValidation(current.AuthHeader, key);
                }
                // The resilience handler owns timeouts (per attempt and in total).
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The service defaults give every client a standard handler; this one needs its own settings, not two.
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(resilience => Configure(resilience, judge0));
#pragma warning restore EXTEXP0001
        services.AddSingleton<Judge0Client>();
        services.AddSingleton<Judge0Languages>();
        services.AddSingleton<ICodeRunner, Judge0Runner>();
    }

    private static void Configure(HttpStandardResilienceOptions resilience, Judge0Options judge0)
    {
        resilience.AttemptTimeout.Timeout = judge0.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = judge0.RunTimeout > judge0.AttemptTimeout ? judge0.RunTimeout : judge0.AttemptTimeout * 2;
        resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, judge0.AttemptTimeout.Ticks * 2));
        resilience.Retry.Delay = judge0.RetryDelay;
        if (judge0.MaxRetries > 0)
        {
            resilience.Retry.MaxRetryAttempts = judge0.MaxRetries;
        }
        else
        {
            resilience.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
        }
    }
}
