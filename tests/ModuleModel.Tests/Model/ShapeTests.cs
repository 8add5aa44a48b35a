using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ModuleModel.Tests.Oracle;
using ConfigConvert.TestSupport;

namespace ConfigConvert.ModuleModel.Tests.Model;

/// <summary>
/// The shapes real configs take, each checked two ways: against the real shell running nginx's real
/// auto/module (same variables, same values, under every link mode), and for the facts a reader of
/// <c>describe</c> relies on.
/// </summary>
public sealed class ShapeTests
{
    private static readonly ReferenceBuild Debian = ReferenceBuild.FromShellAssignments(File.ReadAllText(RepoPaths.Combine("tests", "oracle", "initial-globals.sh")));

    public static TheoryData<string> Shapes => [.. Configs.Keys];

    private static readonly Dictionary<string, string> Configs = new()
    {
        ["sed-insert-before"] = "ngx_addon_name=f\nHTTP_FILTER_MODULES=`echo $HTTP_FILTER_MODULES | sed 's/ngx_http_ssi_filter_module/ngx_http_f_filter_module ngx_http_ssi_filter_module/'`\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/f.c\"\n",
        ["loop-reorder-after-auto-module"] = "ngx_addon_name=f\nif test -n \"$ngx_module_link\"; then\n  ngx_module_type=HTTP_FILTER\n  ngx_module_name=ngx_http_f_filter_module\n  ngx_module_srcs=\"$ngx_addon_dir/f.c\"\n  . auto/module\n  if [ $ngx_module_link != DYNAMIC ]; then\n    modules=\n    for m in $HTTP_FILTER_MODULES; do\n      if [ $m = ngx_http_f_filter_module ]; then continue; fi\n      if [ $m = ngx_http_gzip_filter_module ]; then modules=\"$modules ngx_http_f_filter_module\"; fi\n      modules=\"$modules $m\"\n    done\n    HTTP_FILTER_MODULES=$modules\n  fi\nelse\n  HTTP_FILTER_MODULES=\"ngx_http_f_filter_module $HTTP_FILTER_MODULES\"\n  NGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/f.c\"\nfi\n",
        ["prepend"] = "ngx_addon_name=p\nHTTP_FILTER_MODULES=\"ngx_http_p_module $HTTP_FILTER_MODULES\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/p.c\"\n",
        ["eval-type-list"] = "ngx_addon_name=e\nTYPE=HTTP\neval \"${TYPE}_MODULES=\\\"\\$${TYPE}_MODULES ngx_http_e_module\\\"\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/e.c\"\n",
        ["test-f-auto-module"] = "ngx_addon_name=t\nif [ -f auto/module ] ; then\n  ngx_module_type=HTTP\n  ngx_module_name=ngx_http_t_module\n  ngx_module_srcs=$ngx_addon_dir/t.c\n  . auto/module\nelse\n  HTTP_MODULES=\"$HTTP_MODULES ngx_http_t_module\"\n  NGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/t.c\"\nfi\n",
        ["unquoted-link-test"] = "ngx_addon_name=u\nngx_module_type=HTTP\nngx_module_name=\"ngx_http_u_module ngx_http_u2_module\"\nngx_module_srcs=\"$ngx_addon_dir/u.c $ngx_addon_dir/u2.c\"\nif [ $ngx_module_link = DYNAMIC ] ; then\n  ngx_module_libs=\"-lm OPENSSL\"\nfi\n. auto/module\n",
        ["helper-file-and-function"] = "ngx_addon_name=h\n. $ngx_addon_dir/config.common\nh_register ngx_http_h_module h.c\n",
        ["own-auto-feature-copy"] = "ngx_addon_name=o\nngx_feature=\"o lib\"\nngx_feature_name=NGX_HAVE_O\nngx_feature_run=no\nngx_feature_incs=\"#include <stdio.h>\"\nngx_feature_path=\nngx_feature_libs=\nngx_feature_test=\"printf(\\\"x\\\")\"\n. auto/feature\nif [ $ngx_found = yes ]; then\n  HTTP_MODULES=\"$HTTP_MODULES ngx_http_o_module\"\n  NGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/o.c\"\nfi\n",
        ["awk-nginx-version"] = "ngx_addon_name=a\nNGX_VERSION=`awk '/NGINX_VERSION /{print $3}' src/core/nginx.h`\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_a_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/a.c\"\n",
        ["addon-name-after-auto-module"] = "ngx_module_type=STREAM\nngx_module_name=ngx_stream_late_module\nngx_module_srcs=$ngx_addon_dir/late.c\nngx_module_order=\"ngx_stream_late_module ngx_stream_upstream_module\"\n. auto/module\nngx_addon_name=$ngx_module_name\n",
        ["multi-call-reset"] = "ngx_addon_name=m\nngx_module_type=CORE\nngx_module_name=ngx_m_module\nngx_module_srcs=$ngx_addon_dir/m.c\nngx_module_libs=-lz\n. auto/module\nngx_module_type=HTTP\nngx_module_name=ngx_http_m_module\nngx_module_srcs=\"$ngx_addon_dir/m.c $ngx_addon_dir/http_m.c\"\nngx_module_libs=\n. auto/module\n",
        ["defaults-and-affixes"] = "ngx_addon_name=d\nD_PREFIX=${D_PREFIX:-ngx_http_d}\nD_FILE=$ngx_addon_dir/src/${D_PREFIX#ngx_http_}.c\nD_BASE=${D_FILE##*/}\nHTTP_MODULES=\"$HTTP_MODULES ${D_PREFIX}_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $D_FILE\"\nNGX_ADDON_DEPS=\"$NGX_ADDON_DEPS ${D_FILE%.c}.h\"\nCORE_LIBS=\"$CORE_LIBS -l${D_BASE%%.*}\"\n",
        ["event-type-include-dirs"] = "ngx_addon_name=r\nngx_module_type=EVENT\nngx_module_name=ngx_r_module\nngx_module_incs=$ngx_addon_dir/include\nngx_module_srcs=$ngx_addon_dir/r.c\n. auto/module\n",
        // review: IFS was ignored, `grep -v` read as a module check, `readonly` not modelled
        ["ifs-colon-loop"] = "ngx_addon_name=ngx_http_t11_module\nIFS=:\nL=\"ngx_http_t11a_module:ngx_http_t11b_module\"\nfor m in $L; do HTTP_MODULES=\"$HTTP_MODULES $m\"; done\nIFS=' \t\n'\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/a.c\"\n",
        ["grep-v-module-list"] = "ngx_addon_name=ngx_http_u10_module\nHTTP_MODULES=`echo \"$HTTP_MODULES\" | tr ' ' '\\n' | grep -v ndk_http_module | tr '\\n' ' '`\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_u10_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/a.c\"\n",
        ["readonly-assignment-stops"] = "ngx_addon_name=ngx_http_u5_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_u5_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/a.c\"\nreadonly FOO=1\nFOO=2\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_u5b_module\"\n",
        ["local-ifs-in-function"] = "ngx_addon_name=l\nl_add() {\n  local IFS=,\n  for m in $1; do HTTP_MODULES=\"$HTTP_MODULES $m\"; done\n}\nl_add ngx_http_l1_module,ngx_http_l2_module\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/l.c\"\n",
        ["unset-ifs"] = "ngx_addon_name=v\nunset IFS\nL=\"ngx_http_v1_module\tngx_http_v2_module\"\nfor m in $L; do HTTP_MODULES=\"$HTTP_MODULES $m\"; done\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/v.c\"\n",
        ["case-on-link"] = "ngx_addon_name=c\ncase \"$ngx_module_link\" in\n  DYNAMIC|ADDON)\n    ngx_module_type=HTTP_AUX_FILTER\n    ngx_module_name=ngx_http_c_module\n    ngx_module_srcs=$ngx_addon_dir/c.c\n    . auto/module ;;\n  *)\n    HTTP_AUX_FILTER_MODULES=\"$HTTP_AUX_FILTER_MODULES ngx_http_c_module\"\n    NGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/c.c\" ;;\nesac\n",
    };

