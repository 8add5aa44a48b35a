using ConfigConvert.ModuleModel.Tests.Model;

namespace ConfigConvert.ModuleModel.Tests.Oracle;

/// <summary>
/// The files the model says a config writes through its redirections (<see cref="ModuleOutcome.Redirections"/>) are
/// the files of nginx's tree that the real shell writes when configure sources the config: reached through a function's
/// arguments, an exported variable, a loop, <c>eval</c>, a default, or a file the config sources, into <c>objs/</c> or
/// nginx's own sources. What the check and the converter count as such a write (CC5001, CC3002) is read from these facts.
/// </summary>
[Trait("Requires", "dash")]
[Trait("Requires", "nginx")]
public sealed class RedirectionAgreementTests
{
    private static readonly Dictionary<string, (string Config, (string Path, string Content)[] Files)> Configs = new()
    {
        ["a function's arguments"] = ("""
            ngx_addon_name=ngx_http_a_module
            a_write() {
                echo "#define A_$3 1" > "$1/$2"
            }
            a_write $NGX_OBJS ngx_http_request.h REQUEST
            a_write objs ngx_a_version.h VERSION
            HTTP_MODULES="$HTTP_MODULES ngx_http_a_module"
            """, []),
        ["an exported variable, a loop and appends"] = ("""
            ngx_addon_name=ngx_http_a_module
            export A_H=$NGX_OBJS/ngx_a.h
            for h in $A_H $NGX_AUTO_HEADERS_H; do
                echo "#define A_LOOP 1" >> $h
            done
            echo "#define A_EXPORTED 1" > "$A_H.in"
            HTTP_MODULES="$HTTP_MODULES ngx_http_a_module"
            """, []),
        ["eval, a default and a write in place"] = ("""
            ngx_addon_name=ngx_http_a_module
            a_log=
            eval 'echo "a ran" >| ${a_log:-objs/a.log}'
            echo "#define A_IN_PLACE 1" 1<> ${NGX_AUTO_CONFIG_H}
            cat "$ngx_addon_dir/a.h" > "$ngx_addon_dir/a_copy.h"
            HTTP_MODULES="$HTTP_MODULES ngx_http_a_module"
            """, [("a.h", "#define A 1\n")]),
        ["nginx's own sources"] = ("""
            ngx_addon_name=ngx_http_a_module
            a_patch() {
                sed -e 's/NGX_HTTP_MAX_SUBREQUESTS  50/NGX_HTTP_MAX_SUBREQUESTS  200/' "$1" > "$1.a"
                echo "#define A_PATCHED 1" >> "$1.a"
                cat "$1.a" > "$1"
            }
            a_patch src/http/ngx_http_request.h
            echo "#define A_CONFIG 1" >> ./src/core/ngx_config.h
            HTTP_MODULES="$HTTP_MODULES ngx_http_a_module"
            """, []),
        ["a directory changed to, in a subshell and not"] = ("""
            ngx_addon_name=ngx_http_a_module
            (cd $ngx_addon_dir; echo "#define A_OWN 1" > ngx_a_own.h)
            echo "#define A_TOP 1" > objs/ngx_a_top.h
            cd src/http
            echo "#define A_HTTP 1" >> ngx_http_request.h
            cd ../..
            echo "#define A_BACK 1" > objs/ngx_a_back.h
            cd $ngx_addon_dir
            echo "#define A_OWN 2" > ngx_a_own.h
            cd - > /dev/null
            echo "#define A_BACK 2" > objs/ngx_a_back_again.h
            HTTP_MODULES="$HTTP_MODULES ngx_http_a_module"
            """, []),
        ["a directory that is not there, and one that is"] = ("""
            ngx_addon_name=ngx_http_a_module
            cd $ngx_addon_dir/missing 2>/dev/null
            echo "#define A_STAYED 1" > objs/ngx_a_stayed.h
            cd $ngx_addon_dir/missing 2>/dev/null || echo "#define A_FAILED 1" > objs/ngx_a_failed.h
            cd $ngx_addon_dir/src && echo "#define A_OWN 1" > ngx_a_own.h
            echo "#define A_OWN 2" > ngx_a_own_again.h
            HTTP_MODULES="$HTTP_MODULES ngx_http_a_module"
            """, [("src/a.c", "int a;\n")]),
        ["a file the config sources"] = ("""
            ngx_addon_name=ngx_http_a_module
            a_objs=$NGX_OBJS
            . $ngx_addon_dir/upstream/config
            HTTP_MODULES="$HTTP_MODULES ngx_http_a_module"
            """, [("upstream/config", "cat $ngx_addon_dir/upstream/ngx_http_upstream.h > $a_objs/ngx_http_upstream.h\n"), ("upstream/ngx_http_upstream.h", "#define A_UPSTREAM 1\n")]),
    };

    public static TheoryData<string, LinkMode> Cases
    {
        get
        {
            var data = new TheoryData<string, LinkMode>();
            foreach (var name in Configs.Keys)
            {
                data.Add(name, LinkMode.Addon);
                data.Add(name, LinkMode.Dynamic);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_files_a_config_redirects_into_nginx_tree_are_the_ones_the_real_shell_writes(string name, LinkMode link)
    {
        var (config, files) = Configs[name];
        using var module = new TempModule(config, files);
        var written = ShellOracle.WrittenFiles(module.Path, link);
        Assert.NotEmpty(written);

        var outcome = Assert.Single(ModuleDirectory.Load(module.Path).Describe(link).Outcomes);
        // The shell lists a file once, from the tree's top; the model as the target expands (`./src/...`).
        var predicted = outcome.Redirections.Select(r => r.Path).Where(p => !Path.IsPathRooted(p))
            .Select(p => p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Assert.Equal(written, predicted);
    }
}
