using System.Text;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.CSources.Tests;

public sealed class CSourceIndexTests
{
    [Fact]
    public void The_type_of_an_ngx_module_v1_definition_is_its_fourth_element()
    {
        var index = Index(("ngx_http_hello_module.c", """
            #include <ngx_http.h>

            ngx_module_t  ngx_http_hello_module = {
                NGX_MODULE_V1,
                &ngx_http_hello_module_ctx,            /* module context */
                ngx_http_hello_commands,               /* module directives */
                NGX_HTTP_MODULE,                       /* module type */
                NULL,                                  /* init master */
                NULL,                                  /* init module */
                NULL,                                  /* init process */
                NULL,                                  /* init thread */
                NULL,                                  /* exit thread */
                NULL,                                  /* exit process */
                NULL,                                  /* exit master */
                NGX_MODULE_V1_PADDING
            };
            """));

        Assert.Equal(new CModuleDefinition("ngx_http_hello_module", "NGX_HTTP_MODULE", "ngx_http_hello_module.c", 3, 15, null), Assert.Single(index.Modules));
        Assert.Empty(index.Diagnostics);
        Assert.Equal<string>(["ngx_http_hello_module.c"], index.Files);
    }

    [Fact]
    public void A_core_module_with_its_own_type_and_a_submodule_of_that_type()
    {
        var index = Index(
            ("ngx_widget.h", """
                #ifndef _NGX_WIDGET_H_INCLUDED_
                #define _NGX_WIDGET_H_INCLUDED_

                #define NGX_WIDGET_MODULE       0x54474457     /* "WDGT" */
                #define NGX_WIDGET_MAIN_CONF    0x02000000
                #define NGX_WIDGET_OTHER_MODULE(m)  ((m)->type)

                extern ngx_module_t  ngx_widget_module;

                #endif /* _NGX_WIDGET_H_INCLUDED_ */
                """),
            ("ngx_widget.c", """
                ngx_module_t  ngx_widget_module = {
                    NGX_MODULE_V1,
                    &ngx_widget_module_ctx,
                    ngx_widget_commands,
                    NGX_CORE_MODULE,
                    NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                    NGX_MODULE_V1_PADDING
                };
                """),
            ("ngx_widget_core_module.c", """
                ngx_module_t  ngx_widget_core_module = {
                    NGX_MODULE_V1,
                    &ngx_widget_core_module_ctx,
                    ngx_widget_core_commands,
                    NGX_WIDGET_MODULE,
                    NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                    NGX_MODULE_V1_PADDING
                };
                """));

        Assert.Equal(
            [("ngx_widget_module", "NGX_CORE_MODULE"), ("ngx_widget_core_module", "NGX_WIDGET_MODULE")],
            index.Modules.Select(m => (m.Name, m.TypeConstant)));
        var constant = Assert.Single(index.TypeConstants);
        Assert.Equal(new CModuleTypeConstant("NGX_WIDGET_MODULE", "0x54474457", "ngx_widget.h", 4, 9, null), constant);
    }

    [Fact]
    public void Declarations_are_not_definitions()
    {
        var index = Index(("a.c", """
            extern ngx_module_t  ngx_http_proxy_module;
            ngx_module_t ngx_http_forward_module;
            ngx_module_t *ngx_modules_copy[] = { &ngx_http_proxy_module, NULL };
            static void f(ngx_module_t *m) { ngx_module_t local = *m; (void) local; }
            size_t s = sizeof(ngx_module_t);
            """));

        Assert.Empty(index.Modules);
        Assert.Empty(index.Diagnostics);
    }

    [Fact]
    public void Several_modules_in_one_file_in_order()
    {
        var index = Index(("ngx_multi.c", """
            ngx_module_t ngx_stream_multi_module = { NGX_MODULE_V1, &stream_ctx, NULL, NGX_STREAM_MODULE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NGX_MODULE_V1_PADDING };

            static ngx_int_t helper(void) { return NGX_OK; }

            ngx_module_t ngx_mail_multi_module = {NGX_MODULE_V1,
                                                  &mail_ctx, NULL, NGX_MAIL_MODULE,
                                                  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NGX_MODULE_V1_PADDING};
            ngx_module_t ngx_http_multi_module = { NGX_MODULE_V1, &http_ctx, NULL, NGX_HTTP_MODULE },
                         ngx_http_multi_filter_module = { NGX_MODULE_V1, &filter_ctx, NULL, NGX_HTTP_MODULE };
            """));

        Assert.Equal(
            [
                ("ngx_stream_multi_module", "NGX_STREAM_MODULE", 1),
                ("ngx_mail_multi_module", "NGX_MAIL_MODULE", 5),
                ("ngx_http_multi_module", "NGX_HTTP_MODULE", 8),
                ("ngx_http_multi_filter_module", "NGX_HTTP_MODULE", 9),
            ],
            index.Modules.Select(m => (m.Name, m.TypeConstant, m.Line)));
    }

