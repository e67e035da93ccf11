using System.Diagnostics;

namespace CodeCrafts.AppHost.Infrastructure;

/// <summary>
/// Asks a program on this machine a quick question (`docker info`, `node --version`) at start-up. A missing,
/// failing or hanging program is simply no answer: the AppHost then starts without what it would have enabled.
/// </summary>
internal static class HostCommand
{
    /// <returns>Standard output when the program exited 0 within the timeout; otherwise null.</returns>
    public static string? Ask(string file, string arguments, TimeSpan timeout)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            return process.ExitCode == 0 ? output.Result : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}
