using ConfigConvert.Analyzers;
using ConfigConvert.Cli.Input;

namespace ConfigConvert.Cli.Commands;

/// <summary><c>check</c> over trees of modules: the globs and parallelism given, with a progress bar on a terminal.</summary>
internal static class TreeCheck
{
    public static CheckReport Run(CliConsole console, string[] paths, CheckOptions options, TreeSettings trees)
        => RunProgress.Run(console, "Checking modules", progress => ModuleChecker.Check(paths, options with
        {
            Include = trees.Include,
            Exclude = trees.Exclude,
            MaxParallelism = trees.MaxParallelism,
            Progress = progress is null ? null : new BarProgress(progress),
        }));

    /// <summary>Reports on the caller's thread (not a captured context): the bar is updated as modules finish.</summary>
    private sealed class BarProgress(IProgress<(int Done, int Total)> bar) : IProgress<ModuleProgress>
    {
        public void Report(ModuleProgress value) => bar.Report((value.Done, value.Total));
    }
}