    [Fact]
    public void A_definition_spread_over_lines_with_comments_and_directives_between_elements()
    {
        var index = Index(("ngx_http_spread_module.c", """
            /* Module Definition */
            ngx_module_t
            ngx_http_spread_module
            =
            {
                /* ngx_uint_t ctx_index, index, spare{0-3}, version; */
                NGX_MODULE_V1, /* 0, 0, 0, 0, 0, 0, 1 */
            #if (NGX_SPREAD_CTX)
                &ngx_http_spread_module_ctx, // context, with a comma, here
            #else
                NULL, NULL,
            #endif
                ngx_http_spread_commands,
                // the type, at last
                NGX_HTTP_MODULE,
                NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                NGX_MODULE_V1_PADDING, /* 0, 0, 0, 0, 0, 0, 0, 0 */
            };
            """));

        var module = Assert.Single(index.Modules);
        Assert.Equal(("ngx_http_spread_module", "NGX_HTTP_MODULE", 3, 1), (module.Name, module.TypeConstant, module.Line, module.Column));
    }

    [Theory]
    [InlineData("0, 0, 0, 0, 0, 0, 1, &ctx, cmds, NGX_MAIL_MODULE, NULL", "NGX_MAIL_MODULE")]
    [InlineData("NGX_MODULE_UNSET_INDEX, NGX_MODULE_UNSET_INDEX, NULL, 0, 0, nginx_version, NGX_MODULE_SIGNATURE, &ctx, NULL, NGX_STREAM_MODULE", "NGX_STREAM_MODULE")]
    [InlineData("NGX_MODULE, &ctx, cmds, NGX_HTTP_MODULE, init", "NGX_HTTP_MODULE")]
    [InlineData("0, 0, &ctx, cmds, NGX_CORE_MODULE, init", "NGX_CORE_MODULE")]
    [InlineData(".ctx = &ctx, .type = NGX_HTTP_MODULE, .commands = cmds", "NGX_HTTP_MODULE")]
    [InlineData("NGX_MODULE_V1, &ctx, cmds, (NGX_HTTP_MODULE), NULL", "NGX_HTTP_MODULE")]
    [InlineData("NGX_MODULE_V1, &ctx, cmds, 0x50545448, NULL", "NGX_HTTP_MODULE")]
    [InlineData("NGX_MODULE_V1, &ctx, cmds, 0x4d525453, NULL", "NGX_STREAM_MODULE")]
    [InlineData("MY_HEADER, &ctx, cmds, NGX_FOO_MODULE, NULL", "NGX_FOO_MODULE")]
    [InlineData("NGX_MODULE_V1, &ctx, cmds, MY_TYPE_MACRO, NULL", "MY_TYPE_MACRO")]
    public void Module_type_in_old_explicit_and_designated_initializers(string initializer, string type)
    {
        var index = Index(("m.c", "ngx_module_t m = { " + initializer + " };\n"));

        Assert.Equal(type, Assert.Single(index.Modules).TypeConstant);
        Assert.Empty(index.Diagnostics);
    }

    [Fact]
    public void A_type_written_as_a_number_is_named_after_the_packages_own_constant()
    {
        var index = Index(
            ("ngx_rtmpish.h", "#define NGX_RTMPISH_MODULE (0x504D5452)\n"),
            ("ngx_rtmpish_core.c", "ngx_module_t ngx_rtmpish_core_module = { NGX_MODULE_V1, &ctx, NULL, 0x504d5452UL };\n"));

        Assert.Equal("NGX_RTMPISH_MODULE", Assert.Single(index.Modules).TypeConstant);
        Assert.Equal("0x504D5452", Assert.Single(index.TypeConstants).Value);
    }

    [Fact]
    public void A_definition_without_a_type_is_reported()
    {
        var index = Index(("m.c", "ngx_module_t ngx_broken_module = { NGX_MODULE_V1, &ctx };\n"));

        var module = Assert.Single(index.Modules);
        Assert.Equal(string.Empty, module.TypeConstant);
        var diagnostic = Assert.Single(index.Diagnostics);
        Assert.Equal("m.c(1,14): warning CC2110: cannot find the module type in the definition of `ngx_broken_module`", diagnostic.ToString());
    }

