namespace CodeCrafts.Data.Entities;

/// <summary>
/// One refresh token of a rotation family (a session). Only a hash is stored; presenting a consumed
/// token again, after the short grace window for double submits, means it was stolen, and the whole family is revoked.
/// </summary>
public class RefreshToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid FamilyId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the family's first token was issued (the sign-in): the absolute session lifetime counts from here.</summary>
    public DateTimeOffset SessionStartedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public User? User { get; set; }
}
