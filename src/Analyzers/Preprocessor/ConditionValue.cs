namespace ConfigConvert.Analyzers.Preprocessor;

/// <summary>Whether code under a condition is compiled: for every target version, for none, or not known.</summary>
internal enum ConditionTruth
{
    Unknown,
    True,
    False,
}

/// <summary>
/// What a condition's value may be over the target versions: every integer from <see cref="Low"/> to
/// <see cref="High"/>. A known value is an interval of one; a name the check cannot know is the whole
/// range. Truth follows: an interval of 0 alone is false, one without 0 is true, any other is unknown.
/// </summary>
internal readonly record struct ConditionValue(long Low, long High)
{
    /// <summary>Any value at all.</summary>
    public static ConditionValue Anything { get; } = new(long.MinValue, long.MaxValue);

    /// <summary>0 or 1, not known which: the value of an unknown comparison.</summary>
    public static ConditionValue Either { get; } = new(0, 1);

    public static ConditionValue True { get; } = Exactly(1);

    public static ConditionValue False { get; } = Exactly(0);

    /// <summary>True when the value is one number.</summary>
    public bool IsExact => Low == High;

    /// <summary>What the value says about the code under it.</summary>
    public ConditionTruth Truth => Low == 0 && High == 0 ? ConditionTruth.False : Low > 0 || High < 0 ? ConditionTruth.True : ConditionTruth.Unknown;

    public static ConditionValue Exactly(long value) => new(value, value);

    public static ConditionValue FromTruth(ConditionTruth truth) => truth switch
    {
        ConditionTruth.True => True,
        ConditionTruth.False => False,
        _ => Either,
    };
}
