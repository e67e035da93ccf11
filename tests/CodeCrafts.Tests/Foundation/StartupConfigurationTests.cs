using CodeCrafts.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Tests.Foundation;

/// <summary>Misconfiguration stops the Api at start with a message, instead of failing at the first request.</summary>
public sealed class StartupConfigurationTests
{
    private sealed class ProductionApi(Dictionary<string, string?> settings) : WebApplicationFactory<CodeCrafts.Api.ApiAssembly>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    [Fact]
    public void AShortSecretKeyOutsideDevelopmentStopsTheStart()
    {
        using var api = new ProductionApi(new() { ["DATABASE_URL"] = "sqlite:///unused.db", ["SECRET_KEY"] = "too-short" });

        var error = Assert.Throws<OptionsValidationException>(() => api.CreateClient());

        Assert.Contains("Jwt:SigningKey (SECRET_KEY) must be at least 32 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingSecretKeyOutsideDevelopmentStopsTheStart()
    {
        using var api = new ProductionApi(new() { ["DATABASE_URL"] = "sqlite:///unused.db" });

        var error = Assert.Throws<OptionsValidationException>(() => api.CreateClient());

        Assert.Contains("it is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnsupportedAlgorithmStopsTheStart()
    {
        using var api = new ProductionApi(new()
        {
            ["DATABASE_URL"] = "sqlite:///unused.db",
            ["SECRET_KEY"] = ApiFactory.SigningKey,
            ["ALGORITHM"] = "none",
        });

        var error = Assert.Throws<OptionsValidationException>(() => api.CreateClient());

        Assert.Contains("Jwt:Algorithm (ALGORITHM) must be one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadDatabaseUrlStopsTheStart()
    {
        using var api = new ProductionApi(new() { ["DATABASE_URL"] = "mysql://nope", ["SECRET_KEY"] = ApiFactory.SigningKey });

        var error = Assert.Throws<InvalidOperationException>(() => api.CreateClient());

        Assert.Contains("DATABASE_URL must start with sqlite:/// or postgresql://", error.Message, StringComparison.Ordinal);
    }
}
