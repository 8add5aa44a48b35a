using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// nginx's own <c>auto/module</c>, <c>auto/feature</c>, <c>auto/have</c> and <c>auto/define</c> (1.9.11
/// to 1.27), written out natively so that the tool does not need nginx's sources to run. Each leaves
/// the shell in the state the real script does, down to its loop variables and the way its
/// <c>eval NAME=\"$value\"</c> lines squeeze blanks, so that the result can be compared with the real
/// shell's variable for variable. The vocabulary (module types, libraries, lists) is
/// <see cref="ModuleType"/>, <see cref="BuiltInLibrary"/> and <see cref="ConfigureLists"/>.
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
                shell.Record.Defines.Add(new DefineFact(Read(shell, "have").ToString(), "1", shell.LocationOf(at)));
                return true;
            case "auto/define":
                shell.Record.Defines.Add(new DefineFact(Read(shell, "have").ToString(), Read(shell, "value").ToString(), shell.LocationOf(at)));
                return true;
            default:
                return false;
        }
    }

    private static void AutoModule(Evaluator shell, SyntaxNode at)
    {
        var type = Read(shell, AutoModuleVariables.Type);
        if (!type.IsKnown)
        {
            shell.AddUnknown("`ngx_module_type` is not known when auto/module runs", at);
        }

        var typeName = type.KnownText ?? string.Empty;
        shell.Set("ngx_var", typeName.StartsWith("HTTP_", StringComparison.Ordinal) ? ShellValue.Text(ModuleType.VariableStemOf(typeName)) : type);
        shell.Record.AutoModuleCalls.Add(new AutoModuleCall(
            typeName,
            shell.Values.Words(ReadModuleVariable(shell, AutoModuleVariables.Name)),
            shell.Values.Words(ReadModuleVariable(shell, AutoModuleVariables.Sources)),
            shell.Values.Words(ReadModuleVariable(shell, AutoModuleVariables.Libs)),
            ReadModuleVariable(shell, AutoModuleVariables.Order).ToString(),
            shell.LocationOf(at))
        {
            Incs = shell.Values.Words(ReadModuleVariable(shell, AutoModuleVariables.Incs)),
            Deps = shell.Values.Words(ReadModuleVariable(shell, AutoModuleVariables.Deps)),
        });

        switch (Read(shell, AutoModuleVariables.Link).KnownText)
        {
            case AutoModuleVariables.DynamicLink:
                DynamicModule(shell, typeName, at);
                break;
            case AutoModuleVariables.AddonLink:
                StaticModule(shell, typeName, nginxOwn: false, at);
                break;
            case AutoModuleVariables.NginxLink:
                StaticModule(shell, typeName, nginxOwn: true, at);
                break;
        }
    }

    /// <summary>The DYNAMIC branch: one shared object named after the first module name.</summary>
    private static void DynamicModule(Evaluator shell, string typeName, SyntaxNode at)
    {
        var names = ReadModuleVariable(shell, AutoModuleVariables.Name);
        var first = names.SplitWords();
        if (first.Length > 0)
        {
            shell.Set("ngx_module", first[0]);
        }

        var module = Read(shell, "ngx_module").KnownText ?? string.Empty;
        Append(shell, ConfigureLists.DynamicModules, Read(shell, "ngx_module"));
        shell.Set(module + ConfigureLists.SharedObject.Modules, shell.Values.EvalJoin("\"", names, "\""));
        var order = ReadModuleVariable(shell, AutoModuleVariables.Order);
        shell.Set(module + ConfigureLists.SharedObject.Order, order.IsEmpty && ModuleType.FromName(typeName) is { IsFilter: true }
            ? Concat(shell.Values.EvalJoin("\"", names, string.Empty), " ", ShellValue.Text(ModuleType.CopyFilterModule))
            : shell.Values.EvalJoin("\"", order, "\""));

        var (srcs, shared) = SplitNewSources(shell, ReadModuleVariable(shell, AutoModuleVariables.Sources), ConfigureLists.DynamicModulesSources);
        shell.Set("srcs", srcs);
        shell.Set("shrd", shared);
        shell.Set(module + ConfigureLists.SharedObject.Sources, shell.Values.EvalJoin("\"", srcs, "\""));
        shell.Set(module + ConfigureLists.SharedObject.SharedSources, shell.Values.EvalJoin("\"", shared, "\""));
        Append(shell, ConfigureLists.DynamicModulesSources, srcs);
        AppendIfSet(shell, ConfigureLists.CoreIncs, AutoModuleVariables.Incs);
        AppendIfSet(shell, ConfigureLists.AddonDeps, AutoModuleVariables.Deps);

        shell.Set("libs", ShellValue.Empty);
        foreach (var lib in ReadModuleVariable(shell, AutoModuleVariables.Libs).SplitWords())
        {
            shell.Set("lib", lib);
            var library = BuiltInLibrary.FromName(lib.KnownText);
            if (library is null)
            {
                Append(shell, "libs", lib);
                continue;
            }

            if (library.SharedObjectLibs is { } word)
            {
                Append(shell, "libs", ShellValue.Text(word));
            }

            if (library.DynamicUse(Read(shell, library.UseVariable).KnownText) is { } use)
            {
                SetUse(shell, library, use, at);
            }
        }

        // eval NAME_LIBS=\'$libs\': single quotes, so the $NGX_LIB_* names stay unexpanded.
        shell.Set(module + ConfigureLists.SharedObject.Libs, shell.Values.EvalJoin("'", Read(shell, "libs"), "'"));
    }

    /// <summary>
    /// The ADDON branch (a module linked into nginx), and nginx's own YES, which keeps sources, include
    /// dirs and deps in the lists of the type instead of the addon lists.
    /// </summary>
    private static void StaticModule(Evaluator shell, string typeName, bool nginxOwn, SyntaxNode at)
    {
        var stem = Read(shell, "ngx_var").KnownText ?? string.Empty;
        var list = ModuleType.ModulesListOf(typeName);
        shell.Set(list, shell.Values.AppendWords(Read(shell, list), shell.Values.EvalJoin(string.Empty, ReadModuleVariable(shell, AutoModuleVariables.Name), "\"").TrimEnd('"')));
        if (nginxOwn)
        {
            AppendEvaluated(shell, stem + "_SRCS", ReadModuleVariable(shell, AutoModuleVariables.Sources));
        }
        else
        {
            var (srcs, _) = SplitNewSources(shell, ReadModuleVariable(shell, AutoModuleVariables.Sources), ConfigureLists.AddonSources);
            shell.Set("srcs", srcs);
            Append(shell, ConfigureLists.AddonSources, srcs);
        }

        if (!Read(shell, AutoModuleVariables.Incs).IsEmpty)
        {
            AppendEvaluated(shell, stem + "_INCS", ReadModuleVariable(shell, AutoModuleVariables.Incs));
        }

        if (nginxOwn && !Read(shell, AutoModuleVariables.Deps).IsEmpty)
        {
            AppendEvaluated(shell, stem + "_DEPS", ReadModuleVariable(shell, AutoModuleVariables.Deps));
        }
        else
        {
            AppendIfSet(shell, ConfigureLists.AddonDeps, AutoModuleVariables.Deps);
        }

        foreach (var lib in ReadModuleVariable(shell, AutoModuleVariables.Libs).SplitWords())
        {
            shell.Set("lib", lib);
            var library = BuiltInLibrary.FromName(lib.KnownText);
            if (library is null)
            {
                Append(shell, ConfigureLists.CoreLibs, lib);
            }
            else if (library.AddonUse is { } use)
            {
                SetUse(shell, library, use, at);
            }
        }
    }

    /// <summary><c>eval USE_${lib}=VALUE</c>, remembered as a switch the module asks for.</summary>
    private static void SetUse(Evaluator shell, BuiltInLibrary library, string value, SyntaxNode at)
    {
        shell.Set(library.UseVariable, ShellValue.Text(value));
        shell.Record.UseSwitches[library.UseVariable] = shell.LocationOf(at);
    }

    /// <summary>The loop of auto/module that skips sources an earlier module already listed.</summary>
    private static (ShellValue New, ShellValue Shared) SplitNewSources(Evaluator shell, ShellValue sources, string earlierList)
    {
        var earlier = Read(shell, earlierList);
        var split = shell.Values.NewSources(sources, earlier);

        // The loop's variables as the last turn left them: nothing reads them between turns, and
        // setting them at every turn was most of the variable changes a config with many sources made.
        if (split.LastTurn is { } turn)
        {
            shell.Set("src", turn.Src);
            shell.Set("found", turn.Found ? Yes : No);
            if (earlier.WordCount > 0)
            {
                shell.Set("old", earlier.WordAt(turn.Old));
            }
        }

        return (split.New, split.Shared);
    }

    /// <summary>
    /// What auto/module's loop over <paramref name="sources"/> makes of them: <c>srcs="$srcs $src"</c>
    /// (or <c>shrd</c>, for a source <paramref name="earlier"/> holds) at every turn, built up in one
    /// go as the shell's values would be, and what its last turn left in <c>src</c>, <c>found</c> and <c>old</c>.
    /// </summary>
    internal static NewSources SplitSources(ShellValue sources, ShellValue earlier)
    {
        var fresh = new ShellValue.Builder();
        var shared = new ShellValue.Builder();
        (ShellValue Src, bool Found, int Old)? last = null;
        foreach (var src in sources.SplitWords())
        {
            var found = src.KnownText is { } text ? earlier.IndexOfWord(text) : -1;

            // The inner loop over the earlier list leaves `old` at the word it stopped at: the first
            // equal one, or the last. Looked up, not walked, as the list holds every earlier module's.
            last = (src, found >= 0, found < 0 ? earlier.WordCount - 1 : found);
            var list = found < 0 ? fresh : shared;
            list.Append(ShellValue.Space);
            list.Append(src);
        }

        return new NewSources(fresh.ToValue(), shared.ToValue(), last);
    }

    private static readonly ShellValue Yes = ShellValue.Text("yes");

    private static readonly ShellValue No = ShellValue.Text("no");

    private static int? AutoFeature(Evaluator shell, SyntaxNode at)
    {
        shell.Set("ngx_found", No);
        var featureName = Read(shell, "ngx_feature_name");
        if (!featureName.IsEmpty)
        {
            // ngx_have_feature=`echo $ngx_feature_name | tr a-z A-Z`
            var words = shell.Values.EvalJoin(string.Empty, featureName, string.Empty);
            shell.Set("ngx_have_feature", words.KnownText is { } known ? ShellValue.Text(known.ToUpperInvariant(), shell.LocationOf(at)) : words);
        }

        var path = Read(shell, "ngx_feature_path");
        if (!path.IsEmpty)
        {
            foreach (var directory in path.SplitWords())
            {
                shell.Set("ngx_temp", directory);
                shell.Set("ngx_feature_inc_path", Concat(Read(shell, "ngx_feature_inc_path"), " -I ", directory));
            }
        }

        shell.Set("ngx_test", ShellValue.Of(new UnknownValue("the compiler command line of a feature test", shell.LocationOf(at))));
        shell.Set("ngx_feature_inc_path", ShellValue.Empty);

        var feature = Read(shell, "ngx_feature").ToString();
        var run = Read(shell, "ngx_feature_run").KnownText;
        if (!shell.Decide($"feature test \"{feature}\" passes", at))
        {
            return 0;
        }

        shell.Set("ngx_found", Yes);
        if (run == "value")
        {
            shell.Record.Defines.Add(new DefineFact(featureName.ToString(), "(the output of the test program)", shell.LocationOf(at)));
        }
        else if (!featureName.IsEmpty)
        {
            // `have=$ngx_have_feature . auto/have`: the prefix assignment stays, `.` being special.
            shell.Set("have", Read(shell, "ngx_have_feature"));
            shell.Record.Defines.Add(new DefineFact(Read(shell, "have").ToString(), "1", shell.LocationOf(at)));
        }

        return 0;
    }

    /// <summary>
    /// <c>$name</c> in nginx's scripts: configure set every variable they read, so an unset one is
    /// simply empty, never one from the user's environment.
    /// </summary>
    private static ShellValue Read(Evaluator shell, string name) => shell.GetVariable(name, at: null) ?? ShellValue.Empty;

    /// <summary>
    /// An auto/module variable (<c>ngx_module_srcs</c>...) as the instance every world holding the same
    /// value shares, so that its words and joins are computed once for all of them.
    /// </summary>
    private static ShellValue ReadModuleVariable(Evaluator shell, string name) => shell.Values.Shared(Read(shell, name));

    /// <summary><c>LIST="$LIST $value"</c>.</summary>
    private static void Append(Evaluator shell, string list, ShellValue value) => shell.Set(list, shell.Values.AppendWords(Read(shell, list), value));

    /// <summary><c>if test -n "$ngx_module_X"; then LIST="$LIST $ngx_module_X"; fi</c>.</summary>
    private static void AppendIfSet(Evaluator shell, string list, string variable)
    {
        if (!Read(shell, variable).IsEmpty)
        {
            Append(shell, list, Read(shell, variable));
        }
    }

    /// <summary><c>eval ${ngx_var}_X=\"\$${ngx_var}_X $value\"</c>: the value's words, blanks squeezed.</summary>
    private static void AppendEvaluated(Evaluator shell, string list, ShellValue value)
        => shell.Set(list, shell.Values.AppendWords(Read(shell, list), shell.Values.EvalJoin(string.Empty, value, "\"").TrimEnd('"')));

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

/// <summary>auto/module's sources split into those no earlier module listed and the others, and its loop's last turn.</summary>
internal sealed record NewSources(ShellValue New, ShellValue Shared, (ShellValue Src, bool Found, int Old)? LastTurn);
