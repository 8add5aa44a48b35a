using System.Collections.Immutable;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// nginx's own <c>auto/module</c>, <c>auto/feature</c>, <c>auto/have</c> and <c>auto/define</c> (1.9.11
/// to 1.27), written out natively so that the tool does not need nginx's sources to run. Each leaves
/// the shell in the state the real script does, down to its loop variables and the way its
/// <c>eval NAME=\"$value\"</c> lines squeeze blanks, so that the result can be compared with the real
/// shell's variable for variable.
/// </summary>
internal static class NginxScripts
{
    private static readonly HashSet<string> OtherAutoScripts = ["auto/include", "auto/have_headers", "auto/headers", "auto/types/sizeof", "auto/types/typedef", "auto/types/value", "auto/types/uintptr_t", "auto/endianness", "auto/nohave"];

    /// <summary>Whether nginx's source tree has this file (null: not one the model knows about).</summary>
    public static bool? IsKnownAutoScript(string path, LinkMode link)
    {
        var normalized = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        return normalized switch
        {
            "auto/module" => link != LinkMode.Legacy,
            "auto/feature" or "auto/have" or "auto/define" => true,
            _ when OtherAutoScripts.Contains(normalized) => true,
            _ => null,
        };
    }

    public static bool TryRun(Evaluator shell, string path, SyntaxNode at, out int? status)
    {
        status = 0;
        switch (path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path)
        {
            case "auto/module":
                AutoModule(shell, at);
                return true;
            case "auto/feature":
                status = AutoFeature(shell, at);
                return true;
            case "auto/have":
                shell.Record.Defines.Add(new DefineFact(shell.Get("have").ToString(), "1", shell.Where(at)));
                return true;
            case "auto/define":
                shell.Record.Defines.Add(new DefineFact(shell.Get("have").ToString(), shell.Get("value").ToString(), shell.Where(at)));
                return true;
            default:
                return false;
        }
    }

