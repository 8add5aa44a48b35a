using System.Collections.Immutable;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.ModuleModel;

/// <summary>A module name the config puts into one of configure's module lists.</summary>
/// <param name="Name">The module's name, e.g. <c>ngx_http_foo_module</c>.</param>
/// <param name="Type">The type whose list it is in.</param>
/// <param name="Position">Where in the list, relative to nginx's own modules.</param>
/// <param name="Location">Where the name was written.</param>
public sealed record RegisteredModule(string Name, ModuleType Type, ModulePosition Position, Location? Location);

/// <summary>One of nginx's own modules that the config took out of a module list.</summary>
/// <param name="Name">The module's name.</param>
/// <param name="Type">The type whose list it was in.</param>
public sealed record RemovedModule(string Name, ModuleType Type);

/// <summary>A word the config adds to one of configure's lists (sources, deps, include dirs, libs...).</summary>
/// <param name="Value">The word, paths under the module directory written as <c>$ngx_addon_dir/...</c>.</param>
/// <param name="Variable">The variable it was added to.</param>
/// <param name="Location">Where it was written.</param>
public sealed record ListFact(string Value, string Variable, Location? Location)
{
    /// <summary>The word itself, each part with where it was written; null when not recorded.</summary>
    public ShellValue? Word { get; init; }
}

/// <summary>A shared object a dynamic build makes.</summary>
public sealed record SharedObject(string Name, ImmutableArray<string> Modules, ImmutableArray<string> Sources, ImmutableArray<string> SharedSources, ImmutableArray<string> Libs, ImmutableArray<string> Order);

/// <summary>Something the evaluator cannot know, and why.</summary>
public sealed record UnknownValue(string Reason, Location? Location)
{
    /// <summary>
    /// The environment variable this value depends on alone, when it does: the variable's value (whoever
    /// runs configure sets it, and a config that names it again gets the same value) or what an emulated
    /// program makes of it. Null for any other unknown (a program the model does not run, a feature test).
    /// </summary>
    public string? EnvironmentVariable { get; init; }
}

/// <summary>
/// A module the config looks for in configure's module lists (<c>echo $HTTP_MODULES | grep NAME</c>),
/// and whether this outcome found it there: configure must have seen that module first.
/// </summary>
/// <param name="Name">The module looked for.</param>
/// <param name="Found">True when the list held it (nginx's own, a module configured first, or one this outcome assumes another addon added).</param>
/// <param name="Location">The check.</param>
public sealed record RequiredModule(string Name, bool Found, Location? Location);

/// <summary>A condition the evaluator could not decide, and the way this outcome takes it.</summary>
public sealed record Assumption(string Condition, bool Holds, Location? Location)
{
    /// <inheritdoc />
    public override string ToString() => (Holds ? string.Empty : "not: ") + Condition;
}

/// <summary>One <c>. auto/module</c> call and the description it was given.</summary>
public sealed record AutoModuleCall(string Type, ImmutableArray<string> Names, ImmutableArray<string> Sources, ImmutableArray<string> Libs, string Order, Location? Location)
{
    /// <summary>The include directories it was given (<c>ngx_module_incs</c>).</summary>
    public ImmutableArray<string> Incs { get; init; } = [];

    /// <summary>The headers it was given (<c>ngx_module_deps</c>).</summary>
    public ImmutableArray<string> Deps { get; init; } = [];
}

/// <summary>A <c>#define</c> the config adds to <c>ngx_auto_config.h</c> (<c>auto/have</c>, <c>auto/define</c>, a found feature).</summary>
public sealed record DefineFact(string Name, string Value, Location? Location);

/// <summary>
/// A file the config writes through a redirection (<c>&gt;</c>, <c>&gt;&gt;</c>, <c>&gt;|</c>, or <c>&lt;&gt;</c>, which
/// opens it to be written in place), named as the redirection's target expands in the world that ran it: absolute, or
/// relative to nginx's source tree, where configure runs. A relative target after <c>cd</c> is read from the directory
/// the config changed to; one in a directory the model cannot name is not recorded.
/// </summary>
/// <param name="Path">The file, as the target expands.</param>
/// <param name="Appends">True for <c>&gt;&gt;</c>, which adds to the file rather than replacing it.</param>
/// <param name="Location">Where the redirection is written (for one in text the config runs with <c>eval</c>, the <c>eval</c>).</param>
public sealed record RedirectionFact(string Path, bool Appends, Location? Location);

/// <summary>An external program the config runs.</summary>
public sealed record CommandFact(string Name, string CommandLine, Location? Location)
{
    /// <summary>The arguments after the program's name, as the model knows them.</summary>
    public ImmutableArray<ShellValue> Arguments { get; init; } = [];

    /// <summary>
    /// The directory the program runs in when the config changed to it with <c>cd</c>: absolute, or relative to nginx's
    /// tree; null at the tree's top, where configure runs, or when <see cref="DirectoryKnown"/> is false.
    /// </summary>
    public string? Directory => WorkingDirectory.Path;

    /// <summary>False when the config changed to a directory the model cannot name: a relative path then names an unknown file.</summary>
    public bool DirectoryKnown => WorkingDirectory.Known;

    /// <summary>Where the program runs, as the model followed the config's <c>cd</c>s.</summary>
    internal WorkingDirectory WorkingDirectory { get; init; } = WorkingDirectory.NginxTree;

    /// <summary>
    /// The file a path argument names, read from where the program runs, as a redirection's target is: absolute, or
    /// relative to nginx's tree; null when it is relative and the directory is unknown.
    /// </summary>
    public string? ResolvePath(string path) => WorkingDirectory.Resolve(path);
}
