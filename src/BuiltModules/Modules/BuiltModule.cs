namespace ConfigConvert.BuiltModules;

/// <summary>
/// One <c>ngx_module_t</c> of a shared object (or of nginx itself): its position in
/// <c>ngx_modules[]</c>, its name (from <c>ngx_module_names[]</c>, which nginx copies into the module
/// when it loads it), its type, the nginx version it was built for and its signature.
/// </summary>
public sealed record BuiltModule(int Index, string Name, ModuleType Type, NginxVersion Version, ModuleSignature Signature);
