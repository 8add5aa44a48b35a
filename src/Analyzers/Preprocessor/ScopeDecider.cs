using System.Collections.Concurrent;
using ConfigConvert.CSources;

namespace ConfigConvert.Analyzers.Preprocessor;

/// <summary>
/// Decides whether code in a conditional branch is compiled for the target versions: the enclosing
/// branches must be, every earlier branch of its group must not be (<c>#else</c> and <c>#elif</c>), and
/// its own condition must hold. Each scope is decided once; scopes are shared by every token in them.
/// </summary>
internal sealed class ScopeDecider
{
    private readonly ConditionEvaluator _evaluator;
    private readonly ConcurrentDictionary<CConditionScope, ConditionTruth> _decided = new();
    private readonly ConcurrentDictionary<string, ConditionTruth> _conditions = new(StringComparer.Ordinal);

    public ScopeDecider(ConditionEvaluator evaluator)
    {
        _evaluator = evaluator;
    }

    /// <summary>True, false or unknown for code in <paramref name="scope"/>; code outside any group (null) is compiled.</summary>
    public ConditionTruth Decide(CConditionScope? scope)
    {
        if (scope is null)
        {
            return ConditionTruth.True;
        }

        if (_decided.TryGetValue(scope, out var known))
        {
            return known;
        }

        // Outermost first, in a loop: deep nesting must not recurse.
        var chain = new Stack<CConditionScope>();
        for (var s = scope; s is not null && !_decided.ContainsKey(s); s = s.Parent)
        {
            chain.Push(s);
        }

        var truth = ConditionTruth.True;
        while (chain.Count > 0)
        {
            var current = chain.Pop();
            var parent = current.Parent is null ? ConditionTruth.True : _decided[current.Parent];
            truth = ConditionEvaluator.And(parent, Branch(current)).Truth;
            _decided[current] = truth;
        }

        return truth;
    }

    /// <summary>This branch's own condition and the negation of every earlier branch of its group.</summary>
    private ConditionTruth Branch(CConditionScope branch)
    {
        var truth = branch.Condition is null ? ConditionTruth.True : DecideCondition(branch.Condition);
        for (var previous = branch.PreviousBranch; previous is not null && truth != ConditionTruth.False; previous = previous.PreviousBranch)
        {
            var earlier = previous.Condition is null ? ConditionTruth.True : DecideCondition(previous.Condition);
            truth = ConditionEvaluator.And(truth, ConditionEvaluator.Not(earlier)).Truth;
        }

        return truth;
    }

    private ConditionTruth DecideCondition(string condition) => _conditions.GetOrAdd(condition, _evaluator.Decide);
}
