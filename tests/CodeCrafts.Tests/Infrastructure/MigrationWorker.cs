using System.Reflection;

namespace CodeCrafts.Tests.Infrastructure;

/// <summary>Runs the real migration worker as its own process, as the AppHost does, so its exit code is real.</summary>
internal static class MigrationWorker
{
    private static readonly string Dll = Locate();

    /// <param name="verifyCode">Judge every code question's solutions first (the worker's --verify-code), as CI must.</param>
    public static Task<ProcessResult> RunAsync(IDictionary<string, string?> environment, bool verifyCode = false)
    {
        var env = new Dictionary<string, string?>(environment)
        {
            ["DOTNET_ENVIRONMENT"] = "Testing",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
        };
        return ExternalProcess.RunAsync("dotnet", verifyCode ? ["exec", Dll, "--verify-code"] : ["exec", Dll], env, TimeSpan.FromMinutes(2));
    }

    private static string Locate()
    {
        var configuration = typeof(MigrationWorker).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CodeCrafts.sln")))
        {
            directory = directory.Parent;
        }
        if (directory is null)
        {
            throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
        }
        var dll = Path.Combine(directory.FullName, "src", "CodeCrafts.MigrationService", "bin", configuration, "net10.0", "CodeCrafts.MigrationService.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: the migration worker is missing", dll);
    }
}
