using System.Collections.Immutable;

namespace ConfigConvert.Analyzers.Rules.CSources.Analysis;

/// <summary>
/// The C APIs of other nginx modules that modules call, by the prefix of their names: a module that
/// calls them needs that module built and, as a <c>.so</c>, loaded before it.
/// </summary>
internal static class ModuleApis
{
    /// <summary>The known APIs: ngx_devel_kit's <c>ndk_*</c> and lua-nginx-module's <c>ngx_http_lua_*</c>.</summary>
    public static ImmutableArray<ModuleApi> All { get; } =
    [
        new("ndk_", "ngx_devel_kit", "ndk_http_module"),
        new("ngx_http_lua_", "lua-nginx-module", "ngx_http_lua_module"),
    ];

    /// <summary>
    /// The API an identifier belongs to, or null. Type names (nginx's <c>_t</c> types and <c>_pt</c>
    /// function pointer types, such as <c>ndk_set_var_value_pt</c>) name no symbol the <c>.so</c> needs.
    /// </summary>
    public static ModuleApi? Of(string identifier)
        => identifier.EndsWith("_t", StringComparison.Ordinal) || identifier.EndsWith("_pt", StringComparison.Ordinal) ? null : All.FirstOrDefault(api => identifier.StartsWith(api.Prefix, StringComparison.Ordinal) && identifier.Length > api.Prefix.Length);

    /// <summary>True when <paramref name="identifier"/> starts with some API's prefix: every name <see cref="Of"/> finds an API for does.</summary>
    public static bool HasPrefix(ReadOnlySpan<char> identifier)
    {
        foreach (var api in All)
        {
            if (identifier.StartsWith(api.Prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>An API: the prefix of its names, the package that provides it, and the module configure and load_module know it by.</summary>
internal sealed record ModuleApi(string Prefix, string Package, string ModuleName);
