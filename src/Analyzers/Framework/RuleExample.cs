using System.Collections.Immutable;

namespace ConfigConvert.Analyzers.Framework;

/// <summary>
/// A small module written out as files, on which a rule must report exactly what is marked: <c>[|text|]</c>
/// marks where the rule's first descriptor is reported, <c>{|CC4002:text|}</c> where a given one is. An
/// example without markers must report nothing. The markers are removed before the files are written.
/// When <see cref="Fixed"/> is set, applying every fix reported must give exactly those files.
/// </summary>
internal sealed record RuleExample(string Name, ImmutableArray<ExampleFile> Files)
{
    /// <summary>The files after the fixes, by path; files not listed must be unchanged.</summary>
    public ImmutableArray<ExampleFile> Fixed { get; init; } = [];

    /// <summary>The nginx versions to check for, when not the default.</summary>
    public NginxVersionRange? Target { get; init; }

    /// <summary>An example that is just a config script.</summary>
    public static RuleExample Config(string name, string config, params ExampleFile[] others) => new(name, [new ExampleFile("config", config), .. others]);

    /// <summary>An example of one C file beside a minimal config that adds it.</summary>
    public static RuleExample CSource(string name, string source) => new(name, [new ExampleFile("config", MinimalConfig), new ExampleFile("ngx_http_example_module.c", source)]);

    /// <summary>
    /// A config registering <c>ngx_http_example_module</c> from one source file, new style with the branch
    /// for nginx before 1.9.11: clean for every config rule.
    /// </summary>
    public const string MinimalConfig = """
        ngx_addon_name=ngx_http_example_module

        if test -n "$ngx_module_link"; then
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module
        else
            HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"
        fi

        """;
}

/// <summary>One file of an example: its path relative to the module directory and its text.</summary>
internal sealed record ExampleFile(string Path, string Text);