    private static readonly Dictionary<string, (string, string)[]> Files = new()
    {
        ["helper-file-and-function"] = [("config.common", "h_register() {\n    HTTP_MODULES=\"$HTTP_MODULES $1\"\n    NGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/$2\"\n}\n")],
    };

    [Theory]
    [Trait("Requires", "dash")]
    [Trait("Requires", "nginx")]
    [MemberData(nameof(Shapes))]
    public void Every_link_mode_agrees_with_the_real_shell(string shape)
    {
        ShellOracle.RequireNginxDev();
        using var module = new TempModule(Configs[shape], Files.GetValueOrDefault(shape, []));
        foreach (var link in new[] { LinkMode.Addon, LinkMode.Dynamic, LinkMode.Legacy })
        {
            var (exit, actual) = ShellOracle.EvaluateDirectory(module.Path, "initial-globals", link);
            var description = ModuleDirectory.Load(module.Path).Describe(link, Debian);
            Assert.Contains(description.Outcomes, outcome => OracleComparison.Differences(outcome, exit, actual).Count == 0);
        }
    }

    private static ModuleOutcome Single(string shape, LinkMode link)
    {
        using var module = new TempModule(Configs[shape], Files.GetValueOrDefault(shape, []));
        var description = ModuleDirectory.Load(module.Path).Describe(link, Debian);
        return Assert.Single(description.Outcomes);
    }

