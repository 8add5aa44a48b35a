using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace ConfigConvert.Analyzers;

/// <summary>Checks modules on several threads at once, and returns the results in the order of the modules, whatever finished first.</summary>
internal static class ParallelModules
{
    public static ImmutableArray<CheckedModule> Run(List<string> modules, int maxParallelism, Func<string, CheckedModule> check, IProgress<ModuleProgress>? progress)
    {
        var done = 0;
        CheckedModule CheckAndTell(string module)
        {
            var result = check(module);
            progress?.Report(new ModuleProgress(Interlocked.Increment(ref done), modules.Count, module));
            return result;
        }

        progress?.Report(new ModuleProgress(0, modules.Count, null));
        if (maxParallelism <= 1 || modules.Count <= 1)
        {
            return [.. modules.Select(CheckAndTell)];
        }

        return [.. OneAtATime(modules).AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Min(maxParallelism, 512)).Select(CheckAndTell)];
    }

    /// <summary>
    /// The modules handed out one at a time, in order, not in ranges of the list: one large module (a tenth of a
    /// tree's modules can be half its work) would otherwise leave the other threads idle. The load-balancing
    /// partitioner of a list hands out ranges that double every third time a thread asks, so that near the end one
    /// thread took several modules at once while the others ran out of work.
    /// </summary>
    internal static OrderablePartitioner<string> OneAtATime(List<string> modules)
        => Partitioner.Create(modules, EnumerablePartitionerOptions.NoBuffering);
}
