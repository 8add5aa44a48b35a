namespace ConfigConvert.CSources;

/// <summary>
/// A module found in the C sources: a file-scope definition <c>ngx_module_t name = { ... };</c>.
/// </summary>
/// <param name="Name">The module's name, as configure lists it (<c>ngx_http_foo_module</c>).</param>
/// <param name="TypeConstant">
/// The module type in the initializer: <c>NGX_HTTP_MODULE</c>, <c>NGX_CORE_MODULE</c>, <c>NGX_STREAM_MODULE</c>,
/// <c>NGX_MAIL_MODULE</c>, or a type of the module's own (<c>NGX_RTMP_MODULE</c>, see
/// <see cref="CSourceIndex.TypeConstants"/>). A literal number is replaced by the name of the constant with
/// that value; empty when no type was found (diagnostic CC2110).
/// </param>
/// <param name="File">The file, relative to the module directory, with <c>/</c> separators.</param>
/// <param name="Line">The 1-based line of the module's name in the definition.</param>
/// <param name="Column">The 1-based column of the module's name.</param>
/// <param name="Condition">
/// The preprocessor conditions the definition is compiled under, outermost first, joined with
/// <c> &amp;&amp; </c> (<c>(NGX_HTTP_SSL)</c>, <c>!(NGX_HTTP_CACHE)</c> for an <c>#else</c> branch,
/// <c>defined(X)</c> for <c>#ifdef X</c>); null when it is compiled unconditionally.
/// </param>
public sealed record CModuleDefinition(string Name, string TypeConstant, string File, int Line, int Column, string? Condition);

/// <summary>
/// A module type constant of the module's own, such as <c>#define NGX_RTMP_MODULE 0x504D5452</c>: modules
/// of that type are driven by a CORE module of the same package, which must be loaded with them.
/// </summary>
/// <param name="Name">The macro's name (it ends with <c>_MODULE</c>).</param>
/// <param name="Value">The number it is defined to, as written (<c>0x504D5452</c>).</param>
/// <param name="File">The file, relative to the module directory, with <c>/</c> separators.</param>
/// <param name="Line">The 1-based line of the macro's name.</param>
/// <param name="Column">The 1-based column of the macro's name.</param>
/// <param name="Condition">The preprocessor conditions of the <c>#define</c>, or null when unconditional.</param>
public sealed record CModuleTypeConstant(string Name, string Value, string File, int Line, int Column, string? Condition);
