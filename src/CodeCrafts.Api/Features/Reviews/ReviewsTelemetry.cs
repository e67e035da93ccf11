using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CodeCrafts.Api.Features.Reviews;

/// <summary>Spans and counters of the review feature, on the service's one ActivitySource and Meter.</summary>
public sealed class ReviewsTelemetry
{
    public static readonly ActivitySource Source = new(Telemetry.ServiceName);

    private readonly Counter<long> _recorded;
    private readonly Histogram<double> _interval;

    public ReviewsTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.ServiceName);
        _recorded = meter.CreateCounter<long>("codecrafts.reviews.recorded", "{review}", "Reviews recorded, by rating and the state they left the item in.");
        _interval = meter.CreateHistogram<double>("codecrafts.reviews.scheduled_interval", "d", "Time until the item is due again.");
    }

    public void Recorded(Rating rating, ReviewPlan plan)
    {
        var tags = new TagList { { "rating", rating.ToString() }, { "state", plan.State.ToString() } };
        _recorded.Add(1, tags);
        _interval.Record(plan.ScheduledDays, tags);
    }
}
