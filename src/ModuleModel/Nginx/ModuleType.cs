using System.Collections.Immutable;

namespace ConfigConvert.ModuleModel.Nginx;

/// <summary>
/// A module type of nginx's build system: a value of <c>ngx_module_type</c>, and the configure list
/// (<c>&lt;TYPE&gt;_MODULES</c>) that <c>auto/module</c> appends the names to for a static build and
/// that an old-style config appends to directly. Every one of these lists goes into
/// <c>objs/ngx_modules.c</c> (<c>modules=...</c> in nginx's <c>auto/modules</c>); a list of any other
/// name is silently ignored by configure.
/// </summary>
public sealed class ModuleType
{
    /// <summary>The filter that <c>auto/module</c> places a filter before when the config gives no <c>ngx_module_order</c>.</summary>
    public const string CopyFilterModule = "ngx_http_copy_filter_module";

    private ModuleType(string name, bool isFilter)
    {
        Name = name;
        ModulesList = ModulesListOf(name);
        VariableStem = VariableStemOf(name);
        IsFilter = isFilter;
    }

    /// <summary><c>CORE</c>: modules driven by nginx's core (and blocks of a type of the package's own).</summary>
    public static ModuleType Core { get; } = new("CORE", isFilter: false);

    /// <summary><c>EVENT</c>: event modules, and modules that must come right after them in <c>ngx_modules[]</c>.</summary>
    public static ModuleType Event { get; } = new("EVENT", isFilter: false);

    /// <summary><c>HTTP</c>: HTTP modules (handlers, variables, directives).</summary>
    public static ModuleType Http { get; } = new("HTTP", isFilter: false);

    /// <summary><c>HTTP_FILTER</c>: header and body filters.</summary>
    public static ModuleType HttpFilter { get; } = new("HTTP_FILTER", isFilter: true);

    /// <summary><c>HTTP_INIT_FILTER</c>: the filters that start the chain (copy, range body, not-modified...).</summary>
    public static ModuleType HttpInitFilter { get; } = new("HTTP_INIT_FILTER", isFilter: false);

    /// <summary><c>HTTP_AUX_FILTER</c>: filters between the others and the init filters (a list nginx never initialises).</summary>
    public static ModuleType HttpAuxFilter { get; } = new("HTTP_AUX_FILTER", isFilter: true);

    /// <summary><c>MAIL</c>: mail proxy modules (need <c>--with-mail</c>).</summary>
    public static ModuleType Mail { get; } = new("MAIL", isFilter: false);

    /// <summary><c>STREAM</c>: stream (TCP/UDP) modules (need <c>--with-stream</c>).</summary>
    public static ModuleType Stream { get; } = new("STREAM", isFilter: false);

    /// <summary><c>MISC</c>: modules that come last (google perftools, the C++ test).</summary>
    public static ModuleType Misc { get; } = new("MISC", isFilter: false);

    /// <summary>Every module type, in the order the model lists registered modules.</summary>
    public static ImmutableArray<ModuleType> All { get; } = [Core, Event, Http, HttpFilter, HttpInitFilter, HttpAuxFilter, Mail, Stream, Misc];

    /// <summary>The value of <c>ngx_module_type</c>: <c>HTTP_FILTER</c>.</summary>
    public string Name { get; }

    /// <summary>The configure list of the type: <c>HTTP_FILTER_MODULES</c>.</summary>
    public string ModulesList { get; }

    /// <summary>
    /// What <c>auto/module</c> sets <c>ngx_var</c> to, the stem of the <c>_INCS</c>/<c>_DEPS</c>/<c>_SRCS</c>
    /// lists it uses for the type: <c>HTTP</c> for every <c>HTTP_*</c> type, the type itself otherwise.
    /// </summary>
    internal string VariableStem { get; }

    /// <summary>
    /// True for the types <c>auto/module</c> gives a default dynamic order when the config sets no
    /// <c>ngx_module_order</c>: the names, then <see cref="CopyFilterModule"/>.
    /// </summary>
    public bool IsFilter { get; }

    /// <summary>The type named <paramref name="name"/> (<c>HTTP_FILTER</c>), or null.</summary>
    public static ModuleType? FromName(string? name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>The type whose list is <paramref name="variable"/> (<c>HTTP_FILTER_MODULES</c>), or null.</summary>
    public static ModuleType? FromModulesList(string variable) => All.FirstOrDefault(t => t.ModulesList == variable);

    /// <summary>The list <c>auto/module</c> appends to for any <c>ngx_module_type</c>, known or not: <c>${ngx_module_type}_MODULES</c>.</summary>
    internal static string ModulesListOf(string typeName) => typeName + "_MODULES";

    /// <summary><c>auto/module</c>'s <c>case $ngx_module_type in HTTP_*) ngx_var=HTTP ;; *) ngx_var=$ngx_module_type ;; esac</c>, for any text.</summary>
    internal static string VariableStemOf(string typeName) => typeName.StartsWith("HTTP_", StringComparison.Ordinal) ? "HTTP" : typeName;

    /// <summary>
    /// The <c>ngx_module_order</c> a dynamic build of <paramref name="names"/> gets when the config gives
    /// none: the names then <see cref="CopyFilterModule"/> for a filter; nothing (the end of the list) otherwise.
    /// </summary>
    public ImmutableArray<string> DefaultOrder(IEnumerable<string> names) => IsFilter ? [.. names, CopyFilterModule] : [];

    /// <inheritdoc />
    public override string ToString() => Name;
}
