namespace ConfigConvert.Analyzers.Framework;

/// <summary>
/// The nginx versions a check is for, as <c>nginx_version</c> numbers (1.9.11 is 1009011): from
/// <see cref="Minimum"/> on, up to and including <see cref="Maximum"/> when there is one.
/// </summary>
internal sealed record NginxVersionRange(int Minimum, int? Maximum)
{
    /// <summary>The first nginx that loads dynamic modules built with auto/module.</summary>
    public const int FirstDynamic = 1009011;

    /// <summary>The default target: every nginx that can load a dynamic module.</summary>
    public static NginxVersionRange Dynamic { get; } = new(FirstDynamic, null);

    /// <summary>True when <paramref name="version"/> is in the range.</summary>
    public bool Contains(int version) => version >= Minimum && (Maximum is null || version <= Maximum);
}
