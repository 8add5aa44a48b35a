namespace ConfigConvert.BuiltModules.Modules;

/// <summary>
/// Offsets of the fields of <c>struct ngx_module_s</c> on a 64-bit target (src/core/ngx_module.h of
/// nginx 1.22.1, lines 222-256; the start of the struct is the same in every version since 1.9.11):
/// <c>ctx_index</c>, <c>index</c> (ngx_uint_t), <c>name</c> (char *), <c>spare0</c>, <c>spare1</c>,
/// <c>version</c> (ngx_uint_t), <c>signature</c> (const char *), <c>ctx</c>, <c>commands</c>,
/// <c>type</c> (ngx_uint_t), then the hooks.
/// </summary>
internal static class ModuleLayout
{
    public const ulong PointerSize = 8;
    public const ulong Version = 5 * PointerSize;
    public const ulong Signature = 6 * PointerSize;
    public const ulong Type = 9 * PointerSize;

    /// <summary>The exported arrays of a shared object built by <c>make modules</c> (objs/ngx_*_modules.c).</summary>
    public const string Modules = "ngx_modules";
    public const string Names = "ngx_module_names";
    public const string Order = "ngx_module_order";

    /// <summary>The core module nginx itself defines and exports: its version and signature are nginx's.</summary>
    public const string CoreModule = "ngx_core_module";

    /// <summary>More entries than any real list has: a bound for arrays whose size is not recorded.</summary>
    public const int MaxEntries = 4096;
}
