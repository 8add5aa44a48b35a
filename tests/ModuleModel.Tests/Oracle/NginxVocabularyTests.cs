using System.Text;
using System.Text.RegularExpressions;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.TestSupport;

namespace ConfigConvert.ModuleModel.Tests.Oracle;

/// <summary>
/// The model's nginx vocabulary against nginx's own scripts from nginx-dev: the module lists are the
/// ones <c>auto/modules</c> writes into <c>objs/ngx_modules.c</c>, and the real <c>auto/module</c>, run
/// by /bin/sh for every module type and every library, does what <see cref="ModuleType"/> and
/// <see cref="BuiltInLibrary"/> say.
/// </summary>
public sealed partial class NginxVocabularyTests
{
    private static string AutoModules => File.ReadAllText(Path.Combine(ShellOracle.NginxSource, "auto", "modules"));

    private static string AutoModule => File.ReadAllText(Path.Combine(ShellOracle.NginxSource, "auto", "module"));

    [Trait("Requires", "dash")]
    [Trait("Requires", "nginx")]
    [Fact]
    public void The_module_lists_are_the_ones_configure_writes_into_ngx_modules_c()
    {
        ShellOracle.RequireNginxDev();
        var assignments = ModulesAssignment().Matches(AutoModules).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(assignments);

        // `modules="$CORE_MODULES $EVENT_MODULES"`, then `$modules $HTTP_MODULES ...`; THREAD_POOL_MODULE is one module, not a list.
        var lists = assignments.SelectMany(a => ListReference().Matches(a).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(lists.Order(StringComparer.Ordinal), ModuleType.All.Select(t => t.ModulesList).Order(StringComparer.Ordinal));
        Assert.Contains("EVENT_MODULES", lists);
    }

    [Trait("Requires", "dash")]
    [Trait("Requires", "nginx")]
    [Fact]
    public void Every_type_nginx_gives_its_own_modules_is_known()
    {
        ShellOracle.RequireNginxDev();
        var types = TypeAssignment().Matches(AutoModules).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("HTTP_INIT_FILTER", types);
        Assert.All(types, type => Assert.NotNull(ModuleType.FromName(type)));
    }

    [Trait("Requires", "dash")]
    [Trait("Requires", "nginx")]
    [Fact]
    public void Auto_module_appends_each_type_to_its_list_and_uses_its_variable_stem()
    {
        var script = new StringBuilder();
        foreach (var type in ModuleType.All)
        {
            script.Append(Describe(type.Name, "ADDON", libs: string.Empty, use: null));
            script.Append($"echo \"{type.Name} list=${type.ModulesList}\"\necho \"{type.Name} var=$ngx_var\"\n");
        }

        var output = RunWithAutoModule(script.ToString());
        foreach (var type in ModuleType.All)
        {
            Assert.Equal(" ngx_x_module", output[$"{type.Name} list"]);
            Assert.Equal(type.VariableStem, output[$"{type.Name} var"]);
        }
    }

    [Trait("Requires", "dash")]
    [Trait("Requires", "nginx")]
    [Fact]
    public void Auto_module_gives_filters_and_only_them_a_default_dynamic_order()
    {
        var script = new StringBuilder();
        foreach (var type in ModuleType.All)
        {
            script.Append(Describe(type.Name, "DYNAMIC", libs: string.Empty, use: null));
            script.Append($"echo \"{type.Name} order=$ngx_x_module_ORDER\"\n");
        }

        var output = RunWithAutoModule(script.ToString());
        foreach (var type in ModuleType.All)
        {
            Assert.Equal(string.Join(' ', type.DefaultOrder(["ngx_x_module"])), output[$"{type.Name} order"]);
        }

        Assert.Equal([ModuleType.HttpFilter, ModuleType.HttpAuxFilter], ModuleType.All.Where(t => t.IsFilter));
    }

    [Trait("Requires", "dash")]
    [Trait("Requires", "nginx")]
    [Fact]
    public void The_libraries_are_the_names_auto_module_knows()
    {
        ShellOracle.RequireNginxDev();
        var names = LibraryPattern().Matches(AutoModule).SelectMany(m => m.Groups[1].Value.Split('|', StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(names.Order(StringComparer.Ordinal), BuiltInLibrary.All.Select(l => l.Name).Order(StringComparer.Ordinal));
    }

    [Trait("Requires", "dash")]
    [Trait("Requires", "nginx")]
    [Fact]
    public void Auto_module_links_each_library_as_the_vocabulary_says()
    {
        var cases = new List<(BuiltInLibrary? Library, string Word, string Link, string Use)>();
        foreach (var word in BuiltInLibrary.All.Select(l => l.Name).Append("-lm"))
        {
            foreach (var link in new[] { "ADDON", "DYNAMIC" })
            {
                foreach (var use in new[] { "NO", "YES" })
                {
                    cases.Add((BuiltInLibrary.FromName(word), word, link, use));
                }
            }
        }

        var script = new StringBuilder();
        foreach (var (library, word, link, use) in cases)
        {
            var key = $"{word} {link} {use}";
            script.Append(Describe("HTTP", link, word, use));
            script.Append($"echo \"{key} use=$USE_{(library?.Name ?? "PCRE")}\"\necho \"{key} core=$CORE_LIBS\"\necho \"{key} so=$ngx_x_module_LIBS\"\n");
        }

        var output = RunWithAutoModule(script.ToString());
        foreach (var (library, word, link, use) in cases)
        {
            var key = $"{word} {link} {use}";
            var dynamic = link == "DYNAMIC";
            var expectedUse = library is null ? use : (dynamic ? library.DynamicUse(use) : library.AddonUse) ?? use;
            var linkerFlag = library is null ? word : string.Empty;
            Assert.Equal(expectedUse, output[key + " use"]);
            Assert.Equal(dynamic ? string.Empty : linkerFlag, output[key + " core"].Trim());
            Assert.Equal(dynamic ? library?.SharedObjectLibs ?? linkerFlag : string.Empty, output[key + " so"].Trim());
        }
    }

    /// <summary>The variables configure leaves before a config's <c>. auto/module</c>, for a module <c>ngx_x_module</c>.</summary>
    private static string Describe(string type, string link, string libs, string? use)
    {
        var useLine = use is null ? string.Empty : string.Concat(BuiltInLibrary.All.Select(l => $"{l.UseVariable}={use}; "));
        return $"{useLine}CORE_LIBS=; DYNAMIC_MODULES=; DYNAMIC_MODULES_SRCS=; NGX_ADDON_SRCS=; ngx_x_module_LIBS=; ngx_x_module_ORDER=; {type}_MODULES=\n"
            + $"ngx_module_type={type}; ngx_module_name=ngx_x_module; ngx_module_incs=; ngx_module_deps=; ngx_module_srcs=x.c\n"
            + $"ngx_module_libs='{libs}'; ngx_module_order=; ngx_module_link={link}\n"
            + $". {ShellOracle.NginxSource}/auto/module\n";
    }

    /// <summary>Runs the script with /bin/sh and reads its <c>KEY=VALUE</c> lines.</summary>
    private static Dictionary<string, string> RunWithAutoModule(string script)
    {
        ShellOracle.RequireNginxDev();
        var result = ExternalTool.Run("sh", ["-c", "set -e\n" + script]);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\s*modules=""((?:[^""\\]|\\[\s\S])*)""", RegexOptions.Multiline)]
    private static partial Regex ModulesAssignment();

    [GeneratedRegex(@"\$(\w+_MODULES)\b")]
    private static partial Regex ListReference();

    [GeneratedRegex(@"^\s*ngx_module_type=(\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex TypeAssignment();

    /// <summary>The patterns of <c>case $lib in</c>: <c>PCRE | OPENSSL | ZLIB)</c>; the catch-all <c>*)</c> is not one.</summary>
    [GeneratedRegex(@"^\s*([A-Z0-9]+(?:\s*\|\s*[A-Z0-9]+)*)\)\s*$", RegexOptions.Multiline)]
    private static partial Regex LibraryPattern();
}
