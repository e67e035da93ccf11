using BenchmarkDotNet.Attributes;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace CodeCrafts.Benchmarks;

/// <summary>
/// The cost that bounds /register and /login: one PBKDF2 hash or verification with the Api's settings
/// (Identity's PasswordHasher defaults). A login costs one verification whether or not the email exists.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class PasswordHashingBenchmarks
{
    private const string Password = "correct horse battery staple";
    private readonly PasswordHasher<User> _hasher = new();
    private readonly User _user = new() { Email = "ada@example.org", NormalizedEmail = "ada@example.org", PasswordHash = "", DisplayName = "Ada" };
    private string _hash = "";

    [GlobalSetup]
    public void Setup() => _hash = _hasher.HashPassword(_user, Password);

    [Benchmark(Description = "HashPassword (register)")]
    public string Hash() => _hasher.HashPassword(_user, Password);

    [Benchmark(Description = "VerifyHashedPassword (login)")]
    public PasswordVerificationResult Verify() => _hasher.VerifyHashedPassword(_user, _hash, Password);
}