    [Fact]
    public void Fields_are_split_on_the_ifs_the_config_sets()
        => Assert.Equal(["ngx_http_t11a_module", "ngx_http_t11b_module"], Single("ifs-colon-loop", LinkMode.Addon).Modules.Select(m => m.Name));

    [Fact]
    public void Grep_v_on_a_module_list_is_not_a_check_for_that_module()
    {
        var outcome = Single("grep-v-module-list", LinkMode.Addon);
        Assert.Equal("ngx_http_u10_module", Assert.Single(outcome.Modules).Name);
        Assert.Empty(outcome.RequiredModules);
    }

    [Fact]
    public void An_assignment_to_a_readonly_variable_stops_configure()
    {
        var outcome = Single("readonly-assignment-stops", LinkMode.Addon);
        Assert.Equal((true, 2), (outcome.Exited, outcome.ExitStatus));
        Assert.Equal("ngx_http_u5_module", Assert.Single(outcome.Modules).Name);
    }

    [Fact]
    public void Local_ifs_splits_inside_the_function_only()
        => Assert.Equal(["ngx_http_l1_module", "ngx_http_l2_module"], Single("local-ifs-in-function", LinkMode.Addon).Modules.Select(m => m.Name));

    [Fact]
    public void Sed_insertion_is_a_position_before_the_named_module()
    {
        var module = Assert.Single(Single("sed-insert-before", LinkMode.Addon).Modules);
        Assert.Equal(("ngx_http_f_filter_module", ModuleType.HttpFilter, ModulePosition.Before("ngx_http_ssi_filter_module")), (module.Name, module.Type, module.Position));
    }

    [Fact]
    public void A_loop_that_reorders_after_auto_module_is_followed()
    {
        var module = Assert.Single(Single("loop-reorder-after-auto-module", LinkMode.Addon).Modules);
        Assert.Equal(ModulePosition.Before("ngx_http_gzip_filter_module"), module.Position);
        var dynamic = Single("loop-reorder-after-auto-module", LinkMode.Dynamic);
        Assert.Empty(dynamic.Modules);
        var so = Assert.Single(dynamic.SharedObjects);
        Assert.Equal<string>(["ngx_http_f_filter_module", "ngx_http_copy_filter_module"], so.Order);
        Assert.Equal(ModulePosition.Prepend, Assert.Single(Single("loop-reorder-after-auto-module", LinkMode.Legacy).Modules).Position);
    }

    [Fact]
    public void Prepend_and_eval_registration()
    {
        Assert.Equal(ModulePosition.Prepend, Assert.Single(Single("prepend", LinkMode.Addon).Modules).Position);
        var evaluated = Assert.Single(Single("eval-type-list", LinkMode.Addon).Modules);
        Assert.Equal(("ngx_http_e_module", ModuleType.Http, ModulePosition.Append), (evaluated.Name, evaluated.Type, evaluated.Position));
    }

    [Fact]
    public void Test_f_auto_module_is_false_only_for_legacy()
    {
        Assert.Single(Single("test-f-auto-module", LinkMode.Addon).AutoModuleCalls);
        Assert.Empty(Single("test-f-auto-module", LinkMode.Legacy).AutoModuleCalls);
        Assert.Equal("ngx_http_t_module", Assert.Single(Single("test-f-auto-module", LinkMode.Legacy).Modules).Name);
    }

    [Fact]
    public void Dynamic_shared_object_with_libs()
    {
        var outcome = Single("unquoted-link-test", LinkMode.Dynamic);
        var so = Assert.Single(outcome.SharedObjects);
        Assert.Equal("ngx_http_u_module", so.Name);
        Assert.Equal<string>(["ngx_http_u_module", "ngx_http_u2_module"], so.Modules);
        Assert.Equal<string>(["$ngx_addon_dir/u.c", "$ngx_addon_dir/u2.c"], so.Sources);
        Assert.Equal<string>(["-lm"], so.Libs);
        Assert.Contains(outcome.Use, u => u.Value == "USE_OPENSSL=YES");
    }

