using System.Globalization;

namespace CodeCrafts.Api.Common;

/// <summary>An ISO 8601 week in UTC (Monday to Monday): the unit of the weekly boards, and of a week's XP.</summary>
public readonly record struct IsoWeek(int Year, int Week)
{
    public static IsoWeek Of(DateTimeOffset at)
    {
        var day = at.UtcDateTime;
        return new IsoWeek(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    public DateTimeOffset Start => new(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday), TimeSpan.Zero);

    public DateTimeOffset End => Start.AddDays(7);

    public override string ToString() => $"{Year:D4}-W{Week:D2}";
}
