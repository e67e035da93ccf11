using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CodeCrafts.Api.Features.Auth;

/// <summary>
/// The token that follows a refresh token is HMAC(key, used token), the key derived from the signing key. Any replica
/// can therefore hand out the same successor again during the grace window without ever storing a token in the clear;
/// without the key, neither a copy of the old token nor the database reveals it.
/// </summary>
internal sealed class RefreshTokenSuccessor(IOptions<JwtOptions> jwt)
{
    private static readonly byte[] Purpose = "codecrafts/refresh-token-successor/v1"u8.ToArray();

    private readonly Lazy<byte[]> _key = new(() =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(jwt.Value.SigningKey), 32, salt: [], info: Purpose));

    /// <summary>The first token of a family: 256 random bits, base64url.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public string Derive(string used) => Base64Url.EncodeToString(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(used)));

    // A plain hash is enough: the token has 256 bits of entropy, so there is nothing to brute-force or salt.
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
