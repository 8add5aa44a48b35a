using System.Collections.Immutable;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.BuiltModules;

/// <summary>
/// What an nginx binary says about itself through the symbols it exports: its version and signature
/// (from <c>ngx_core_module</c>), its static modules (<c>ngx_module_names[]</c>), and the paths
/// compiled in (from its configure line, which it keeps for <c>nginx -V</c>).
/// </summary>
public sealed record NginxBinaryReport
{
    /// <summary>The file as given.</summary>
    public required string Path { get; init; }

    /// <summary>nginx's version; null when it could not be read.</summary>
    public NginxVersion? Version { get; init; }

    /// <summary>nginx's own signature, which every module must equal.</summary>
    public ModuleSignature? Signature { get; init; }

    /// <summary>The modules linked into the binary; nginx accepts 128 dynamic modules on top of them.</summary>
    public ImmutableArray<string> StaticModules { get; init; } = [];

    /// <summary>The prefix relative <c>load_module</c> paths are taken from (<c>--prefix</c>, default <c>/usr/local/nginx/</c>), ending with a slash.</summary>
    public string Prefix { get; init; } = "/usr/local/nginx/";

    /// <summary>The configuration file nginx reads without <c>-c</c> (<c>--conf-path</c>, default <c>conf/nginx.conf</c> under the prefix).</summary>
    public string ConfigurationPath { get; init; } = "/usr/local/nginx/conf/nginx.conf";

    /// <summary>Why the binary could not be read.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>True when the version and signature were read, so loads can be predicted.</summary>
    public bool IsUsable => Version is not null && Signature is not null;
}
