using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ConfigConvert.CSources;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Verification.Nginx;

/// <summary>The files configure writes under <c>objs/</c> that say what a static build contains.</summary>
/// <param name="ModulesFile"><c>objs/ngx_modules.c</c>: the modules, in order.</param>
/// <param name="Makefile"><c>objs/Makefile</c>: sources, include directories, the link line.</param>
/// <param name="AutoConfig"><c>objs/ngx_auto_config.h</c>: the <c>#define</c>s.</param>
internal sealed record StaticBuildFiles(string ModulesFile, string Makefile, string AutoConfig)
{
    public const string ModulesFileName = "ngx_modules.c";
    public const string MakefileName = "Makefile";
    public const string AutoConfigName = "ngx_auto_config.h";

    public static StaticBuildFiles Read(string objsDirectory) => new(
        File.ReadAllText(Path.Combine(objsDirectory, ModulesFileName)),
        File.ReadAllText(Path.Combine(objsDirectory, MakefileName)),
        File.ReadAllText(Path.Combine(objsDirectory, AutoConfigName)));

    /// <summary>Writes the three files into <paramref name="objsDirectory"/>, under the names configure gives them, so that <see cref="Read"/> finds them.</summary>
    public void WriteTo(string objsDirectory)
    {
        File.WriteAllText(Path.Combine(objsDirectory, ModulesFileName), ModulesFile);
        File.WriteAllText(Path.Combine(objsDirectory, MakefileName), Makefile);
        File.WriteAllText(Path.Combine(objsDirectory, AutoConfigName), AutoConfig);
    }
}

/// <summary>
/// What a static build with a module contains, as configure wrote it. The module's directory is written
/// <c>$ngx_addon_dir</c> wherever it appears; nginx's own files are relative to its source tree.
/// </summary>
/// <param name="Modules">Every module of the binary, in the order of <c>ngx_modules[]</c> (which is the order nginx initialises them).</param>
/// <param name="AddonSources">The sources outside nginx's tree (the module's) that the Makefile compiles (<see cref="SourceFileNames.IsCompiledByNginx"/>), sorted.</param>
/// <param name="IncludeDirs">Every <c>-I</c> directory of the Makefile, sorted.</param>
/// <param name="Libs">The libraries and linker flags that end the link line of <c>objs/nginx</c>, in order.</param>
/// <param name="Defines">The <c>#define</c> lines of <c>ngx_auto_config.h</c>, sorted.</param>
internal sealed partial record StaticBuildFacts(IReadOnlyList<string> Modules, IReadOnlyList<string> AddonSources, IReadOnlyList<string> IncludeDirs, IReadOnlyList<string> Libs, IReadOnlyList<string> Defines)
{
    private const string ModuleArrayStart = "ngx_module_t *ngx_modules[] = {";
    private const string LinkTarget = "objs/nginx:";

    public static StaticBuildFacts Read(StaticBuildFiles files, string moduleDirectory)
    {
        // A backslash-newline continues a Makefile line: join them so that each rule and command is one line.
        var makefile = files.Makefile.Replace("\\\n", " ", StringComparison.Ordinal);
        var words = makefile.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return new StaticBuildFacts(
            ModuleArray(files.ModulesFile),
            [.. words.Where(w => w.StartsWith('/') && SourceFileNames.IsCompiledByNginx(w)).Select(w => ModuleOutcome.DisplayPath(w, moduleDirectory)).Distinct().Order(StringComparer.Ordinal)],
            [.. IncludeFlag().Matches(makefile).Select(m => ModuleOutcome.DisplayPath(m.Groups[1].Value, moduleDirectory)).Distinct().Order(StringComparer.Ordinal)],
            [.. LinkLibraries(makefile).Select(w => InModule(w, moduleDirectory))],
            [.. files.AutoConfig.Split('\n').Where(l => l.StartsWith("#define", StringComparison.Ordinal)).Select(l => InModule(l, moduleDirectory)).Order(StringComparer.Ordinal)]);
    }

    // The module's directory, wherever it appears in a word or line (a -L flag, -Wl,-rpath,DIR, NGX_CONFIGURE's
    // --add-module=) and not followed by more of a file name, as $ngx_addon_dir: two copies of a module configured at
    // different paths give the same facts.
    private static string InModule(string text, string moduleDirectory)
    {
        var root = moduleDirectory.TrimEnd('/');
        return root.Length == 0 ? text : Regex.Replace(text, Regex.Escape(root) + @"(?![A-Za-z0-9._~+-])", "$$ngx_addon_dir");
    }

    /// <summary>The differences that matter between this build (the original config's) and <paramref name="converted"/>.</summary>
    public ImmutableArray<StaticDifference> Compare(StaticBuildFacts converted)
    {
        var differences = ImmutableArray.CreateBuilder<StaticDifference>();
        void Check(StaticAspect aspect, IReadOnlyList<string> original, IReadOnlyList<string> changed)
        {
            if (!original.SequenceEqual(changed, StringComparer.Ordinal))
            {
                differences.Add(new StaticDifference(aspect, [.. original], [.. changed]));
            }
        }

        Check(StaticAspect.Modules, Modules, converted.Modules);
        Check(StaticAspect.Sources, AddonSources, converted.AddonSources);
        Check(StaticAspect.IncludeDirs, IncludeDirs, converted.IncludeDirs);
        Check(StaticAspect.Libs, Libs, converted.Libs);
        Check(StaticAspect.Defines, Defines, converted.Defines);
        return differences.ToImmutable();
    }

    /// <summary>The modules of the <c>ngx_modules[]</c> array of a modules file configure wrote (nginx's or a shared object's), in order.</summary>
    public static string[] ModuleArray(string modulesFile)
    {
        var start = modulesFile.IndexOf(ModuleArrayStart, StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var end = modulesFile.IndexOf("};", start, StringComparison.Ordinal);
        var array = end < 0 ? modulesFile[start..] : modulesFile[start..end];
        return [.. ModuleReference().Matches(array).Select(m => m.Groups[1].Value)];
    }

    // The link command of objs/nginx lists the objects (ngx_modules.o last), then the libraries and linker flags.
    private static string[] LinkLibraries(string makefile)
    {
        var link = makefile.Split('\n')
            .SkipWhile(l => !l.StartsWith(LinkTarget, StringComparison.Ordinal))
            .Skip(1)
            .FirstOrDefault(l => l.Contains("$(LINK)", StringComparison.Ordinal)) ?? string.Empty;
        var words = link.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var lastObject = Array.FindLastIndex(words, w => w.EndsWith(".o", StringComparison.Ordinal));
        return [.. words.Skip(lastObject + 1)];
    }

    [GeneratedRegex(@"&(\w+),")]
    private static partial Regex ModuleReference();

    [GeneratedRegex(@"-I\s+(\S+)")]
    private static partial Regex IncludeFlag();
}
