namespace ConfigConvert.ModuleModel;

/// <summary>How configure includes the module; what <c>ngx_module_link</c> says.</summary>
public enum LinkMode
{
    /// <summary><c>--add-module</c>: <c>ngx_module_link=ADDON</c>, linked into the nginx binary.</summary>
    Addon,

    /// <summary><c>--add-dynamic-module</c>: <c>ngx_module_link=DYNAMIC</c>, built as a shared object.</summary>
    Dynamic,

    /// <summary>nginx before 1.9.11: no <c>ngx_module_link</c>, no <c>auto/module</c>.</summary>
    Legacy,
}
