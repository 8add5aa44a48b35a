using ConfigConvert.Verification.Nginx;

namespace ConfigConvert.Verification.Tests;

/// <summary>Reading what configure wrote under objs/, on files shaped as nginx 1.22.1's configure writes them.</summary>
public sealed class StaticBuildFactsTests
{
    private const string Module = "/work/hello";

    private const string ModulesFile = """
        #include <ngx_config.h>
        #include <ngx_core.h>

        extern ngx_module_t  ngx_core_module;
        extern ngx_module_t  ngx_http_hello_module;

        ngx_module_t *ngx_modules[] = {
            &ngx_core_module,
            &ngx_http_module,
            &ngx_http_hello_module,
            &ngx_http_write_filter_module,
            NULL
        };

        char *ngx_module_names[] = {
            "ngx_core_module",
            "ngx_not_in_the_array_module",
            NULL
        };
        """;

    private const string Makefile = "CC =\tcc\nLINK =\t$(CC)\n\nALL_INCS = -I src/core \\\n\t-I /work/hello/include \\\n\t-I objs\n\nHTTP_INCS = -I src/http \\\n\t-I /work/hello\n\n"
        + "objs/nginx:\tobjs/src/core/nginx.o \\\n\tobjs/addon/hello/hello.o \\\n\tobjs/ngx_modules.o\n\n"
        + "\t$(LINK) -o objs/nginx \\\n\tobjs/src/core/nginx.o \\\n\tobjs/addon/hello/hello.o \\\n\tobjs/ngx_modules.o \\\n\t-ldl -lpthread -lm /work/hello/lib/libx.a \\\n\t-Wl,-E\n\t\n\n"
        + "objs/addon/hello/hello.o:\t$(ADDON_DEPS) \\\n\t/work/hello/src/hello.c\n\t$(CC) -c $(CFLAGS) $(ALL_INCS) \\\n\t\t-o objs/addon/hello/hello.o \\\n\t\t/work/hello/src/hello.c\n\n"
        + "objs/src/core/nginx.o:\t$(CORE_DEPS) \\\n\tsrc/core/nginx.c\n";

    private const string AutoConfig = "#define NGX_CONFIGURE \" --add-module=/work/hello\"\n\n#ifndef NGX_HAVE_EPOLL\n#define NGX_HAVE_EPOLL  1\n#endif\n\n#ifndef NGX_HELLO\n#define NGX_HELLO  1\n#endif\n";

    private static StaticBuildFacts Facts(string modules = ModulesFile, string makefile = Makefile, string autoConfig = AutoConfig)
        => StaticBuildFacts.Read(new StaticBuildFiles(modules, makefile, autoConfig), Module);

    [Fact]
    public void Modules_are_the_ngx_modules_array_in_order()
        => Assert.Equal(["ngx_core_module", "ngx_http_module", "ngx_http_hello_module", "ngx_http_write_filter_module"], Facts().Modules);

    [Fact]
    public void Sources_are_the_absolute_c_files_written_under_the_module_directory()
        => Assert.Equal(["$ngx_addon_dir/src/hello.c"], Facts().AddonSources);

    [Fact]
    public void Sources_are_every_file_auto_make_compiles_cpp_and_assembly_too_but_no_header()
    {
        // The rules auto/make writes for a module in C++ (ngx_pagespeed's shape): its .cc and .cpp files are
        // compiled as the .c files are, and the .hh header is a dependency only.
        var makefile = "ADDON_DEPS = $(CORE_DEPS) /work/hello/src/counter.hh /work/hello/src/a.h\n\n"
            + "objs/addon/src/a.o:\t$(ADDON_DEPS) \\\n\t/work/hello/src/a.cc\n\t$(CC) -c -o objs/addon/src/a.o /work/hello/src/a.cc\n\n"
            + "objs/addon/src/b.o:\t$(ADDON_DEPS) \\\n\t/work/hello/src/b.cpp\n\t$(CC) -c -o objs/addon/src/b.o /work/hello/src/b.cpp\n\n"
            + "objs/addon/src/c.o:\t$(ADDON_DEPS) \\\n\t/work/hello/src/c.S\n\t$(CC) -c -o objs/addon/src/c.o /work/hello/src/c.S\n";

        Assert.Equal(["$ngx_addon_dir/src/a.cc", "$ngx_addon_dir/src/b.cpp", "$ngx_addon_dir/src/c.S"], Facts(makefile: makefile).AddonSources);
    }

