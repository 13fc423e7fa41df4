namespace FleetServerless.Cloud.Ingest;

/// <summary>
/// The sequence numbers one relay delivered, kept as the lowest, the highest and the gaps between them.
/// </summary>
/// <remarks>
/// The gaps are always the numbers in [min, max] that were never added, so the state depends only on the set of
/// numbers added and not on their order or repeats: a replay in any order ends in the same state.
/// </remarks>
public sealed class SequenceRanges
{
    private readonly SortedDictionary<long, long> _gaps = new();

    public SequenceRanges()
    {
    }

    public SequenceRanges(long min, long max, IEnumerable<(long From, long To)> gaps)
    {
        if (min > max || min < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"The range {min}..{max} is invalid.");
        }

        Min = min;
        Max = max;
        foreach (var (from, to) in gaps)
        {
            _gaps[from] = to;
        }
    }

    /// <summary>The lowest number added; 0 while none was.</summary>
    public long Min { get; private set; }

    /// <summary>The highest number added; 0 while none was.</summary>
    public long Max { get; private set; }

    public bool IsEmpty => Max == 0;

    /// <summary>Missing ranges, inclusive, in ascending order.</summary>
    public IReadOnlyList<(long From, long To)> Gaps => _gaps.Select(g => (g.Key, g.Value)).ToList();

    public long MissingCount => _gaps.Sum(g => g.Value - g.Key + 1);

    /// <summary>Records a delivered number. Returns false when it was already recorded.</summary>
    public bool Add(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        if (IsEmpty)
        {
            Min = Max = sequence;
            return true;
        }

        if (sequence > Max)
        {
            if (sequence > Max + 1)
            {
                _gaps[Max + 1] = sequence - 1;
            }

            Max = sequence;
            return true;
        }

        if (sequence < Min)
        {
            if (sequence < Min - 1)
            {
                _gaps[sequence + 1] = Min - 1;
            }

            Min = sequence;
            return true;
        }

        return FillGap(sequence);
    }

    private bool FillGap(long sequence)
    {
        foreach (var (from, to) in _gaps)
        {
            if (from > sequence)
            {
                break;
            }

            if (sequence > to)
            {
                continue;
            }

            _gaps.Remove(from);
            if (from < sequence)
            {
                _gaps[from] = sequence - 1;
            }

            if (sequence < to)
            {
                _gaps[sequence + 1] = to;
            }

            return true;
        }

        return false;
    }
}
