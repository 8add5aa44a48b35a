using ConfigConvert.Analyzers.Framework;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// Positions in a config, sorted once, asked whether any lies in a range by halving: the config rules
/// ask this per assignment or per pair of calls, and a config of thousands of each made a walk of
/// every position per question take minutes.
/// </summary>
internal sealed class SortedPositions(IEnumerable<int> positions)
{
    private readonly int[] _positions = [.. positions.Order()];

    /// <summary>Whether a position is at or after <paramref name="start"/> and before <paramref name="end"/>.</summary>
    public bool AnyIn(int start, int end)
    {
        var first = SortedSearch.CountLeading(_positions.Length, i => _positions[i] < start);
        return first < _positions.Length && _positions[first] < end;
    }
}