    [Fact]
    public void Include_dirs_are_every_dash_I_sorted_with_the_module_written_as_ngx_addon_dir()
        => Assert.Equal(["$ngx_addon_dir", "$ngx_addon_dir/include", "objs", "src/core", "src/http"], Facts().IncludeDirs);

    [Fact]
    public void Libs_are_the_words_after_the_last_object_of_the_link_line_with_the_module_written_as_ngx_addon_dir()
        => Assert.Equal(["-ldl", "-lpthread", "-lm", "$ngx_addon_dir/lib/libx.a", "-Wl,-E"], Facts().Libs);

    [Fact]
    public void Defines_are_the_define_lines_sorted_with_the_module_written_as_ngx_addon_dir()
        => Assert.Equal(["#define NGX_CONFIGURE \" --add-module=$ngx_addon_dir\"", "#define NGX_HAVE_EPOLL  1", "#define NGX_HELLO  1"], Facts().Defines);

    [Fact]
    public void The_same_module_configured_at_two_paths_has_the_same_facts()
    {
        var elsewhere = StaticBuildFacts.Read(new StaticBuildFiles(ModulesFile, Makefile.Replace(Module, "/tmp/original/hello", StringComparison.Ordinal), AutoConfig.Replace(Module, "/tmp/original/hello", StringComparison.Ordinal)), "/tmp/original/hello");
        Assert.Empty(Facts().Compare(elsewhere));
    }

    [Fact]
    public void A_path_that_only_starts_with_the_module_s_is_not_the_module()
    {
        var facts = Facts(autoConfig: AutoConfig.Replace("--add-module=/work/hello", "--add-module=/work/hello2", StringComparison.Ordinal));
        Assert.Contains("#define NGX_CONFIGURE \" --add-module=/work/hello2\"", facts.Defines);
    }

    [Fact]
    public void Equal_builds_have_no_difference()
        => Assert.Empty(Facts().Compare(Facts()));

    [Fact]
    public void A_module_moved_in_the_order_is_a_difference_of_modules_only()
    {
        var moved = ModulesFile.Replace("    &ngx_http_hello_module,\n", string.Empty, StringComparison.Ordinal)
            .Replace("    &ngx_http_module,\n", "    &ngx_http_module,\n    &ngx_http_write_filter_module,\n    &ngx_http_hello_module,\n", StringComparison.Ordinal)
            .Replace("    &ngx_http_write_filter_module,\n    NULL", "    NULL", StringComparison.Ordinal);
        var difference = Assert.Single(Facts().Compare(Facts(modules: moved)));
        Assert.Equal(StaticAspect.Modules, difference.Aspect);
        Assert.Equal(["ngx_core_module", "ngx_http_module", "ngx_http_write_filter_module", "ngx_http_hello_module"], difference.Converted.ToArray());
    }

    [Fact]
    public void A_lost_library_and_a_lost_define_are_two_differences()
    {
        var makefile = Makefile.Replace(" -lm", string.Empty, StringComparison.Ordinal);
        var autoConfig = AutoConfig.Replace("#define NGX_HELLO  1", string.Empty, StringComparison.Ordinal);
        var differences = Facts().Compare(Facts(makefile: makefile, autoConfig: autoConfig));
        Assert.Equal([StaticAspect.Libs, StaticAspect.Defines], differences.Select(d => d.Aspect));
    }

    [Fact]
    public void Files_without_the_expected_parts_give_empty_facts_not_an_exception()
    {
        var facts = Facts(modules: "garbage", makefile: string.Empty, autoConfig: string.Empty);
        Assert.Empty(facts.Modules);
        Assert.Empty(facts.Libs);
        Assert.Empty(facts.AddonSources);
    }
}
