namespace CodeCrafts.Api.Features.Auth;

internal static class Accounts
{
    public const int MaxEmailLength = 254;

    /// <summary>The unique key of an account: "  Ada@Example.org " and "ada@example.org" are one account.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
