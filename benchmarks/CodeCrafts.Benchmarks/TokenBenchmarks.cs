using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using CodeCrafts.Api.Features.Auth;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Benchmarks;

/// <summary>For scale next to the password hash: what a session costs on top of it.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class TokenBenchmarks
{
    private readonly AccessTokenIssuer _issuer = new(
        Options.Create(new JwtOptions { SigningKey = "benchmark-signing-key-that-is-long-enough-for-hs256" }), TimeProvider.System);
    private readonly Guid _userId = Guid.CreateVersion7();

    [Benchmark(Description = "Issue access token (HS256 JWT)")]
    public AccessToken IssueAccessToken() => _issuer.Issue(_userId, "Ada");

    [Benchmark(Description = "New refresh token + SHA-256")]
    public string NewRefreshToken()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
