using System.Collections.Immutable;

namespace ConfigConvert.ModuleModel.Nginx;

/// <summary>How <c>auto/module</c> links a library named in <c>ngx_module_libs</c> into a dynamic module.</summary>
internal enum LibraryLinkage
{
    /// <summary><c>MD5</c>, <c>SHA1</c>: ignored under every link mode (nginx has its own since 1.11).</summary>
    Obsolete,

    /// <summary><c>PCRE</c>, <c>OPENSSL</c>, <c>ZLIB</c>: nginx itself is linked with it (<c>USE_X=YES</c>), the <c>.so</c> uses nginx's.</summary>
    Nginx,

    /// <summary><c>LIBXSLT</c>, <c>LIBGD</c>, <c>GEOIP</c>, <c>PERL</c>: the <c>.so</c> links <c>$NGX_LIB_X</c>, and <c>USE_X=NO</c> becomes <c>DYNAMIC</c>.</summary>
    SharedObject,
}

/// <summary>
/// A library nginx's build system knows by name: a config asks for it with <c>USE_X=YES</c> (old
/// style) or by writing <c>X</c> in <c>ngx_module_libs</c>, and configure finds, tests and links it.
/// Any other word of <c>ngx_module_libs</c> is a linker flag (<c>-lm</c>).
/// </summary>
internal sealed class BuiltInLibrary
{
    private BuiltInLibrary(string name, LibraryLinkage linkage)
    {
        Name = name;
        Linkage = linkage;
        UseVariable = "USE_" + name;
    }

    public static BuiltInLibrary Pcre { get; } = new("PCRE", LibraryLinkage.Nginx);

    public static BuiltInLibrary OpenSsl { get; } = new("OPENSSL", LibraryLinkage.Nginx);

    public static BuiltInLibrary Zlib { get; } = new("ZLIB", LibraryLinkage.Nginx);

    public static BuiltInLibrary LibXslt { get; } = new("LIBXSLT", LibraryLinkage.SharedObject);

    public static BuiltInLibrary LibGd { get; } = new("LIBGD", LibraryLinkage.SharedObject);

    public static BuiltInLibrary GeoIp { get; } = new("GEOIP", LibraryLinkage.SharedObject);

    public static BuiltInLibrary Perl { get; } = new("PERL", LibraryLinkage.SharedObject);

    public static BuiltInLibrary Md5 { get; } = new("MD5", LibraryLinkage.Obsolete);

    public static BuiltInLibrary Sha1 { get; } = new("SHA1", LibraryLinkage.Obsolete);

    /// <summary>Every library, in the order of <c>auto/module</c>'s <c>case $lib in</c> for ADDON.</summary>
    public static ImmutableArray<BuiltInLibrary> All { get; } = [Pcre, OpenSsl, Zlib, LibXslt, LibGd, Perl, GeoIp, Md5, Sha1];

    /// <summary>The word in <c>ngx_module_libs</c>: <c>OPENSSL</c>.</summary>
    public string Name { get; }

    public LibraryLinkage Linkage { get; }

    /// <summary>The switch: <c>USE_OPENSSL</c>.</summary>
    public string UseVariable { get; }

    public bool IsObsolete => Linkage == LibraryLinkage.Obsolete;

    /// <summary>What a dynamic build adds to the <c>.so</c>'s libs (<c>$NGX_LIB_LIBXSLT</c>, left unexpanded), or null.</summary>
    public string? SharedObjectLibs => Linkage == LibraryLinkage.SharedObject ? "$NGX_LIB_" + Name : null;

    /// <summary>What <c>auto/module</c> sets <see cref="UseVariable"/> to for ADDON (and for nginx's own YES): YES, or null (left alone).</summary>
    public string? AddonUse => IsObsolete ? null : "YES";

    /// <summary>What <c>auto/module</c> sets <see cref="UseVariable"/> to for DYNAMIC, given its value; null: left alone.</summary>
    public string? DynamicUse(string? current) => Linkage switch
    {
        LibraryLinkage.Nginx => "YES",
        LibraryLinkage.SharedObject when current == "NO" => "DYNAMIC",
        _ => null,
    };

    /// <summary>The library named <paramref name="name"/>, or null for a linker flag.</summary>
    /// <remarks>A loop, not a query whose predicate holds the name: auto/module asks it of every word of every module's libraries, in every world.</remarks>
    public static BuiltInLibrary? FromName(string? name)
    {
        foreach (var library in All)
        {
            if (library.Name == name)
            {
                return library;
            }
        }

        return null;
    }

    /// <summary>The library whose switch is <paramref name="variable"/> (<c>USE_OPENSSL</c>), or null.</summary>
    public static BuiltInLibrary? FromUseVariable(string variable) => All.FirstOrDefault(l => l.UseVariable == variable);

    /// <inheritdoc />
    public override string ToString() => Name;
}
