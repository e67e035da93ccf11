using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.Api.Features.Users;

public sealed record UserProfile(
    Guid Id,
    string Email,
    string DisplayName,
    [property: Description("IANA time zone id; the learner's calendar days (streaks, daily goal) follow it.")] string TimeZone,
    [property: Description("XP to earn per day, 1 to 10000.")] int DailyXpGoal,
    DateTimeOffset CreatedAt)
{
    public const int MaxDisplayNameLength = 64;
    public const int MinDailyXpGoal = 1;
    public const int MaxDailyXpGoal = 10_000;

    internal static readonly Expression<Func<User, UserProfile>> Projection =
        u => new UserProfile(u.Id, u.Email, u.DisplayName, u.TimeZoneId, u.DailyXpGoal, u.CreatedAt);

    internal static UserProfile From(User user) =>
        new(user.Id, user.Email, user.DisplayName, user.TimeZoneId, user.DailyXpGoal, user.CreatedAt);
}

/// <summary>A partial update: fields left out (or null) keep their value.</summary>
public sealed record UpdateProfileRequest : IValidatableObject
{
    [StringLength(UserProfile.MaxDisplayNameLength, MinimumLength = 1)]
    public string? DisplayName { get; init; }

    [IanaTimeZone]
    [Description("IANA time zone id such as America/Sao_Paulo.")]
    public string? TimeZone { get; init; }

    [Range(UserProfile.MinDailyXpGoal, UserProfile.MaxDailyXpGoal)]
    public int? DailyXpGoal { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DisplayName is not null && string.IsNullOrWhiteSpace(DisplayName))
        {
            yield return new ValidationResult("The display name must not be blank.", [nameof(DisplayName)]);
        }
    }
}
