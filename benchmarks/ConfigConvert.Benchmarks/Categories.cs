namespace ConfigConvert.Benchmarks;

/// <summary>The benchmark categories, each with its own baseline, and the input each one measures (for the per-byte columns).</summary>
internal static class Categories
{
    public const string ParseTypical = "parse: typical config";
    public const string ParseLarge = "parse: 9.9 MB";
    public const string Module = "module: large multi-type";
    public const string CScan = "C scanning";
    public const string ManyConditions = "module: 12 feature tests, 64 worlds";

    /// <summary>The size in bytes of the input of a category, or 0 when it has no one input.</summary>
    public static long InputBytes(string category) => category switch
    {
        ParseTypical => System.Text.Encoding.UTF8.GetByteCount(Inputs.TypicalConfig),
        ParseLarge => System.Text.Encoding.UTF8.GetByteCount(Inputs.LargeConfig),
        CScan => Inputs.CBytes(Inputs.CSourceTree),
        _ => 0,
    };
}
