using System.Globalization;

namespace ConfigConvert.BuiltModules;

/// <summary>
/// An nginx version as <c>nginx_version</c> (src/core/nginx.h) and each module's <c>version</c> field
/// record it: major * 1000000 + minor * 1000 + patch, so 1022001 is 1.22.1.
/// </summary>
public readonly record struct NginxVersion(ulong Number) : IComparable<NginxVersion>
{
    /// <summary>The first version that loads dynamic modules (<c>load_module</c>, <c>auto/module</c>).</summary>
    public static NginxVersion FirstDynamic { get; } = From(1, 9, 11);

    /// <summary>The major version.</summary>
    public ulong Major => Number / 1000000;

    /// <summary>The minor version.</summary>
    public ulong Minor => Number / 1000 % 1000;

    /// <summary>The patch level.</summary>
    public ulong Patch => Number % 1000;

    /// <summary>The version <c>major.minor.patch</c>.</summary>
    public static NginxVersion From(ulong major, ulong minor, ulong patch) => new((major * 1000000) + (minor * 1000) + patch);

    /// <summary>The next patch release, the first version a module built for this one no longer loads into.</summary>
    public NginxVersion NextPatch => new(Number + 1);

    /// <inheritdoc />
    public int CompareTo(NginxVersion other) => Number.CompareTo(other.Number);

    /// <summary><c>1.22.1</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");

    /// <summary>Compares versions.</summary>
    public static bool operator <(NginxVersion left, NginxVersion right) => left.Number < right.Number;

    /// <summary>Compares versions.</summary>
    public static bool operator >(NginxVersion left, NginxVersion right) => left.Number > right.Number;

    /// <summary>Compares versions.</summary>
    public static bool operator <=(NginxVersion left, NginxVersion right) => left.Number <= right.Number;

    /// <summary>Compares versions.</summary>
    public static bool operator >=(NginxVersion left, NginxVersion right) => left.Number >= right.Number;
}
