namespace ConfigConvert.ModuleModel.Tests.Discovery;

/// <summary>Which modules a tree holds: one search for check and convert.</summary>
public sealed class ModuleSearchTests : IDisposable
{
    private const string Module = "ngx_addon_name=ngx_http_a_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_a_module\"\n";

    // The shape of ngx_brotli: a top config that sources the configs of its two parts.
    private const string Parent = "ngx_addon_name=ngx_brotli\n. $ngx_addon_dir/filter/config\nngx_addon_name=ngx_brotli\n. \"${ngx_addon_dir}/static/config\"\n";

    private const string Part = "ngx_module_type=HTTP_FILTER\nngx_module_name=ngx_http_part_module\n. auto/module\n";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cc-search-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Configs_a_module_sources_are_part_of_it_not_modules_of_their_own()
    {
        Write("mods/brotli/config", Parent);
        Write("mods/brotli/filter/config", Part);
        Write("mods/brotli/static/config", Part);
        Write("mods/other/config", Module);

        var result = ModuleSearch.Find([At("mods")]);

        Assert.Empty(result.Problems);
        Assert.Equal([At("mods/brotli"), At("mods/other")], result.Modules.Select(m => m.Directory));
        Assert.Equal<string>([At("mods/brotli/filter/config"), At("mods/brotli/static/config")], result.Modules[0].SourcedConfigs);
        Assert.Equal(At("mods/brotli/config"), result.Modules[0].Config);
    }

    [Fact]
    public void A_part_named_as_a_path_stands_for_the_module_that_sources_it()
    {
        Write("brotli/config", Parent);
        Write("brotli/filter/config", Part);
        Write("brotli/static/config", Part);

        var result = ModuleSearch.Find([At("brotli/filter"), At("brotli/static/config"), At("brotli")]);

        Assert.Equal([At("brotli")], result.Modules.Select(m => m.Directory));
    }

    [Fact]
    public void A_sourced_config_outside_the_module_directory_is_still_part_of_it()
    {
        Write("repo/nginx/config", "ngx_addon_name=outer\n. $ngx_addon_dir/../shared/config\n");
        Write("repo/shared/config", Part);

        var result = ModuleSearch.Find([At("repo")]);

        Assert.Equal([At("repo/nginx")], result.Modules.Select(m => m.Directory));
        Assert.Equal<string>([At("repo/shared/config")], result.Modules[0].SourcedConfigs);
    }

    [Fact]
    public void A_sourced_path_with_a_NUL_is_not_followed()
    {
        // Found by fuzzing check --fix: the NUL reached Path.GetFullPath, which threw.
        Write("m/config", "ngx_addon_name=m\n. $ngx_addon_dir/fil\0ter/config\n. $ngx_addon_dir/static/config\n");
        Write("m/static/config", Part);

        var result = ModuleSearch.Find([At("m")]);

        Assert.Empty(result.Problems);
        Assert.Equal<string>([At("m/static/config")], Assert.Single(result.Modules).SourcedConfigs);
    }

    [Fact]
    public void Two_configs_that_source_each_other_are_both_kept()
    {
        Write("t/a/config", "ngx_addon_name=a\n. $ngx_addon_dir/../b/config\n");
        Write("t/b/config", "ngx_addon_name=b\n. $ngx_addon_dir/../a/config\n");

        Assert.Equal([At("t/a"), At("t/b")], ModuleSearch.Find([At("t")]).Modules.Select(m => m.Directory));
    }

    [Fact]
    public void Include_and_exclude_globs_select_among_the_modules_found_and_a_directory_name_covers_its_tree()
    {
        Write("t/a/config", Module);
        Write("t/vendor/b/config", Module);
        Write("t/vendor/c/config", Module);

        Assert.Equal([At("t/a")], Directories(new ModuleSearchOptions { Exclude = ["vendor"] }));
        Assert.Equal([At("t/a")], Directories(new ModuleSearchOptions { Exclude = ["vendor/**"] }));
        Assert.Equal([At("t/vendor/b")], Directories(new ModuleSearchOptions { Include = ["vendor/**"], Exclude = ["**/c/config"] }));
        Assert.Equal([At("t/a"), At("t/vendor/c")], Directories(new ModuleSearchOptions { Include = ["a", "*/c/config"] }));

        // Leaving every module out is what was asked: not a path without modules.
        var none = ModuleSearch.Find([At("t")], new ModuleSearchOptions { Exclude = ["**"] });
        Assert.Empty(none.Modules);
        Assert.Empty(none.Problems);

        // A module named explicitly is kept whatever the globs say.
        Assert.Equal([At("t/a")], ModuleSearch.Find([At("t/a")], new ModuleSearchOptions { Exclude = ["**"] }).Modules.Select(m => m.Directory));
    }