    [Fact]
    public void A_static_definition_is_indexed_and_reported()
    {
        var index = Index(("m.c", "\nstatic ngx_module_t ngx_hidden_module = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE };\n"));

        Assert.Equal("ngx_hidden_module", Assert.Single(index.Modules).Name);
        var diagnostic = Assert.Single(index.Diagnostics);
        Assert.Equal(SourceDiagnostics.StaticModuleDefinition, diagnostic.Descriptor);
        Assert.Equal((2, 21), (diagnostic.Location.Start.Line, diagnostic.Location.Start.Column));
    }

    [Fact]
    public void Definitions_in_comments_and_strings_are_not_indexed()
    {
        var index = Index(("m.c", """
            /* ngx_module_t ngx_commented_module = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE }; */
            // ngx_module_t ngx_line_module = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE };
            static char *s = "ngx_module_t ngx_string_module = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE };";
            #define DEFINE_MODULE ngx_module_t ngx_macro_module = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE };
            """));

        Assert.Empty(index.Modules);
    }

    [Fact]
    public void Definitions_under_if_0_and_else_branches_are_indexed_with_their_conditions()
    {
        var index = Index(("ngx_cond.c", """
            #if 0
            ngx_module_t ngx_off_module = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE };
            #endif

            #if (NGX_HTTP_CACHE)
            static void purge(void) {
            #else
            static void purge(int unused) {
            #endif
            }
            ngx_module_t ngx_cache_module = { NGX_MODULE_V1, &ctx, cmds, NGX_HTTP_MODULE };
            #else /* stray, ignored */
            #endif

            #ifdef NGX_STREAM
            # if (NGX_STREAM_SSL) && (nginx_version >= 1009011)
            # elif (NGX_HTTP_SSL)
            ngx_module_t ngx_ssl_module = { NGX_MODULE_V1, &ctx, NULL, NGX_STREAM_MODULE };
            # else
            ngx_module_t ngx_nossl_module = { NGX_MODULE_V1, &ctx, NULL, NGX_STREAM_MODULE };
            # endif
            #endif

            #ifndef NGX_NO_MAIL
            ngx_module_t ngx_mail_module_x = { NGX_MODULE_V1, &ctx, NULL, NGX_MAIL_MODULE };
            #else
            ngx_module_t ngx_no_mail_module = { NGX_MODULE_V1, &ctx, NULL, NGX_MAIL_MODULE };
            #endif
            """));

        Assert.Equal(
            [
                ("ngx_off_module", "0"),
                ("ngx_cache_module", null),
                ("ngx_ssl_module", "defined(NGX_STREAM) && !((NGX_STREAM_SSL) && (nginx_version >= 1009011)) && (NGX_HTTP_SSL)"),
                ("ngx_nossl_module", "defined(NGX_STREAM) && !((NGX_STREAM_SSL) && (nginx_version >= 1009011)) && !(NGX_HTTP_SSL)"),
                ("ngx_mail_module_x", "!defined(NGX_NO_MAIL)"),
                ("ngx_no_mail_module", "defined(NGX_NO_MAIL)"),
            ],
            index.Modules.Select(m => (m.Name, m.Condition)));
    }

    [Fact]
    public void An_include_guard_is_not_a_condition_but_a_condition_inside_it_is()
    {
        var index = Index(("ngx_guarded.h", """
            #if !defined(NGX_GUARDED_H)
            #define NGX_GUARDED_H
            ngx_module_t ngx_guarded_module = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE };
            #if (NGX_HTTP_SSL)
            #define NGX_GUARDED_SSL_MODULE 0x4C535347
            #endif
            #endif
            """));

        Assert.Null(Assert.Single(index.Modules).Condition);
        Assert.Equal("(NGX_HTTP_SSL)", Assert.Single(index.TypeConstants).Condition);
    }

    [Fact]
    public void Extern_c_blocks_do_not_hide_definitions()
    {
        var index = Index(("m.h", """
            #ifdef __cplusplus
            extern "C" {
            #endif
            ngx_module_t ngx_cxx_module = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE };
            #ifdef __cplusplus
            }
            #endif
            """));

        Assert.Equal("ngx_cxx_module", Assert.Single(index.Modules).Name);
    }

    [Fact]
    public void Definitions_inside_function_bodies_are_ignored()
    {
        var index = Index(("m.c", """
            void f(void)
            {
                ngx_module_t local = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE };
            }
            ngx_module_t ngx_after_module = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE };
            """));

        Assert.Equal("ngx_after_module", Assert.Single(index.Modules).Name);
    }

