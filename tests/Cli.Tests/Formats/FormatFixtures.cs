using System.Collections.Immutable;
using ConfigConvert.Analyzers;
using ConfigConvert.Cli.Output.Formats;
using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Diagnostics;
using ConfigConvert.Fixes;
using ConfigConvert.Text;

namespace ConfigConvert.Cli.Tests.Formats;

/// <summary>Modules written for the format tests, and reports made directly for sizes the command line would take long to reach.</summary>
internal static class FormatFixtures
{
    /// <summary>Old style (CC2201 on line 2, with a fix) and an assignment of ngx_module_link (CC2202 on line 4).</summary>
    public const string OldStyleWithLink = "ngx_addon_name=ngx_http_x_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_x_module.c\"\nngx_module_link=DYNAMIC\n";

    public const string OldStyle = "ngx_addon_name=ngx_http_x_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_x_module.c\"\n";

    /// <summary>A repository with module <c>m</c> (its config is <paramref name="config"/>) and the C source that defines its module.</summary>
    public static TempDirectory Repository(string config)
    {
        var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\n");
        dir.Write("m/config", config);
        dir.Write("m/ngx_http_x_module.c", "#include <ngx_config.h>\n#include <ngx_core.h>\n#include <ngx_http.h>\n\nngx_module_t  ngx_http_x_module = {\n    NGX_MODULE_V1, NULL, NULL, NGX_HTTP_MODULE,\n    NULL, NULL, NULL, NULL, NULL, NULL, NULL,\n    NGX_MODULE_V1_PADDING\n};\n");
        return dir;
    }

    /// <summary>Runs <c>check</c> on the repository's module with paths relative to the repository.</summary>
    public static CliRunner.Result Check(TempDirectory repository, params string[] arguments)
        => CliRunner.Run(["check", Path.Combine(repository.Path, "m"), "--repository-root", repository.Path, .. arguments]);

    /// <summary>A check report of <paramref name="count"/> findings of one severity, one per line of one file (lines of equal length), each with a fix that deletes its line.</summary>
    public static Report ManyFindings(int count, DiagnosticSeverity severity, string root, int lineLength = 40)
    {
        var path = Path.Combine(root, "m", "config");
        var lines = Enumerable.Range(1, count).Select(i => $"ngx_module_link=DYNAMIC # {i:D5} ".PadRight(lineLength, '#') + "\n").ToList();
        var line = lines[0];
        var source = SourceText.From(string.Concat(lines));
        var rule = RuleCatalog.Find("CC2202")!;
        var findings = Enumerable.Range(0, count).Select(i =>
        {
            var span = new TextSpan(i * line.Length, line.Length - 1);
            return Diagnostic.Create(rule, Location.Create(path, source, span)).WithSeverity(severity)
                .WithFix(new Fix("Remove the assignment", [new TextChange(path, new TextSpan(span.Start, line.Length), string.Empty)]));
        }).ToImmutableArray();
        var sources = SourceFiles.Read([], [KeyValuePair.Create(path, source)]);
        return new Report(ReportCommand.Check, [new ModuleReport(Path.Combine(root, "m"), findings)], [], sources);
    }

    /// <summary>Writes <paramref name="report"/> in <paramref name="format"/> and returns the output.</summary>
    public static string Render(string format, Report report, ReportOptions options)
    {
        var output = new StringWriter();
        ReportFormats.Get(format).Write(report, new FormatContext(new CliConsole(output, new StringWriter()), options));
        return output.ToString();
    }
}
