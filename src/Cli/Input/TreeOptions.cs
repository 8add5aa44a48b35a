using System.Collections.Immutable;
using System.CommandLine;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Cli.Input;

/// <summary><c>--include GLOB</c>, <c>--exclude GLOB</c> (both repeatable) and <c>--max-parallelism N</c> of the commands that take trees of modules.</summary>
internal sealed class TreeOptions
{
    private readonly Option<string[]> _include = new("--include")
    {
        Description = "Only the modules whose `config` matches this glob, relative to the directory searched (`vendor/**`, `**/ngx_http_*/config`; a directory name covers what is below it); repeatable.",
        HelpName = "GLOB",
    };

    private readonly Option<string[]> _exclude = new("--exclude")
    {
        Description = "Leave out the modules whose `config` matches this glob, as --include; repeatable; wins over --include.",
        HelpName = "GLOB",
    };

    private readonly Option<int> _maxParallelism = new("--max-parallelism")
    {
        Description = "How many modules to work on at once (default: the number of processors). The output is the same, in the same order, whatever it is.",
        HelpName = "N",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public IEnumerable<Option> All => [_include, _exclude, _maxParallelism];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The values given; null (the reason written to standard error) for a parallelism below 1 or a glob that can match nothing.</summary>
    public TreeSettings? Resolve(CliConsole console, ParseResult result)
    {
        var parallelism = result.GetValue(_maxParallelism);
        if (parallelism < 1)
        {
            console.Error.WriteLine($"ngx-convert: --max-parallelism must be 1 or more, not {parallelism}");
            return null;
        }

        var (include, exclude) = (result.GetValue(_include) ?? [], result.GetValue(_exclude) ?? []);
        foreach (var (name, glob) in include.Select(g => ("--include", g)).Concat(exclude.Select(g => ("--exclude", g))))
        {
            if (ModuleSearch.GlobProblem(glob) is { } problem)
            {
                console.Error.WriteLine($"ngx-convert: {name} '{glob}': {problem}");
                return null;
            }
        }

        return new TreeSettings([.. include], [.. exclude], parallelism);
    }
}

/// <summary>What <see cref="TreeOptions"/> gave.</summary>
internal sealed record TreeSettings(ImmutableArray<string> Include, ImmutableArray<string> Exclude, int MaxParallelism)
{
    /// <summary>Module directories configured before each module found (<c>--with</c> of <c>convert</c>), in order.</summary>
    public string[]? Dependencies { get; init; }
}