    [Fact]
    public void Helper_files_and_functions_are_followed()
    {
        var outcome = Single("helper-file-and-function", LinkMode.Addon);
        Assert.Equal("ngx_http_h_module", Assert.Single(outcome.Modules).Name);
        Assert.Equal("$ngx_addon_dir/h.c", Assert.Single(outcome.Sources).Value);
    }

    [Fact]
    public void A_feature_test_gives_two_outcomes()
    {
        using var module = new TempModule(Configs["own-auto-feature-copy"]);
        var description = ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon, Debian);
        Assert.Equal(2, description.Outcomes.Length);
        var found = description.Outcomes.Single(o => o.Assumptions.Single().Holds);
        Assert.Equal("feature test \"o lib\" passes", found.Assumptions.Single().Condition);
        Assert.Single(found.Modules);
        Assert.Contains(found.Defines, d => d.Name == "NGX_HAVE_O");
        Assert.Empty(description.Outcomes.Single(o => !o.Assumptions.Single().Holds).Modules);
        Assert.False(description.IsCertain);
    }

    [Fact]
    public void What_a_program_reads_from_a_file_the_build_does_not_know_is_an_explicit_unknown()
    {
        // The oracle's capture holds configure's variables only, not nginx's header.
        var outcome = Single("awk-nginx-version", LinkMode.Addon);
        var version = outcome.ChangedVariables["NGX_VERSION"]!;
        Assert.False(version.IsKnown);
        Assert.Equal("the output of awk on `src/core/nginx.h`", Assert.Single(version.Unknowns).Reason);
        Assert.Equal("ngx_http_a_module", Assert.Single(outcome.Modules).Name);
    }

    [Fact]
    public void What_a_program_reads_from_nginx_header_comes_from_the_reference_build()
    {
        using var module = new TempModule(Configs["awk-nginx-version"]);
        foreach (var build in ReferenceBuild.Embedded)
        {
            var outcome = Assert.Single(ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon, build).Outcomes);
            Assert.Equal($"\"{build.Version}\"", outcome.ChangedVariables["NGX_VERSION"]!.KnownText);
            Assert.Empty(outcome.Unknowns);
            Assert.DoesNotContain(outcome.Commands, c => c.Name == "awk");
        }
    }

    [Fact]
    public void A_redirection_names_the_file_its_target_expands_to_whether_it_appends_and_where_it_is_written()
    {
        using var module = new TempModule("""
            ngx_addon_name=ngx_http_a_module
            write() {
                echo "#define A 1" > "$1/$2"
            }
            write $NGX_OBJS ngx_a_version.h
            export A_H=$NGX_OBJS/ngx_a.h
            for h in $A_H ngx_a_extra.h; do
                echo "#define B 1" >> $h
            done
            a_log=
            eval 'echo "#define C 1" >| ${a_log:-objs/a.log}'
            echo "#define D 1" 1<> objs/ngx_a.h
            echo "#define D 1" 1<> objs/ngx_a.h
            HTTP_MODULES="$HTTP_MODULES ngx_http_a_module"
            """);
        var outcome = Assert.Single(ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon).Outcomes);
        var written = outcome.Redirections.Select(r => $"{r.Path} {(r.Appends ? ">>" : ">")} {r.Location!.Start.Line}");
        Assert.Equal(["objs/ngx_a_version.h > 3", "objs/ngx_a.h >> 8", "ngx_a_extra.h >> 8", "objs/a.log > 11", "objs/ngx_a.h > 12", "objs/ngx_a.h > 13"], written);
        Assert.Equal(["objs/ngx_a_version.h", "objs/ngx_a.h", "ngx_a_extra.h", "objs/a.log"], outcome.WrittenFiles.AsEnumerable());
    }

    [Fact]
    public void A_relative_path_is_read_from_the_directory_the_config_changed_to_and_a_subshell_keeps_its_own()
    {
        using var module = new TempModule("""
            ngx_addon_name=ngx_http_a_module
            (cd $ngx_addon_dir; echo "#define A 1" > src/a_version.h; cp a.h.in a.h)
            echo "#define B 1" > objs/ngx_b.h
            cd src/http
            echo "#define C 1" >> ngx_http_request.h
            cd ../..
            have=NGX_HTTP_A . auto/have
            cd "$A_BUILD_DIR"
            echo "#define D 1" > d.h
            cp d.h e.h
            HTTP_MODULES="$HTTP_MODULES ngx_http_a_module"
            """);
        var outcome = Assert.Single(ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon).Outcomes);
        var own = Path.Combine(Path.GetFullPath(module.Path), "src", "a_version.h");
        Assert.Equal([own, "objs/ngx_b.h", "src/http/ngx_http_request.h"], outcome.Redirections.Select(r => r.Path));
        Assert.Contains(outcome.Defines, d => d.Name == "NGX_HTTP_A");
        var copies = outcome.Commands.Where(c => c.Name == "cp").Select(c => (c.Directory, c.DirectoryKnown));
        Assert.Equal([(Path.GetFullPath(module.Path), true), (null, false)], copies);
    }

    [Fact]
    public void A_name_the_config_unset_is_not_read_from_the_environment_again_but_a_local_unset_ends_with_its_function()
    {
        using var module = new TempModule("""
            ngx_addon_name=ngx_http_u_module
            unset U_PREFIX
            f() { local V_SUFFIX; unset V_SUFFIX; }
            f
            U_LIBS=-lu true
            HTTP_MODULES="$HTTP_MODULES ${U_PREFIX}ngx_http_u_module"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/u.c"
            CORE_LIBS="$CORE_LIBS ${U_LIBS}-lz ${V_SUFFIX}"
            """);
        var outcomes = ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon, Debian).Outcomes;

        Assert.All(outcomes, o => Assert.Equal("ngx_http_u_module", Assert.Single(o.Modules).Name));
        var reads = outcomes.SelectMany(o => o.Unknowns).Select(u => u.Reason).Where(r => r.Contains("from the environment", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(["`U_LIBS` is read from the environment of configure, which the model does not know", "`V_SUFFIX` is read from the environment of configure, which the model does not know"], reads.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Environment_reads_are_unknowns_explored_both_ways()
    {
        using var module = new TempModule(Configs["defaults-and-affixes"]);
        var outcomes = ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon, Debian).Outcomes;
        Assert.Equal(2, outcomes.Length);

        // D_PREFIX set in the environment: the module's name is as unknown as the variable.
        var set = Assert.Single(outcomes, o => !Assert.Single(o.Assumptions).Holds);
        Assert.Equal("D_PREFIX", Assert.Single(set.ChangedVariables["HTTP_MODULES"]!.Unknowns).EnvironmentVariable);

        var outcome = Assert.Single(outcomes, o => Assert.Single(o.Assumptions).Holds);
        Assert.Equal("`D_PREFIX` is empty", outcome.Assumptions[0].Condition);
        Assert.Contains(outcome.Unknowns, u => u.Reason.StartsWith("`D_PREFIX` is read from the environment", StringComparison.Ordinal));
        Assert.Equal("ngx_http_d_module", Assert.Single(outcome.Modules).Name);
        Assert.Equal("$ngx_addon_dir/src/d.c", Assert.Single(outcome.Sources).Value);
        Assert.Equal("$ngx_addon_dir/src/d.h", Assert.Single(outcome.Deps).Value);
        Assert.Equal("-ld", Assert.Single(outcome.Libs).Value);
    }

    [Fact]
    public void Several_auto_module_calls_keep_what_they_do_not_reset()
    {
        var outcome = Single("multi-call-reset", LinkMode.Addon);
        Assert.Equal([("ngx_m_module", ModuleType.Core), ("ngx_http_m_module", ModuleType.Http)], outcome.Modules.Select(m => (m.Name, m.Type)));
        Assert.Equal(["$ngx_addon_dir/m.c", "$ngx_addon_dir/http_m.c"], outcome.Sources.Select(s => s.Value));
        Assert.Equal(["-lz"], outcome.Libs.Select(l => l.Value));
        Assert.Equal(2, outcome.AutoModuleCalls.Length);
    }

    [Fact]
    public void An_event_module_is_registered_and_its_static_include_dirs_go_nowhere()
    {
        // For ADDON auto/module adds them to EVENT_INCS, which configure has already folded into CORE_INCS.
        var addon = Single("event-type-include-dirs", LinkMode.Addon);
        Assert.Equal(("ngx_r_module", ModuleType.Event, ModulePosition.Append), (Assert.Single(addon.Modules).Name, addon.Modules[0].Type, addon.Modules[0].Position));
        Assert.Empty(addon.Incs);
        Assert.Equal("$ngx_addon_dir/include", Assert.Single(Single("event-type-include-dirs", LinkMode.Dynamic).Incs).Value);
    }

    [Fact]
    public void Facts_point_at_where_they_were_written()
    {
        var outcome = Single("prepend", LinkMode.Addon);
        var module = Assert.Single(outcome.Modules);
        Assert.Equal(2, module.Location!.Start.Line);
        Assert.Equal(3, Assert.Single(outcome.Sources).Location!.Start.Line);
    }
}
