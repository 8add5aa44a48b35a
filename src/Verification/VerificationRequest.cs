using System.Collections.Immutable;
using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.Verification;

/// <summary>What to verify, and with which nginx.</summary>
/// <param name="ModuleDirectory">The module directory (the one holding <c>config</c>). It is copied; nothing in it is changed.</param>
public sealed record VerificationRequest(string ModuleDirectory)
{
    /// <summary>Where Debian's and Ubuntu's <c>nginx-dev</c> put nginx's configure, <c>auto/</c> scripts and headers.</summary>
    public const string DefaultNginxSource = "/usr/share/nginx/src";

    /// <summary>Where Debian's and Ubuntu's nginx packages put the binary.</summary>
    public const string DefaultNginxBinary = "/usr/sbin/nginx";

    /// <summary>The nginx source tree to configure and build with (copied, never changed).</summary>
    public string NginxSource { get; init; } = DefaultNginxSource;

    /// <summary>The nginx binary that must load the module under <c>nginx -t</c>.</summary>
    public string NginxBinary { get; init; } = DefaultNginxBinary;

    /// <summary>Configure flags added after the source tree's <c>conf_flags</c> (for example <c>--with-http_v3_module</c>).</summary>
    public ImmutableArray<string> ConfigureFlags { get; init; } = [];

    /// <summary>The nginx build the converter's model and self-check use (<c>--reference</c>).</summary>
    public ReferenceBuild Reference { get; init; } = ReferenceBuild.Default;

    /// <summary>The module's directives for the generated <c>nginx.conf</c>, by context.</summary>
    public NginxSnippets Directives { get; init; } = new();

    /// <summary>
    /// Module directories configure takes before this module, in order (<c>--with DIR</c>): a module it needs, such as
    /// ngx_devel_kit. They are read as the converter's <c>--with</c> reads them, given to the static builds with
    /// <c>--add-module=DIR</c> and to the dynamic build with <c>--add-dynamic-module=DIR</c>, and their shared objects
    /// are loaded first. They are not copied, and configure and make only read them.
    /// </summary>
    public ImmutableArray<string> ConfiguredFirst { get; init; } = [];

    /// <summary>Shared objects to load before the module's own (a module it calls, such as ngx_devel_kit).</summary>
    public ImmutableArray<string> Preload { get; init; } = [];

    /// <summary>How long each program (configure, make, nginx -t) may run before it is stopped and its step fails.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A directory to build in and to leave behind (build trees, logs, shared objects, the generated
    /// <c>nginx.conf</c>); it must be absent or empty. Null: a temporary directory, removed afterwards.
    /// </summary>
    public string? KeepDirectory { get; init; }
}

/// <summary>Text for the contexts of the generated <c>nginx.conf</c>.</summary>
/// <param name="Main">Directives of the main context (after the <c>load_module</c> lines).</param>
/// <param name="Http">Directives inside <c>http { }</c> (a <c>server { }</c> block included).</param>
/// <param name="Stream">Directives inside <c>stream { }</c>; a stream block is written (and nginx's stream module loaded) when given.</param>
/// <param name="Mail">Directives inside <c>mail { }</c>; a mail block is written (and nginx's mail module loaded) when given.</param>
public sealed record NginxSnippets(string Main = "", string Http = "", string Stream = "", string Mail = "");
