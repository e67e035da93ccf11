using System.Security.Cryptography;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace CodeCrafts.Api.Features.Auth;

/// <summary>
/// ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, salted, iteration count in the hash so it can grow).
/// Passwords pass through here and nowhere else; nothing here logs them.
/// </summary>
internal sealed class Passwords
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    private static readonly User Nobody = new() { Email = "", NormalizedEmail = "", PasswordHash = "", DisplayName = "" };
    private readonly IPasswordHasher<User> _hasher;
    private readonly string _dummyHash;

    public Passwords(IPasswordHasher<User> hasher)
    {
        _hasher = hasher;
        _dummyHash = hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
    }

    public string Hash(User user, string password)
    {
        using var _ = AuthTelemetry.Source.StartActivity("auth.password.hash");
        return _hasher.HashPassword(user, password);
    }

    /// <summary>
    /// Verifies against the user's hash, or, when there is no such user, against a dummy hash of the same
    /// cost, so "unknown email" and "wrong password" take the same time and cannot be told apart.
    /// </summary>
    public PasswordVerificationResult Verify(User? user, string password)
    {
        using var _ = AuthTelemetry.Source.StartActivity("auth.password.verify");
        if (user is not null && IsIdentityHash(user.PasswordHash))
        {
            return _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        }
        _hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
        return PasswordVerificationResult.Failed;
    }

    // Accounts created without a password (e.g. imported) carry a marker such as "!" that no password matches.
    private static bool IsIdentityHash(string hash) => hash.Length > 1 && Convert.TryFromBase64String(hash, new byte[hash.Length], out _);
}
