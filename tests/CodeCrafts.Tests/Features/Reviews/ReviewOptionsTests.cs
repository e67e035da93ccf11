using CodeCrafts.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Tests.Features.Reviews;

/// <summary>A scheduler misconfiguration stops the Api at start, not at the first review.</summary>
public sealed class ReviewOptionsTests
{
    private sealed class ConfiguredApi(Dictionary<string, string?> settings) : WebApplicationFactory<CodeCrafts.Api.ApiAssembly>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("DATABASE_URL", "sqlite:///unused.db");
            builder.UseSetting("SECRET_KEY", ApiFactory.SigningKey);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    [Theory]
    [InlineData("Reviews:DesiredRetention", "1.5", "Reviews:DesiredRetention must be between 0.7 and 0.99")]
    [InlineData("Reviews:MaximumIntervalDays", "0", "Reviews:MaximumIntervalDays must be between 1 and 36500")]
    [InlineData("Reviews:LearningSteps:0", "2.00:00:00", "steps must be longer than zero and shorter than a day")]
    [InlineData("Reviews:Weights:0", "0.2", "FSRS-6 takes 21 weights, not 1")]
    public void AnUnusableSchedulerSettingStopsTheStart(string key, string value, string message)
    {
        using var api = new ConfiguredApi(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => api.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
