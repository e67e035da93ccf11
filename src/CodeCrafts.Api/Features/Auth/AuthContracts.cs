using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using CodeCrafts.Api.Features.Users;

namespace CodeCrafts.Api.Features.Auth;

public sealed record RegisterRequest : IValidatableObject
{
    [Required, EmailAddress, MaxLength(Accounts.MaxEmailLength)]
    [Description("Login name; trimmed, and unique regardless of letter case.")]
    public string Email { get; init; } = "";

    [Required, StringLength(Passwords.MaxLength, MinimumLength = Passwords.MinLength)]
    [Description("8 to 128 characters, not the email address.")]
    public string Password { get; init; } = "";

    [Required, StringLength(UserProfile.MaxDisplayNameLength, MinimumLength = 1)]
    public string DisplayName { get; init; } = "";

    [IanaTimeZone]
    [Description("IANA time zone id such as Europe/Paris; streaks follow its calendar days. Default Etc/UTC.")]
    public string? TimeZone { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var email = Email.Trim();
        // EmailAddressAttribute only checks for one '@'; the address must also parse as nothing but an address.
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            yield return new ValidationResult("The email address is not valid.", [nameof(Email)]);
        }
        if (string.Equals(Password, email, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("The password must not be the email address.", [nameof(Password)]);
        }
    }
}

public sealed record LoginRequest
{
    [Required, MaxLength(Accounts.MaxEmailLength)]
    public string Email { get; init; } = "";

    [Required, MaxLength(Passwords.MaxLength)]
    public string Password { get; init; } = "";
}

/// <summary>The body of /refresh and /logout: possession of the refresh token is what proves the session.</summary>
public sealed record RefreshTokenRequest
{
    [Required, MaxLength(RefreshTokenStore.MaxPresentedLength)]
    [Description("The refresh token from the last login, registration or refresh.")]
    public string RefreshToken { get; init; } = "";
}

public sealed record TokenPair(
    [property: Description("Always \"Bearer\".")] string TokenType,
    [property: Description("JWT for the Authorization header.")] string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    [property: Description("Opaque, single use: exchange it at /api/auth/refresh for a new pair.")] string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt)
{
    internal static TokenPair From(AccessToken access, IssuedRefreshToken refresh) =>
        new("Bearer", access.Token, access.ExpiresAt, refresh.Token, refresh.ExpiresAt);
}

public sealed record AuthResponse(UserProfile User, TokenPair Tokens);