    private static void AutoModule(Evaluator shell, SyntaxNode at)
    {
        var type = shell.Get("ngx_module_type");
        var typeText = type.KnownText ?? string.Empty;
        if (!type.IsKnown)
        {
            shell.Note("`ngx_module_type` is not known when auto/module runs", at);
        }

        shell.Set("ngx_var", typeText.StartsWith("HTTP_", StringComparison.Ordinal) ? ShellValue.Text("HTTP") : type);
        var ngxVar = shell.Get("ngx_var").KnownText ?? string.Empty;
        var link = shell.Get("ngx_module_link").KnownText;
        var names = shell.Get("ngx_module_name");
        var srcsValue = shell.Get("ngx_module_srcs");
        var libsValue = shell.Get("ngx_module_libs");
        shell.Record.AutoModuleCalls.Add(new AutoModuleCall(
            typeText,
            Words(names),
            Words(srcsValue),
            Words(libsValue),
            shell.Get("ngx_module_order").ToString(),
            shell.Where(at)));

        if (link == "DYNAMIC")
        {
            var first = names.SplitWords();
            if (first.Length > 0)
            {
                shell.Set("ngx_module", first[0]);
            }

            var module = shell.Get("ngx_module").KnownText ?? string.Empty;
            shell.Set("DYNAMIC_MODULES", Concat(shell.Get("DYNAMIC_MODULES"), " ", shell.Get("ngx_module")));
            shell.Set(module + "_MODULES", Evaluator.JoinForEval("\"", names, "\""));
            var order = shell.Get("ngx_module_order");
            if (order.IsEmpty && typeText is "HTTP_FILTER" or "HTTP_AUX_FILTER")
            {
                shell.Set(module + "_ORDER", Concat(Evaluator.JoinForEval("\"", names, string.Empty), " ", ShellValue.Text("ngx_http_copy_filter_module")));
            }
            else
            {
                shell.Set(module + "_ORDER", Evaluator.JoinForEval("\"", order, "\""));
            }

            var (srcs, shared) = SplitNewSources(shell, srcsValue, "DYNAMIC_MODULES_SRCS");
            shell.Set("srcs", srcs);
            shell.Set("shrd", shared);
            shell.Set(module + "_SRCS", Evaluator.JoinForEval("\"", srcs, "\""));
            shell.Set(module + "_SHRD", Evaluator.JoinForEval("\"", shared, "\""));
            shell.Set("DYNAMIC_MODULES_SRCS", Concat(shell.Get("DYNAMIC_MODULES_SRCS"), " ", srcs));
            if (!shell.Get("ngx_module_incs").IsEmpty)
            {
                shell.Set("CORE_INCS", Concat(shell.Get("CORE_INCS"), " ", shell.Get("ngx_module_incs")));
            }

            if (!shell.Get("ngx_module_deps").IsEmpty)
            {
                shell.Set("NGX_ADDON_DEPS", Concat(shell.Get("NGX_ADDON_DEPS"), " ", shell.Get("ngx_module_deps")));
            }

            shell.Set("libs", ShellValue.Empty);
            foreach (var lib in libsValue.SplitWords())
            {
                shell.Set("lib", lib);
                switch (lib.KnownText)
                {
                    case "LIBXSLT" or "LIBGD" or "GEOIP" or "PERL":
                        shell.Set("libs", Concat(shell.Get("libs"), " ", ShellValue.Text("$NGX_LIB_" + lib.KnownText)));
                        if (shell.Get("USE_" + lib.KnownText).KnownText == "NO")
                        {
                            SetUse(shell, lib.KnownText, "DYNAMIC", at);
                        }

                        break;
                    case "PCRE" or "OPENSSL" or "ZLIB":
                        SetUse(shell, lib.KnownText, "YES", at);
                        break;
                    case "MD5" or "SHA1":
                        break;
                    default:
                        shell.Set("libs", Concat(shell.Get("libs"), " ", lib));
                        break;
                }
            }

            // eval NAME_LIBS=\'$libs\': single quotes, so the $NGX_LIB_* names stay unexpanded.
            shell.Set(module + "_LIBS", Evaluator.JoinForEval("'", shell.Get("libs"), "'"));
            return;
        }

        if (link is "ADDON" or "YES")
        {
            var list = typeText + "_MODULES";
            shell.Set(list, Concat(shell.Get(list), " ", Evaluator.JoinForEval(string.Empty, names, "\"")).TrimEnd('"'));
            if (link == "YES")
            {
                shell.Set(ngxVar + "_SRCS", Concat(shell.Get(ngxVar + "_SRCS"), " ", Evaluator.JoinForEval(string.Empty, srcsValue, "\"").TrimEnd('"')));
            }
            else
            {
                var (srcs, _) = SplitNewSources(shell, srcsValue, "NGX_ADDON_SRCS");
                shell.Set("srcs", srcs);
                shell.Set("NGX_ADDON_SRCS", Concat(shell.Get("NGX_ADDON_SRCS"), " ", srcs));
            }

            if (!shell.Get("ngx_module_incs").IsEmpty)
            {
                var incs = ngxVar + "_INCS";
                shell.Set(incs, Concat(shell.Get(incs), " ", Evaluator.JoinForEval(string.Empty, shell.Get("ngx_module_incs"), "\"").TrimEnd('"')));
            }

            if (!shell.Get("ngx_module_deps").IsEmpty)
            {
                if (link == "YES")
                {
                    var deps = ngxVar + "_DEPS";
                    shell.Set(deps, Concat(shell.Get(deps), " ", Evaluator.JoinForEval(string.Empty, shell.Get("ngx_module_deps"), "\"").TrimEnd('"')));
                }
                else
                {
                    shell.Set("NGX_ADDON_DEPS", Concat(shell.Get("NGX_ADDON_DEPS"), " ", shell.Get("ngx_module_deps")));
                }
            }

            foreach (var lib in libsValue.SplitWords())
            {
                shell.Set("lib", lib);
                switch (lib.KnownText)
                {
                    case "PCRE" or "OPENSSL" or "ZLIB" or "LIBXSLT" or "LIBGD" or "PERL" or "GEOIP":
                        SetUse(shell, lib.KnownText, "YES", at);
                        break;
                    case "MD5" or "SHA1":
                        break;
                    default:
                        shell.Set("CORE_LIBS", Concat(shell.Get("CORE_LIBS"), " ", lib));
                        break;
                }
            }
        }
    }

