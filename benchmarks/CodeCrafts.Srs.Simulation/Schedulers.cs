using CodeCrafts.Api.Features.Reviews;

namespace CodeCrafts.Srs.Simulation;

/// <summary>One item as a scheduling model sees it: what it predicts, how it learns from a review, when it asks next.</summary>
internal interface IItemModel
{
    /// <summary>Predicted probability of recall after <paramref name="elapsedDays"/>.</summary>
    double Predict(double elapsedDays);

    void Update(Rating grade, double elapsedDays);

    /// <summary>Days until the next review, at least 1.</summary>
    int NextIntervalDays();
}

/// <summary>FSRS-6 with the published default weights (not fitted to these learners).</summary>
internal sealed class FsrsModel(Fsrs fsrs) : IItemModel
{
    private MemoryState _state = fsrs.Initial(Rating.Good);

    public double Predict(double elapsedDays) => fsrs.Retrievability(_state, elapsedDays);

    public void Update(Rating grade, double elapsedDays) => _state = fsrs.Next(_state, elapsedDays, grade);

    public int NextIntervalDays() => Math.Max(1, (int)Math.Round(fsrs.NextInterval(_state)));
}

/// <summary>
/// A fixed ladder (1, 3, 7, 14, 30 days, then 30 again), back to the first rung after a lapse; <paramref name="scale"/>
/// stretches it. It has no memory model: like srs-benchmark, its prediction assumes 90% recall at the scheduled interval.
/// </summary>
internal sealed class FixedIntervalsModel(double scale) : IItemModel
{
    private static readonly int[] Ladder = [1, 3, 7, 14, 30];
    private int _rung;

    public double Predict(double elapsedDays) => Math.Pow(0.9, elapsedDays / Interval);

    public void Update(Rating grade, double elapsedDays) => _rung = grade == Rating.Again ? 0 : Math.Min(_rung + 1, Ladder.Length - 1);

    public int NextIntervalDays() => Math.Max(1, (int)Math.Round(Interval));

    private double Interval => Ladder[_rung] * scale;
}

/// <summary>
/// SuperMemo-2 (Woźniak, 1990): 1 day, 6 days, then × E-factor; a lapse restarts the repetitions without changing EF.
/// Grades map Again→1, Hard→3, Good→4, Easy→5. <paramref name="scale"/> is an interval modifier, as in Anki.
/// </summary>
internal sealed class Sm2Model(double scale) : IItemModel
{
    private int _repetitions = 1;
    private double _easiness = 2.5;
    private double _interval = 1;

    public double Predict(double elapsedDays) => Math.Pow(0.9, elapsedDays / Math.Max(1, _interval * scale));

    public void Update(Rating grade, double elapsedDays)
    {
        var q = grade switch { Rating.Again => 1, Rating.Hard => 3, Rating.Good => 4, _ => 5 };
        if (q < 3)
        {
            _repetitions = 1;
            _interval = 1;
            return;
        }
        _interval = _repetitions switch { 1 => 6, _ => _interval * _easiness };
        _repetitions++;
        _easiness = Math.Max(1.3, _easiness + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)));
    }

    public int NextIntervalDays() => Math.Max(1, (int)Math.Round(_interval * scale));
}