    [Fact]
    public void An_unterminated_comment_is_reported_where_it_opens()
    {
        var index = Index(("m.c", "int a;\n  /* never closed\nngx_module_t ngx_lost_module = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE };\n"));

        Assert.Empty(index.Modules);
        Assert.Equal("m.c(2,3): warning CC2107: comment is not closed; everything after it to the end of the file is comment", Assert.Single(index.Diagnostics).ToString());
    }

    [Fact]
    public void References_are_found_in_code_and_directives_with_lines_and_conditions()
    {
        var index = Index(
            ("a.c", """
                /* ngx_modules in a comment */
                #define ALL_MODULES ngx_modules
                static void count(ngx_cycle_t *cycle)
                {
                #if (nginx_version >= 1009011)
                    n = ngx_count_modules(cycle, NGX_RTMP_MODULE);
                #else
                    for (m = 0; ngx_modules[m]; m++) {
                        ngx_modules[m]->ctx_index = n++;
                    }
                #endif
                    s = "ngx_modules";
                }
                """),
            ("b.c", "x = ngx_max_module + ngx_modules_n;\n"));

        Assert.Equal(
            [
                ("a.c", 2, 21, true, null),
                ("a.c", 8, 17, false, "!(nginx_version >= 1009011)"),
                ("a.c", 9, 9, false, "!(nginx_version >= 1009011)"),
            ],
            index.FindReferences("ngx_modules").Select(r => (r.Path, r.Position.Line, r.Position.Column, r.InDirective, r.Condition)));
        Assert.Equal(("b.c", 1, 5), index.FindReferences("ngx_max_module").Select(r => (r.Path, r.Position.Line, r.Position.Column)).Single());
        Assert.Single(index.FindReferences("ctx_index"));
        Assert.Equal("(nginx_version >= 1009011)", Assert.Single(index.FindReferences("ngx_count_modules")).Condition);
    }

    [Fact]
    public void Source_files_expose_their_tokens()
    {
        var index = Index(("dir\\x.c", "int x;\n"), ("./a.h", "#define A 1\n"));

        Assert.Equal<string>(["a.h", "dir/x.c"], index.Files);
        var file = index.GetFile("dir/x.c");
        Assert.NotNull(file);
        Assert.Equal(["int", "x", ";"], file.Tokens.Select(file.GetText));
        Assert.Null(index.GetFile("missing.c"));
    }

    [Fact]
    public void Binary_large_and_missing_contents_from_the_enumerable_overload_are_skipped_with_diagnostics()
    {
        var index = CSourceIndex.Build(
        [
            ("ok.c", Encoding.UTF8.GetBytes("ngx_module_t ngx_ok_module = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE };")),
            ("bin.c", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]),
            ("huge.c", new byte[(16 * 1024 * 1024) + 1]),
            ("none.c", null!),
        ]);

        Assert.Equal<string>(["ok.c"], index.Files);
        Assert.Equal("ngx_ok_module", Assert.Single(index.Modules).Name);
        Assert.Equal(
            [("bin.c", "CC2104"), ("huge.c", "CC2105"), ("none.c", "CC2103")],
            index.Diagnostics.Select(d => (d.Location.Path, d.Id)));
    }

    [Fact]
    public void Latin1_sources_are_indexed()
    {
        var bytes = Encoding.Latin1.GetBytes("/* caf\u00e9 */\nngx_module_t ngx_latin_module = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE };\n");

        var module = Assert.Single(CSourceIndex.Build([("l.c", bytes)]).Modules);

        Assert.Equal(("ngx_latin_module", 2), (module.Name, module.Line));
    }

    [Fact]
    public void The_diagnostic_catalogue_has_stable_unique_ids_in_its_range()
    {
        var all = SourceDiagnostics.All;

        Assert.Equal(all.Count, all.Select(d => d.Id).Distinct().Count());
        Assert.All(all, d =>
        {
            Assert.Matches("^CC21[0-9][0-9]$", d.Id);
            Assert.Equal("Source", d.Category);
            Assert.False(string.IsNullOrWhiteSpace(d.Title));
            Assert.False(string.IsNullOrWhiteSpace(d.MessageFormat));
            Assert.NotEqual(d.Title, d.Description);
        });
        var declared = typeof(SourceDiagnostics).GetFields().Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>();
        Assert.Equal(declared.Select(d => d.Id).Order(), all.Select(d => d.Id).Order());
    }

    private static CSourceIndex Index(params (string Path, string Text)[] files)
        => CSourceIndex.Build(files.Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Text))));
}