    /// <summary><c>eval USE_${lib}=VALUE</c>, remembered as a switch the module asks for.</summary>
    private static void SetUse(Evaluator shell, string library, string value, SyntaxNode at)
    {
        shell.Set("USE_" + library, ShellValue.Text(value));
        shell.Record.UseSwitches["USE_" + library] = shell.Where(at);
    }

    /// <summary>The loop of auto/module that skips sources an earlier module already listed.</summary>
    private static (ShellValue New, ShellValue Shared) SplitNewSources(Evaluator shell, ShellValue sources, string earlierList)
    {
        var fresh = ShellValue.Empty;
        var shared = ShellValue.Empty;
        foreach (var src in sources.SplitWords())
        {
            shell.Set("src", src);
            shell.Set("found", ShellValue.Text("no"));
            foreach (var old in shell.Get(earlierList).SplitWords())
            {
                shell.Set("old", old);
                if (src.KnownText is not null && src.KnownText == old.KnownText)
                {
                    shell.Set("found", ShellValue.Text("yes"));
                    break;
                }
            }

            if (shell.Get("found").KnownText == "no")
            {
                fresh = Concat(fresh, " ", src);
            }
            else
            {
                shared = Concat(shared, " ", src);
            }
        }

        return (fresh, shared);
    }

    private static int? AutoFeature(Evaluator shell, SyntaxNode at)
    {
        shell.Set("ngx_found", ShellValue.Text("no"));
        var featureName = shell.Get("ngx_feature_name");
        if (!featureName.IsEmpty)
        {
            // ngx_have_feature=`echo $ngx_feature_name | tr a-z A-Z`
            var words = Evaluator.JoinForEval(string.Empty, featureName, string.Empty);
            shell.Set("ngx_have_feature", words.KnownText is { } known ? ShellValue.Text(known.ToUpperInvariant(), shell.Where(at)) : words);
        }

        var path = shell.Get("ngx_feature_path");
        if (!path.IsEmpty)
        {
            foreach (var directory in path.SplitWords())
            {
                shell.Set("ngx_temp", directory);
                shell.Set("ngx_feature_inc_path", Concat(shell.Get("ngx_feature_inc_path"), " -I ", directory));
            }
        }

        shell.Set("ngx_test", ShellValue.Of(new UnknownValue("the compiler command line of a feature test", shell.Where(at))));
        shell.Set("ngx_feature_inc_path", ShellValue.Empty);

        var feature = shell.Get("ngx_feature").ToString();
        var run = shell.Get("ngx_feature_run").KnownText;
        if (!shell.DecideAt($"feature test \"{feature}\" passes", at))
        {
            return 0;
        }

        shell.Set("ngx_found", ShellValue.Text("yes"));
        if (run == "value")
        {
            shell.Record.Defines.Add(new DefineFact(featureName.ToString(), "(the output of the test program)", shell.Where(at)));
        }
        else if (!featureName.IsEmpty)
        {
            // `have=$ngx_have_feature . auto/have`: the prefix assignment stays, `.` being special.
            shell.Set("have", shell.Get("ngx_have_feature"));
            shell.Record.Defines.Add(new DefineFact(shell.Get("have").ToString(), "1", shell.Where(at)));
        }

        return 0;
    }

    private static ImmutableArray<string> Words(ShellValue value) => [.. value.SplitWords().Select(w => w.ToString())];

    private static ShellValue Concat(ShellValue left, string middle, ShellValue right) => ShellValue.Concat([left, ShellValue.Text(middle), right]);

    private static ShellValue TrimEnd(this ShellValue value, char c)
    {
        var segments = value.Segments;
        if (segments.Length > 0 && segments[^1].Unknown is null && segments[^1].Text.EndsWith(c))
        {
            return ShellValue.FromSegments(segments.SetItem(segments.Length - 1, segments[^1] with { Text = segments[^1].Text[..^1] }));
        }

        return value;
    }
}
