using System.CommandLine;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Cli.Input;

/// <summary>
/// <c>--with DIR</c> (repeatable) of <c>describe</c> and <c>convert</c>: modules configured before the
/// one described, in order, as configure does with earlier <c>--add-module</c> options.
/// </summary>
internal static class DependencyOption
{
    public static Option<string[]> Create() => new("--with")
    {
        Description = "A module directory configured before this module, as an earlier --add-module would be (a module it needs, such as ngx_devel_kit); repeatable, in order.",
        HelpName = "DIR",
    };

    /// <summary>The module at <paramref name="path"/>, evaluated after the modules of <paramref name="dependencies"/>; their I/O errors are its own.</summary>
    public static ModuleDirectory Load(string path, string[]? dependencies)
        => dependencies is null or [] ? ModuleDirectory.Load(path) : ModuleDirectory.Load(path).WithConfiguredFirst(dependencies.Select(ModuleDirectory.Load));
}
