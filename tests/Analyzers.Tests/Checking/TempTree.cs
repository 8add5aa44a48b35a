namespace ConfigConvert.Analyzers.Tests.Checking;

/// <summary>A temporary directory tree for a test, removed afterwards.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "cc-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);

        // No .editorconfig above the tree may change what the tests see.
        File.WriteAllText(Path.Combine(Root, ".editorconfig"), "root = true\n");
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary directory left behind is not worth failing a test over.
        }
    }
}

/// <summary>Configs and sources the checking tests share, built on the two rules that exist (CC2201, CC2202).</summary>
internal static class Samples
{
    /// <summary>
    /// The options of the checking tests: only the two rules the samples below are written for, so that
    /// what they test of the check itself does not move when other rules are added.
    /// </summary>
    public static CheckOptions TwoRules { get; } = new() { Analyzers = [new ConfigConvert.Analyzers.Rules.Config.OldStyleConfig(), new ConfigConvert.Analyzers.Rules.Config.ConfigSetsModuleLink()] };

    /// <summary>New style, clean for every rule.</summary>
    public const string CleanConfig = Framework.RuleExample.MinimalConfig;

    /// <summary>Old style: CC2201 on line 2, with the converter's fix.</summary>
    public const string OldStyleConfig = """
        ngx_addon_name=ngx_http_example_module
        HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
        NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"

        """;

    /// <summary>A source that defines the module of the configs above.</summary>
    public const string Source = """
        #include <ngx_config.h>
        #include <ngx_core.h>
        #include <ngx_http.h>

        ngx_module_t ngx_http_example_module = {
            NGX_MODULE_V1, NULL, NULL, NGX_HTTP_MODULE,
            NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            NGX_MODULE_V1_PADDING
        };

        """;

    /// <summary>A config that sets ngx_module_link (CC2202) on the line after the lines of <paramref name="before"/>, which follow line 1.</summary>
    public static string LinkConfig(string before = "") => "ngx_addon_name=ngx_http_example_module\n" + before + """
        ngx_module_link=DYNAMIC
        ngx_module_type=HTTP
        ngx_module_name=ngx_http_example_module
        ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
        . auto/module

        """;
}
