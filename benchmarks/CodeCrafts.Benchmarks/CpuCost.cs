using System.Diagnostics;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace CodeCrafts.Benchmarks;

/// <summary>
/// CPU time per hash, next to wall time: on a shared machine wall time measures the queue for a core as much as
/// the work, while CPU time is what a login costs the server, whatever else runs.
/// </summary>
internal static class CpuCost
{
    public static void Run(int count = 20)
    {
        var hasher = new PasswordHasher<User>();
        var user = new User { Email = "ada@example.org", NormalizedEmail = "ada@example.org", PasswordHash = "", DisplayName = "Ada" };
        var hash = hasher.HashPassword(user, "warm up the JIT and the crypto provider");

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            hasher.VerifyHashedPassword(user, hash, "correct horse battery staple");
        }
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        var iterations = BitConverter.ToUInt32(Convert.FromBase64String(hash).AsSpan(5, 4)) is var raw && BitConverter.IsLittleEndian
            ? System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(raw) : raw;
        Console.WriteLine($"PBKDF2 iterations: {iterations}");
        Console.WriteLine($"{count} verifications: CPU {cpu.TotalMilliseconds / count:F1} ms each, wall {wall.Elapsed.TotalMilliseconds / count:F1} ms each");
    }
}
