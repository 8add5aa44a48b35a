using System.Collections.Immutable;
using ConfigConvert.Cli.Input;
using ConfigConvert.Converter;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Cli.Commands;

/// <summary>
/// <c>convert</c> over trees of modules: finds the modules as <c>check</c> does, converts them several at
/// a time (with a progress bar on a terminal), and hands the results back in the order of the modules,
/// so that what is printed and written does not depend on the parallelism.
/// </summary>
internal static class TreeConversion
{
    /// <summary>
    /// A module's directory, its conversion (none when the module could not be read, and then the model's diagnostics
    /// say why), and the directory whose search found it. Not the module itself: its evaluated worlds are dropped as
    /// soon as it is converted, so that a tree of thousands of modules is not held whole until the last is done.
    /// </summary>
    public sealed record Item(string ModulePath, ImmutableArray<Diagnostic> ModuleDiagnostics, ConversionResult? Result, string SearchedFrom);

    /// <summary>The modules, converted in order; a path that could not be searched is written to standard error and sets <paramref name="searchFailed"/>.</summary>
    public static List<Item> Run(CliConsole console, string[] paths, TreeSettings trees, ConversionOptions options, out bool searchFailed)
    {
        var items = Collect(console, paths, trees, options, out var problems);
        foreach (var problem in problems)
        {
            console.Error.WriteLine(problem.ToString());
        }

        searchFailed = problems.Count > 0;
        return items;
    }

    /// <summary>The modules, converted in order, and the paths that could not be searched, as the model's diagnostics, for a report to show.</summary>
    public static List<Item> Collect(CliConsole console, string[] paths, TreeSettings trees, ConversionOptions options, out IReadOnlyList<Diagnostic> problems)
    {
        var search = ModuleSearch.Find(paths, new ModuleSearchOptions { Include = trees.Include, Exclude = trees.Exclude, MaxParallelism = trees.MaxParallelism });
        problems = [.. search.Problems.Select(AsDiagnostic)];
        var modules = search.Modules;
        return RunProgress.Run(console, "Converting modules", progress =>
        {
            var done = 0;
            Item Convert(FoundModule found)
            {
                var module = DependencyOption.Load(found.Directory, trees.Dependencies);
                var item = new Item(module.Path, module.Diagnostics, module.HasIoError ? null : ConfigConverter.Convert(module, options), found.SearchedFrom);
                progress?.Report((Interlocked.Increment(ref done), modules.Length));
                return item;
            }

            progress?.Report((0, modules.Length));
            return trees.MaxParallelism <= 1 || modules.Length <= 1
                ? modules.Select(Convert).ToList()
                : modules.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Min(trees.MaxParallelism, 512)).Select(Convert).ToList();
        });
    }

    /// <summary>The module model's own diagnostics for a path that names no module: not a directory (CC2001), no config (CC2002), unreadable (CC2003).</summary>
    private static Diagnostic AsDiagnostic(ModuleSearchProblem problem) => problem.Kind switch
    {
        ModuleSearchProblemKind.Missing or ModuleSearchProblemKind.NotAModule => Diagnostic.Create(ModelDiagnostics.DirectoryMissing, Location.None(problem.Path), problem.Path, problem.Reason),
        ModuleSearchProblemKind.NoModuleFound => Diagnostic.Create(ModelDiagnostics.ConfigMissing, Location.None(problem.Path), problem.Path),
        _ => Diagnostic.Create(ModelDiagnostics.ConfigUnreadable, Location.None(problem.Path), problem.Path, problem.Reason),
    };
}
