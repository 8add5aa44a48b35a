using ConfigConvert.Verification;

namespace ConfigConvert.Analyzers.Tests.Proofs;

/// <summary>
/// Two modules a review found <c>check --fix</c> broke, proven with the real nginx after the fix: each is
/// fixed, then <see cref="ModuleVerifier"/> builds it static and dynamic and loads it under <c>nginx -t</c>.
/// A directive handler fixed to walk <c>cycle-&gt;modules</c> of a local taken from the global
/// <c>ngx_cycle</c> crashed <c>nginx -t</c> (exit 139: that is the previous cycle, whose <c>modules</c> is NULL
/// on first start); a counting loop replaced by <c>ngx_count_modules</c> left its <c>module</c> local
/// unused, which nginx's <c>-Werror</c> build rejected.
/// </summary>
[Trait("Requires", "nginx")]
[Trait("Requires", "dash")]
public sealed class FixedHandlerProofTests
{
    private const string CycSource = """
        #include <ngx_config.h>
        #include <ngx_core.h>
        #include <ngx_http.h>
        static char *ngx_http_cyc(ngx_conf_t *cf, ngx_command_t *cmd, void *conf);
        static ngx_command_t ngx_http_cyc_commands[] = {
            { ngx_string("cyc"), NGX_HTTP_MAIN_CONF|NGX_CONF_NOARGS, ngx_http_cyc, 0, 0, NULL },
            ngx_null_command };
        static ngx_http_module_t ngx_http_cyc_module_ctx = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
        ngx_module_t ngx_http_cyc_module = { NGX_MODULE_V1, &ngx_http_cyc_module_ctx, ngx_http_cyc_commands,
            NGX_HTTP_MODULE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NGX_MODULE_V1_PADDING };
        static char *
        ngx_http_cyc(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
        {
            ngx_uint_t    i, n;
            ngx_cycle_t  *cycle = (ngx_cycle_t *) ngx_cycle;
            n = 0;
            for (i = 0; ngx_modules[i]; i++) {
                if (ngx_modules[i]->type == NGX_HTTP_MODULE) { n++; }
            }
            ngx_log_error(NGX_LOG_NOTICE, cycle->log, 0, "cyc: %ui http modules", n);
            return NGX_CONF_OK;
        }

        """;

    private const string CntSource = """
        #include <ngx_config.h>
        #include <ngx_core.h>
        #include <ngx_http.h>

        #define NGX_CNT_MODULE 0x434e5420

        static ngx_uint_t ngx_cnt_max_module;
        static ngx_uint_t ngx_cnt_max2;

        static ngx_int_t ngx_http_cnt_init(ngx_cycle_t *cycle);

        static ngx_http_module_t ngx_http_cnt_module_ctx = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
        ngx_module_t ngx_http_cnt_module = { NGX_MODULE_V1, &ngx_http_cnt_module_ctx, NULL,
            NGX_HTTP_MODULE, NULL, ngx_http_cnt_init, NULL, NULL, NULL, NULL, NULL, NGX_MODULE_V1_PADDING };

        static ngx_int_t
        ngx_http_cnt_init(ngx_cycle_t *cycle)
        {
            ngx_uint_t      m, k;
            ngx_module_t  **modules, *module;
            modules = cycle->modules;
            ngx_cnt_max_module = 0;
            for (m = 0; modules[m]; m++) {
                module = modules[m];
                if (module->type != NGX_CNT_MODULE) { continue; }
                module->ctx_index = ngx_cnt_max_module++;
            }
            k = 0; ngx_cnt_max2 = 0;
            for (m = 0; modules[m]; m++) {
                if (modules[m]->type == NGX_CNT_MODULE) { modules[m]->ctx_index = ngx_cnt_max2++; }
            }
            return k + ngx_cnt_max_module;
        }

        """;

    [Fact]
    public void A_directive_handler_fixed_to_its_configuration_s_cycle_passes_nginx_t()
    {
        using var module = HttpModule.Write("ngx_http_cyc_module", CycSource);
        FixRunner.Fix(module.Path);
        Assert.Contains("for (i = 0; cf->cycle->modules[i]; i++)", module.Source, StringComparison.Ordinal);

        var report = Verify(module, new NginxSnippets(Main: "error_log stderr notice;", Http: "cyc;"));
        Assert.Contains(report.NginxMessages, m => m.StartsWith("[notice] cyc: ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_counting_loop_whose_fix_would_leave_a_local_unused_is_left_as_it_is_and_builds()
    {
        using var module = HttpModule.Write("ngx_http_cnt_module", CntSource);
        var fixReport = FixRunner.Fix(module.Path);
        Assert.Equal(CntSource, module.Source);
        Assert.Contains(fixReport.Diagnostics, d => d.Id == "CC4002" && d.Message.Contains("`module` is used only by this loop", StringComparison.Ordinal));

        Verify(module, new NginxSnippets());
    }

    private static VerificationReport Verify(HttpModule module, NginxSnippets directives)
    {
        ProofTools.RequireNginx();
        var report = ModuleVerifier.Verify(new VerificationRequest(module.Path) { Directives = directives, Timeout = TimeSpan.FromMinutes(5) });
        var steps = string.Join("\n", report.Problems.Select(p => "problem: " + p.Message)
            .Concat(report.Steps.Select(s => $"{s.Kind}: {s.Outcome}: {s.Message}{(s.FailedRun is { } run ? "\n" + string.Join("\n", run.Tail(15)) : string.Empty)}")));
        Assert.True(report.Verdict == VerificationVerdict.Proven, steps + "\n--- source ---\n" + module.Source);
        return report;
    }

    /// <summary>A one-file HTTP module with a new-style config, written to a temporary directory and removed afterwards.</summary>
    private sealed class HttpModule : IDisposable
    {
        private readonly string _root;

        private HttpModule(string root, string path, string name)
        {
            _root = root;
            Path = path;
            SourcePath = System.IO.Path.Combine(path, name + ".c");
        }

        public string Path { get; }

        public string Source => File.ReadAllText(SourcePath);

        private string SourcePath { get; }

        public static HttpModule Write(string name, string source)
        {
            var root = Directory.CreateTempSubdirectory("cc-proof-").FullName;
            var path = System.IO.Path.Combine(root, name);
            Directory.CreateDirectory(path);
            File.WriteAllText(System.IO.Path.Combine(path, "config"), $"ngx_addon_name={name}\nngx_module_type=HTTP\nngx_module_name={name}\nngx_module_srcs=\"$ngx_addon_dir/{name}.c\"\n. auto/module\n");
            File.WriteAllText(System.IO.Path.Combine(path, name + ".c"), source);
            return new HttpModule(root, path, name);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A temporary directory left behind is not worth failing a test over.
            }
        }
    }
}