    [Fact]
    public void Symbolic_link_loops_are_skipped_without_a_problem_and_each_module_is_found_once()
    {
        Write("t/m/config", Module);
        Directory.CreateSymbolicLink(At("t/up"), "..");
        Directory.CreateSymbolicLink(At("t/self"), ".");
        Directory.CreateSymbolicLink(At("t/loop"), "loop");
        Directory.CreateSymbolicLink(At("t/ping"), "pong");
        Directory.CreateSymbolicLink(At("t/pong"), "ping");
        Directory.CreateSymbolicLink(At("t/again"), At("t/m"));

        var result = ModuleSearch.Find([At("t"), At("t/again")]);

        Assert.Empty(result.Problems);
        // Reached first (names in ordinal order) through the link `again`; `m` is the same directory and is not entered again.
        Assert.Equal(At("t/again"), Assert.Single(result.Modules).Directory);
    }

    [Fact]
    public void A_deep_tree_is_searched_to_its_bottom_and_a_link_there_back_to_its_top_is_not_entered()
    {
        var deep = "t/" + string.Join('/', Enumerable.Repeat("d", 1000));
        Write(deep + "/m/config", Module);
        Directory.CreateSymbolicLink(At(deep + "/top"), At("t"));
        Directory.CreateSymbolicLink(At(deep + "/up"), "..");

        var result = ModuleSearch.Find([At("t")]);

        Assert.Empty(result.Problems);
        Assert.Equal(At(deep + "/m"), Assert.Single(result.Modules).Directory);
    }

    [Fact]
    public void An_unreadable_directory_is_a_problem_and_the_rest_is_still_searched()
    {
        Write("t/a/config", Module);
        Write("t/locked/b/config", Module);
        Write("t/z/config", Module);
        IEnumerable<DirectoryInfo> List(string directory) => directory.EndsWith("locked", StringComparison.Ordinal)
            ? throw new UnauthorizedAccessException($"Access to the path '{directory}' is denied.")
            : new DirectoryInfo(directory).EnumerateDirectories();

        var result = ModuleSearch.Find([At("t")], null, List);

        Assert.Equal([At("t/a"), At("t/z")], result.Modules.Select(m => m.Directory));
        var problem = Assert.Single(result.Problems);
        Assert.Equal((At("t/locked"), ModuleSearchProblemKind.Unreadable), (problem.Path, problem.Kind));
    }

    [Fact]
    public void Missing_paths_other_files_and_trees_without_modules_are_problems_of_their_own()
    {
        Write("docs/readme", "nothing\n");
        Write("t/m/config", Module);

        var result = ModuleSearch.Find([At("nope"), At("docs/readme"), At("docs"), At("t")]);

        Assert.Equal([At("t/m")], result.Modules.Select(m => m.Directory));
        Assert.Equal(
            [ModuleSearchProblemKind.Missing, ModuleSearchProblemKind.NotAModule, ModuleSearchProblemKind.NoModuleFound],
            result.Problems.Select(p => p.Kind));
    }

    [Fact]
    public async Task Fifos_the_search_meets_are_read_as_empty_without_waiting_for_a_writer()
    {
        // A config that is a FIFO reads like nothing, a sourced part that is one sources nothing, a config above a module
        // named as a path that is one is no owner of it, and a FIFO named as a path is a file other than a config.
        Write("t/a/config", "ngx_addon_name=a\n. $ngx_addon_dir/part\nHTTP_MODULES=\"$HTTP_MODULES a\"\n");
        ConfigConvert.TestSupport.Fifo.Create(At("t/a/part"));
        Directory.CreateDirectory(At("t/b"));
        ConfigConvert.TestSupport.Fifo.Create(At("t/b/config"));
        Directory.CreateDirectory(At("t/c"));
        ConfigConvert.TestSupport.Fifo.Create(At("t/c/pipe"));
        Write("t/c/d/config", Module);
        Directory.CreateDirectory(At("o"));
        ConfigConvert.TestSupport.Fifo.Create(At("o/config"));
        Write("o/sub/config", Module);

        var result = await Task.Run(() => ModuleSearch.Find([At("t"), At("o/sub"), At("t/c/pipe")])).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal([At("t/a"), At("t/c/d"), At("o/sub")], result.Modules.Select(m => m.Directory));
        Assert.Equal<string>([At("t/a/part")], result.Modules[0].SourcedConfigs);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((At("t/c/pipe"), ModuleSearchProblemKind.NotAModule), (problem.Path, problem.Kind));
    }

