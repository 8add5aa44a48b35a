using System.Collections.Immutable;

namespace ConfigConvert.BuiltModules;

/// <summary>
/// A module's binary-compatibility signature (<c>NGX_MODULE_SIGNATURE</c>, e.g.
/// <c>8,4,8,0011111111010111001111111111111111</c>) decoded with the layout of the nginx version it
/// was built for.
/// </summary>
public sealed record ModuleSignature
{
    /// <summary>The string as stored in the module.</summary>
    public required string Text { get; init; }

    /// <summary><c>sizeof(void *)</c> (NGX_PTR_SIZE), null when the string is not a signature.</summary>
    public int? PointerSize { get; init; }

    /// <summary><c>sizeof(sig_atomic_t)</c> (NGX_SIG_ATOMIC_T_SIZE).</summary>
    public int? SigAtomicSize { get; init; }

    /// <summary><c>sizeof(time_t)</c> (NGX_TIME_T_SIZE).</summary>
    public int? TimeSize { get; init; }

    /// <summary>Each position, named; empty when the string is not a signature.</summary>
    public ImmutableArray<SignatureFeature> Features { get; init; } = [];

    /// <summary>Whether configure ran with <c>--with-compat</c>; null before nginx 1.11.5, which had no such option.</summary>
    public bool? WithCompat { get; init; }

    /// <summary>The first nginx version of the layout used to name the positions.</summary>
    public NginxVersion LayoutSince { get; init; }

    /// <summary>False when the string does not have the shape of a signature, or has another number of positions than its layout.</summary>
    public bool IsWellFormed { get; init; }
}

/// <summary>One position of a signature: its number, the feature, the preprocessor condition (null for a constant), and its value.</summary>
public sealed record SignatureFeature(int Position, string Name, string? Condition, bool Enabled);

/// <summary>A part of two signatures that differs: a size or a feature, with each side's value.</summary>
public sealed record SignatureDifference(string Feature, string InModule, string InNginx);
