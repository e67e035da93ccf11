using CodeCrafts.Api.Common;

namespace CodeCrafts.Api.Features.Leagues;

/// <summary>League weeks are the ISO weeks in UTC of the weekly board, named by their Monday.</summary>
internal static class LeagueWeeks
{
    public static DateOnly StartOf(DateTimeOffset at) => DateOnly.FromDateTime(IsoWeek.Of(at).Start.UtcDateTime);

    public static DateTimeOffset Start(DateOnly week) => new(week.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static DateTimeOffset End(DateOnly week) => Start(week).AddDays(7);

    public static string Label(DateOnly week) => IsoWeek.Of(Start(week)).ToString();

    /// <summary>
    /// PostgreSQL advisory lock keys (class, object). Every answer holds its clock week's lock shared until it commits;
    /// closing a week takes it exclusively, so once a week is closed no answer of it is still in flight.
    /// </summary>
    public const int WeekLockClass = 0x4c67_0001;

    /// <summary>Serialises the assignment of waiting placements to cohorts between replicas.</summary>
    public const int AssignLockClass = 0x4c67_0002;

    public static int LockKey(DateOnly week) => week.DayNumber;
}
