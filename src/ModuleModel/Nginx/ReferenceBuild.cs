using System.Collections.Immutable;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Nginx;

/// <summary>
/// The values configure's variables have when it sources a module's config, for one nginx build.
/// A config is evaluated against them: positions like "before ngx_http_ssi_filter_module" are found
/// by comparing a module list before and after the config ran.
/// </summary>
public sealed class ReferenceBuild
{
    private ReferenceBuild(ImmutableDictionary<string, string> globals) => Globals = globals;

    /// <summary>nginx 1.22.1 configured with Debian's flags plus <c>--with-stream --with-mail</c>, as captured from its real configure.</summary>
    public static ReferenceBuild Default { get; } = FromEmbedded("nginx-1.22.1-debian.sh");

    /// <summary>Variable name to value.</summary>
    internal ImmutableDictionary<string, string> Globals { get; }

    /// <summary>nginx's own modules in the list of <paramref name="type"/>, in order (none when the build does not set the list).</summary>
    public ImmutableArray<string> Modules(ModuleType type)
        => Globals.TryGetValue(type.ModulesList, out var list) ? [.. list.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)] : [];

    /// <summary>Reads <c>NAME='value'</c> lines (the format <c>set</c> prints) with the shell parser.</summary>
    public static ReferenceBuild FromShellAssignments(string text)
    {
        var globals = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var statement in SyntaxTree.ParseText(text).GetRoot().Statements)
        {
            if (statement.Command is SimpleCommandSyntax simple && !simple.Words.Any())
            {
                foreach (var assignment in simple.Assignments)
                {
                    globals[assignment.Name.Text] = assignment.Value?.GetLiteralValue() ?? string.Empty;
                }
            }
        }

        return new ReferenceBuild(globals.ToImmutable());
    }

    private static ReferenceBuild FromEmbedded(string file)
    {
        using var stream = typeof(ReferenceBuild).Assembly.GetManifestResourceStream("Reference/" + file)
            ?? throw new InvalidOperationException("missing embedded reference " + file);
        using var reader = new StreamReader(stream);
        return FromShellAssignments(reader.ReadToEnd());
    }
}
