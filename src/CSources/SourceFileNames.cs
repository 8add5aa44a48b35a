namespace ConfigConvert.CSources;

/// <summary>
/// Which of a module's files are its sources, by name. nginx's <c>auto/make</c> compiles a listed source
/// whose name ends in <c>.c</c>, <c>.cc</c>, <c>.cpp</c> or <c>.S</c> (the sed expressions that name its
/// object file): a module written in C++, such as ngx_pagespeed, defines its <c>ngx_module_t</c> in a
/// <c>.cc</c> file and declares things in <c>.h</c>, <c>.hh</c> or <c>.hpp</c> headers.
/// </summary>
internal static class SourceFileNames
{
    private static readonly string[] CompiledCode = [".c", ".cc", ".cpp"];

    private static readonly string[] Headers = [".h", ".hh", ".hpp"];

    private static readonly string[] Cpp = [".cc", ".cpp", ".hh", ".hpp"];

    /// <summary>Assembly: compiled by nginx, but holding no C the index could read.</summary>
    private const string Assembly = ".S";

    /// <summary>True for the names of the files the C index reads: C and C++ sources and headers.</summary>
    public static bool IsIndexed(string name) => IsCompiledCode(name) || IsHeader(name);

    /// <summary>True for a header (<c>.h</c>, <c>.hh</c>, <c>.hpp</c>), which is compiled only where a source includes it.</summary>
    public static bool IsHeader(string name) => EndsWithAny(name, Headers);

    /// <summary>True for a file nginx's Makefile compiles when a config lists it, assembly included.</summary>
    public static bool IsCompiledByNginx(string name) => IsCompiledCode(name) || name.EndsWith(Assembly, StringComparison.Ordinal);

    /// <summary>True for a file that is C++ by its name (gcc compiles <c>.cc</c> and <c>.cpp</c> as C++); a <c>.h</c> is read as C.</summary>
    public static bool IsCpp(string name) => EndsWithAny(name, Cpp);

    private static bool IsCompiledCode(string name) => EndsWithAny(name, CompiledCode);

    private static bool EndsWithAny(string name, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
