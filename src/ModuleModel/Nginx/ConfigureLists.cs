using System.Collections.Immutable;

namespace ConfigConvert.ModuleModel.Nginx;

/// <summary>
/// The variables of configure that a module's config adds to, besides the module lists of
/// <see cref="ModuleType"/>, and the variables <c>auto/module</c> reads.
/// </summary>
internal static class ConfigureLists
{
    /// <summary>The sources of every static addon.</summary>
    public const string AddonSources = "NGX_ADDON_SRCS";

    /// <summary>The headers every addon object depends on.</summary>
    public const string AddonDeps = "NGX_ADDON_DEPS";

    /// <summary>The linker flags of the nginx binary.</summary>
    public const string CoreLibs = "CORE_LIBS";

    /// <summary>The include directories of every object; where a dynamic module's <c>ngx_module_incs</c> go.</summary>
    public const string CoreIncs = "CORE_INCS";

    /// <summary>The shared objects of a dynamic build, each by the first name of its <c>ngx_module_name</c>.</summary>
    public const string DynamicModules = "DYNAMIC_MODULES";

    /// <summary>Every source of every shared object, for <c>auto/module</c> to list a source shared with an earlier one once.</summary>
    public const string DynamicModulesSources = "DYNAMIC_MODULES_SRCS";

    /// <summary>
    /// The lists whose files configure compiles or depends on, read by the model as sources, deps and
    /// include directories. There are no <c>EVENT_*</c> lists: auto/sources and auto/os/conf fold
    /// <c>EVENT_SRCS</c>/<c>_DEPS</c>/<c>_INCS</c> into <c>CORE_*</c> before any config runs, so what a
    /// config adds to them later is never built.
    /// </summary>
    public static ImmutableArray<string> Sources { get; } = [AddonSources, "CORE_SRCS", "HTTP_SRCS", "MAIL_SRCS", "STREAM_SRCS", "MISC_SRCS"];

    /// <inheritdoc cref="Sources"/>
    public static ImmutableArray<string> Deps { get; } = [AddonDeps, "CORE_DEPS", "HTTP_DEPS", "MAIL_DEPS", "STREAM_DEPS", "MISC_DEPS"];

    /// <inheritdoc cref="Sources"/>
    public static ImmutableArray<string> Incs { get; } = [CoreIncs, "HTTP_INCS", "MAIL_INCS", "STREAM_INCS", "MISC_INCS"];

    /// <summary>The suffixes of the variables <c>auto/module</c> writes for one shared object (<c>&lt;name&gt;_MODULES</c>...).</summary>
    public static class SharedObject
    {
        public const string Modules = "_MODULES";
        public const string Sources = "_SRCS";
        public const string SharedSources = "_SHRD";
        public const string Libs = "_LIBS";
        public const string Order = "_ORDER";
    }
}

/// <summary>The variables a config describes its modules with before <c>. auto/module</c>.</summary>
internal static class AutoModuleVariables
{
    public const string Link = "ngx_module_link";
    public const string Type = "ngx_module_type";
    public const string Name = "ngx_module_name";
    public const string Incs = "ngx_module_incs";
    public const string Deps = "ngx_module_deps";
    public const string Sources = "ngx_module_srcs";
    public const string Libs = "ngx_module_libs";
    public const string Order = "ngx_module_order";

    /// <summary>The value of <see cref="Link"/> under <c>--add-module</c>.</summary>
    public const string AddonLink = "ADDON";

    /// <summary>The value of <see cref="Link"/> under <c>--add-dynamic-module</c>.</summary>
    public const string DynamicLink = "DYNAMIC";

    /// <summary>The value of <see cref="Link"/> for nginx's own static modules.</summary>
    public const string NginxLink = "YES";

    /// <summary>What configure clears before it sources each addon's config (<c>auto/modules</c>).</summary>
    public static ImmutableArray<string> ClearedPerAddon { get; } = [Type, Name, Incs, Deps, Sources, Libs, Order];

    /// <summary>What configure sets per addon according to the link mode: <see cref="ClearedPerAddon"/> and <see cref="Link"/> (all unset before 1.9.11).</summary>
    public static ImmutableArray<string> SetPerAddon { get; } = [.. ClearedPerAddon, Link];
}