    [Fact]
    public void Configs_read_on_many_threads_give_the_modules_and_their_parts_in_the_order_of_one()
    {
        for (var i = 0; i < 40; i++)
        {
            Write($"t/m{i:D2}/config", i % 3 == 0 ? Parent : Module);
            Write($"t/m{i:D2}/filter/config", Part);
            Write($"t/m{i:D2}/static/config", Part);
        }

        // Two that source each other are both kept; a part sourced by two modules, one of them through a link to its
        // directory, is part of both and a module of neither.
        Write("t/x/config", "ngx_addon_name=x\n. $ngx_addon_dir/../y/config\n");
        Write("t/y/config", "ngx_addon_name=y\n. $ngx_addon_dir/../x/config\n");
        Write("t/shared/config", Part);
        Write("t/p/config", "ngx_addon_name=p\n. $ngx_addon_dir/../shared/config\n");
        Directory.CreateSymbolicLink(At("t/q-shared"), At("t/shared"));
        Write("t/q/config", "ngx_addon_name=q\n. $ngx_addon_dir/../q-shared/config\n");

        var inTurn = ModuleSearch.Find([At("t")]);
        var parallel = ModuleSearch.Find([At("t")], new ModuleSearchOptions { MaxParallelism = 8 });

        Assert.Equal([.. Enumerable.Range(0, 40).Select(i => At($"t/m{i:D2}")), At("t/p"), At("t/q"), At("t/x"), At("t/y")], inTurn.Modules.Select(m => m.Directory));
        Assert.Equal(inTurn.Modules.Select(m => (m.Directory, string.Join(' ', m.SourcedConfigs))), parallel.Modules.Select(m => (m.Directory, string.Join(' ', m.SourcedConfigs))));
        Assert.Equal<string>([At("t/m03/filter/config"), At("t/m03/static/config")], parallel.Modules[3].SourcedConfigs);
    }

    [Fact]
    public void A_tree_of_many_modules_made_of_parts_keeps_each_module_once_and_none_of_its_parts()
    {
        // Each part was looked for among every other module's sourced configs, every path resolved again each time:
        // 1,000 such modules took 8 s of a check.
        for (var i = 0; i < 1000; i++)
        {
            Write($"t/m{i:D4}/config", Parent);
            Write($"t/m{i:D4}/filter/config", Part);
            Write($"t/m{i:D4}/static/config", Part);
        }

        var result = ModuleSearch.Find([At("t"), At("t/m0500/filter")], new ModuleSearchOptions { MaxParallelism = 2 });

        Assert.Empty(result.Problems);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => At($"t/m{i:D4}")), result.Modules.Select(m => m.Directory));
        Assert.All(result.Modules, m => Assert.Equal(2, m.SourcedConfigs.Length));
    }

    [Fact]
    public void A_config_is_told_from_other_files_by_the_names_in_its_first_64K_characters_however_it_is_encoded()
    {
        // A test suite's or a tool's file named config is no module's; a module's names configure's variables early on.
        Write("t/early/config", Module + new string('#', 100_000) + "\n");
        Write("t/late/config", new string('#', 70_000) + "\n" + Module);
        Write("t/other/config", "server { listen 80; }\n");

        // Characters, not bytes: 30,000 euro signs are 90,000 bytes of UTF-8.
        Write("t/wide/config", "# " + new string('\u20ac', 30_000) + "\n" + Module);

        // A name across the end of one chunk read and the start of the next.
        Write("t/straddling/config", new string('#', (16 * 1024) - 5) + "\n" + Module);

        // Read by its byte order mark, as before: checking it then says what is wrong with it.
        Directory.CreateDirectory(At("t/utf16"));
        File.WriteAllText(At("t/utf16/config"), Module, System.Text.Encoding.Unicode);

        Assert.Equal([At("t/early"), At("t/straddling"), At("t/utf16"), At("t/wide")], Directories(new ModuleSearchOptions()));
    }

    private List<string> Directories(ModuleSearchOptions options) => [.. ModuleSearch.Find([At("t")], options).Modules.Select(m => m.Directory)];

    private string At(string relative) => Path.Combine(_root, relative);

    private void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(At(relative))!);
        File.WriteAllText(At(relative), text);
    }
}
