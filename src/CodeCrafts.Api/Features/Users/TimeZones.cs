using System.ComponentModel.DataAnnotations;

namespace CodeCrafts.Api.Features.Users;

internal static class TimeZones
{
    public const string Default = "Etc/UTC";
    public const int MaxLength = 64;

    /// <summary>
    /// A zone of the IANA database, by its IANA id. The system lookup alone would also accept Windows ids
    /// ("Romance Standard Time") through ICU, which other clients and the database's own functions do not know.
    /// </summary>
    public static bool IsIanaId(string id) =>
        id.Length is > 0 and <= MaxLength
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId;
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IanaTimeZoneAttribute : ValidationAttribute
{
    public IanaTimeZoneAttribute()
        : base("The {0} field must be an IANA time zone id such as Europe/Paris.")
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string id && TimeZones.IsIanaId(id));
}
