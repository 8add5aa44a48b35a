using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Converter.Patches;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Rules.Repository;

/// <summary>
/// CC5001: the module changes nginx's own sources, with a shipped patch or from its config; CC5002: a
/// shipped patch file is not a diff. What counts as a patch to nginx is decided by
/// <see cref="NginxPatches"/>, which the converter's refusal (CC3002) uses too.
/// </summary>
internal sealed class PatchesNginxSources : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC5001", "Patches nginx's sources", "{0}: a dynamic module cannot change nginx, which is built before the module is loaded into it",
        RuleCategories.Repository, DiagnosticSeverity.Error,
        "A module that patches nginx's own files (a shipped *.patch or *.diff against src/..., or a config that runs patch, sed -i or cp in nginx's tree, or writes into nginx's sources or objs/) works only when nginx is rebuilt with it. Built with --add-dynamic-module, the .so is loaded into a distribution's nginx that never had the patch.",
        RuleDocumentation.HelpLink("CC5001"));

    public static readonly DiagnosticDescriptor NotADiff = new(
        "CC5002", "Patch file is not a diff", "`{0}` is named like a patch but is not a diff (no file header followed by a hunk), so what it changes cannot be told",
        RuleCategories.Repository, DiagnosticSeverity.Warning,
        "A *.patch or *.diff file is read for the files it changes. One without a ---/+++ header followed by an @@ hunk is not something patch applies; whether it is meant for nginx cannot be told.",
        RuleDocumentation.HelpLink("CC5002"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule, NotADiff];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("ships a patch to nginx's upstream", RuleExample.MinimalConfig, new ExampleFile("patches/upstream.patch", """
            Keeps the upstream's peer name for the module.

            --- [|a/src/http/ngx_http_upstream.c|]	2024-01-10 10:00:00.000000000 +0000
            +++ b/src/http/ngx_http_upstream.c	2024-01-10 10:05:00.000000000 +0000
            @@ -10,6 +10,7 @@
             #include <ngx_http.h>
             
             
            +#define NGX_HTTP_UPSTREAM_PEER_NAME  1
             #if (NGX_HTTP_CACHE)
             static ngx_int_t ngx_http_upstream_cache(ngx_http_request_t *r,
                 ngx_http_upstream_t *u);

            """)),
        RuleExample.Config("applies a patch from the config", """
            ngx_addon_name=ngx_http_example_module
            [|patch -p1 < $ngx_addon_dir/nginx.patch|]
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("edits nginx with sed -i", """
            ngx_addon_name=ngx_http_example_module
            [|sed -i -e 's/NGX_HTTP_MAX_SUBREQUESTS  50/NGX_HTTP_MAX_SUBREQUESTS  200/' src/http/ngx_http_request.h|]
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("copies a header into nginx", """
            ngx_addon_name=ngx_http_example_module
            if [ ! -f src/http/ngx_http_example.h ]; then
                [|cp $ngx_addon_dir/ngx_http_example.h src/http/|]
            fi
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """, new ExampleFile("ngx_http_example.h", "#define NGX_HTTP_EXAMPLE 1\n")),
        RuleExample.Config("overwrites configure's header in objs", """
            ngx_addon_name=ngx_http_example_module
            echo "#define NGX_HTTP_EXAMPLE_PATCHED 1" [|> $NGX_AUTO_CONFIG_H|]
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("overwrites configure's header through tee", """
            ngx_addon_name=ngx_http_example_module
            echo "#define NGX_HTTP_EXAMPLE_PATCHED 1" | [|tee $NGX_AUTO_CONFIG_H > /dev/null|]
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("rewrites configure's headers in place, named with a default", """
            ngx_addon_name=ngx_http_example_module
            echo "#define NGX_HTTP_EXAMPLE 1" [|1<> "${NGX_OBJS:-objs}/ngx_auto_headers.h"|]
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("writes into nginx's sources through objs/..", """
            ngx_addon_name=ngx_http_example_module
            echo "#define NGX_HTTP_EXAMPLE 1" [|> "$NGX_OBJS/../src/http/ngx_http_example.h"|]
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("overwrites configure's header through a variable that holds its path", """
            ngx_addon_name=ngx_http_example_module
            header="$NGX_OBJS/ngx_auto_config.h"
            echo "#define NGX_HTTP_EXAMPLE_PATCHED 1" [|> "$header"|]
            build=$NGX_OBJS
            headers=$build/ngx_auto_headers.h
            echo "#define NGX_HTTP_EXAMPLE_HEADERS 1" [|> $headers|]
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("overwrites nginx's headers through a function, an exported variable and a default", """
            ngx_addon_name=ngx_http_example_module
            ngx_http_example_write() {
                cat "$ngx_addon_dir/patched/$2" [|> "$1/$2"|]
            }
            ngx_http_example_write $NGX_OBJS ngx_http_request.h
            export NGX_HTTP_EXAMPLE_CONFIG=$NGX_OBJS/ngx_auto_config.h
            echo "#define NGX_HTTP_EXAMPLE_PATCHED 1" [|> "$NGX_HTTP_EXAMPLE_CONFIG"|]
            echo "#define NGX_HTTP_EXAMPLE_HEADERS 1" [|> ${NGX_HTTP_EXAMPLE_HEADERS:-$NGX_OBJS/ngx_auto_headers.h}|]
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """, new ExampleFile("patched/ngx_http_request.h", "#define NGX_HTTP_REQUEST_PATCHED 1\n")),
        RuleExample.Config("writes a header of its own through a function and an exported variable: not a finding", """
            ngx_addon_name=ngx_http_example_module
            ngx_http_example_version() {
                echo "#define NGX_HTTP_EXAMPLE_VERSION \"$2\"" > "$1"
            }
            ngx_http_example_version $NGX_OBJS/ngx_http_example_version.h 1.0
            export NGX_HTTP_EXAMPLE_TRACE_H=$NGX_OBJS/ngx_http_example_trace.h
            echo '#define NGX_HTTP_EXAMPLE_TRACE  1' > "$NGX_HTTP_EXAMPLE_TRACE_H"
            echo '#define NGX_HTTP_EXAMPLE_LIMIT  16' >> ${NGX_HTTP_EXAMPLE_CONFIG:-$NGX_OBJS/ngx_auto_config.h}
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("rewrites nginx's own sources through redirections", """
            ngx_addon_name=ngx_http_example_module
            sed -e 's/NGX_HTTP_MAX_SUBREQUESTS  50/NGX_HTTP_MAX_SUBREQUESTS  200/' src/http/ngx_http_request.h [|> src/http/ngx_http_request.h.new|]
            cat src/http/ngx_http_request.h.new [|> src/http/ngx_http_request.h|]
            echo "#define NGX_HTTP_EXAMPLE 1" [|>> ./src/core/ngx_config.h|]
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("writes files of its own, a log at the top of nginx's tree and a test program: not a finding", """
            ngx_addon_name=ngx_http_example_module
            echo '#define NGX_HTTP_EXAMPLE_VERSION "1.0"' > $ngx_addon_dir/src/http/ngx_http_example_version.h
            echo "example configured" >> ngx_http_example.log
            cat << END > ngx_http_example_test.c
            int main(void) { return 0; }
            END
            echo "checked" > /dev/null
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("edits nginx's header from the directory it changed to", """
            ngx_addon_name=ngx_http_example_module
            cd src/http
            [|sed -i -e 's/NGX_HTTP_MAX_SUBREQUESTS  50/NGX_HTTP_MAX_SUBREQUESTS  200/' ngx_http_request.h|]
            echo "#define NGX_HTTP_EXAMPLE 1" [|>> ngx_http_request.h|]
            cd ../..
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("edits its own files from its own directory: not a finding", """
            ngx_addon_name=ngx_http_example_module
            (cd $ngx_addon_dir; sed -i 's/@VERSION@/1.0/' src/http/version.h; echo '#define NGX_HTTP_EXAMPLE 1' > src/http/example.h)
            cd $ngx_addon_dir
            cp src/http/version.h.in src/http/version.h
            cd -
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("writes a header of its own through a variable that holds its path: not a finding", """
            ngx_addon_name=ngx_http_example_module
            version_h=$NGX_OBJS/ngx_http_example_version.h
            echo '#define NGX_HTTP_EXAMPLE_VERSION "1.0"' > $version_h
            echo '#define NGX_HTTP_EXAMPLE_TRACE  1' >> "$version_h"
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("hides nginx's own http header behind a copy in objs", """
            ngx_addon_name=ngx_http_example_module
            sed -e 's/NGX_HTTP_MAX_SUBREQUESTS  50/NGX_HTTP_MAX_SUBREQUESTS  200/' src/http/ngx_http_request.h [|> $NGX_OBJS/ngx_http_request.h|]
            [|cp $ngx_addon_dir/patched/ngx_stream_upstream.h $NGX_OBJS/ngx_stream_upstream.h|]
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """, new ExampleFile("patched/ngx_stream_upstream.h", "#define NGX_STREAM_UPSTREAM_PATCHED 1\n")),
        RuleExample.Config("appends a define as auto/have does, writes files of its own, and a Makefile configure writes again: not a finding", """
            ngx_addon_name=ngx_http_example_module
            echo '#define NGX_HTTP_EXAMPLE_VERSION "1.0"' > $NGX_OBJS/ngx_http_example_version.h
            cp $ngx_addon_dir/ngx_http_example_defaults.h $NGX_OBJS/ngx_http_example_defaults.h
            echo "CFLAGS += -DNGX_HTTP_EXAMPLE" >> "$NGX_OBJS/Makefile"
            echo '#define NGX_HTTP_EXAMPLE_TRACE  1' | tee -a "$NGX_AUTO_CONFIG_H" > /dev/null
            cat << END >> $NGX_AUTO_CONFIG_H

            #ifndef NGX_HTTP_EXAMPLE_LIMIT
            #define NGX_HTTP_EXAMPLE_LIMIT  16
            #endif

            END
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("keeps a debugging patch for nginx in its development folder", RuleExample.MinimalConfig, new ExampleFile("dev/nginx-debug-trace.patch", """
            --- [|a/src/http/ngx_http_core_module.c|]
            +++ b/src/http/ngx_http_core_module.c
            @@ -10,6 +10,7 @@
             #include <ngx_http.h>
             
             
            +#define NGX_HTTP_TRACE_PHASES  1
             typedef struct {
                 u_char    *name;
                 uint32_t   method;

            """)),
        RuleExample.Config("a patch that is not a diff", RuleExample.MinimalConfig, new ExampleFile("nginx.patch", """
            {|CC5002:Apply by hand: add `unsigned marked:1;` to ngx_http_request_s.|}
            Then rebuild nginx.

            """)),
        RuleExample.Config("patches its own bundled library", RuleExample.MinimalConfig,
            new ExampleFile("lib/src/http/parser.c", "int parser;\n"),
            new ExampleFile("lib/parser.patch", """
                diff --git a/src/http/parser.c b/src/http/parser.c
                --- a/src/http/parser.c
                +++ b/src/http/parser.c
                @@ -1 +1 @@
                -int parser;
                +int parser = 1;

                """)),
        RuleExample.Config("edits and copies its own files", """
            ngx_addon_name=ngx_http_example_module
            sed -i 's/@VERSION@/1.0/' $ngx_addon_dir/version.h
            cp $ngx_addon_dir/version.h.in "$ngx_addon_dir/version.h"
            cat $ngx_addon_dir/version.h > /dev/null
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
    ];

    public override void Initialize(AnalysisContext context)
    {
        context.RegisterRepositoryFileAction(NginxPatches.IsPatchFileName, AnalyzeFile);
        context.RegisterModuleAction(AnalyzeCommands);
        context.RegisterConfigAction(AnalyzeRedirections);
    }

    private static void AnalyzeFile(RepositoryFileAnalysisContext context)
    {
        var file = context.File;
        if (file.Length > InputLimits.MaxFileBytes)
        {
            return;
        }

        var text = SourceText.From(file.ReadAllBytes());
        var patch = NginxPatches.ReadPatchFile(context.Module.Directory, file.RelativePath, text.Text);
        if (!patch.IsDiff)
        {
            context.Report(Diagnostic.Create(NotADiff, Location.Create(file.FullPath, text, FirstLine(text.Text)), file.RelativePath));
        }
        else if (!patch.NginxFiles.IsEmpty)
        {
            var what = $"`{file.RelativePath}` patches nginx's {Files(patch.NginxFiles.Select(f => f.NginxPath))}";
            var finding = Diagnostic.Create(Rule, Location.Create(file.FullPath, text, patch.NginxFiles[0].Span), what);
            var configText = context.Module.Module.Config?.Text.Text ?? string.Empty;
            context.Report(NginxPatches.IsOutsideBuild(file.RelativePath, configText, () => context.Module.GetAnalysis(ModuleInstructions.Read).Texts)
                ? Diagnostic.Create(Rule, finding.Location, what + OutsideBuild).WithSeverity(DiagnosticSeverity.Info)
                : finding);
        }
    }

    private static void AnalyzeCommands(ModuleAnalysisContext context)
    {
        var descriptions = BuiltDescriptions(context.Module);
        foreach (var change in NginxPatches.FindCommands(descriptions, context.Module.Directory).Where(c => c.Known))
        {
            context.Report(Diagnostic.Create(Rule, change.Location, $"the config runs `{change.Program}` on nginx's {Files(change.NginxFiles)}"));
        }
    }

    private static void AnalyzeRedirections(ConfigAnalysisContext context)
    {
        var descriptions = BuiltDescriptions(context.Module);
        foreach (var write in NginxPatches.FindObjsWrites(context.Config, descriptions))
        {
            context.Report(Diagnostic.Create(Rule, write.Location, $"the config writes into nginx's build directory (`{write.NginxFiles[0]}`)"));
        }

        foreach (var write in NginxPatches.FindSourceWrites(descriptions))
        {
            context.Report(Diagnostic.Create(Rule, write.Location, $"the config writes nginx's {write.NginxFiles[0]}"));
        }
    }

    /// <summary>The module as a static build and as a dynamic one: what either runs of the config is what patches nginx.</summary>
    private static ModuleDescription[] BuiltDescriptions(ModuleAnalysis module) => [module.Describe(LinkMode.Addon), module.Describe(LinkMode.Dynamic)];

    /// <summary>Why a patch in a development folder is only a note.</summary>
    private const string OutsideBuild = ", but it sits in a development or test folder and neither the config nor a README or INSTALL applies it, so it is not part of the build; applied by hand";

    /// <summary>The files, named; <c>.</c> (where <c>patch</c> runs by default) is nginx's whole tree.</summary>
    private static string Files(IEnumerable<string> files)
        => string.Join(", ", files.Select(f => f == "." ? "source tree" : f));

    private static TextSpan FirstLine(string text)
    {
        var end = text.IndexOf('\n') is var newline and >= 0 ? newline : text.Length;
        return new TextSpan(0, end > 0 && text[end - 1] == '\r' ? end - 1 : end);
    }

    /// <summary>The module's README and INSTALL texts, read once for all its patches.</summary>
    private sealed record ModuleInstructions(ImmutableArray<string?> Texts)
    {
        public static ModuleInstructions Read(ModuleAnalysis module) => new(NginxPatches.ReadInstructions(module.Directory));
    }
}
