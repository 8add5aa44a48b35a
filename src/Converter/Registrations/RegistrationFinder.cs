using System.Collections.Immutable;
using System.Text;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Converter.Registrations;

/// <summary>What one assignment in an old-style config contributes to the module's description.</summary>
internal enum ContributionKind
{
    /// <summary>Module names appended to <c>TYPE_MODULES</c>.</summary>
    Names,

    /// <summary>Module names put somewhere else than the end of <c>TYPE_MODULES</c> (prepended, inserted with sed...).</summary>
    PositionedNames,

    /// <summary>Sources (<c>NGX_ADDON_SRCS</c>).</summary>
    Sources,

    /// <summary>Headers (<c>NGX_ADDON_DEPS</c>, <c>*_DEPS</c>).</summary>
    Deps,

    /// <summary>Include directories (<c>*_INCS</c>).</summary>
    Incs,

    /// <summary>Linker flags (<c>CORE_LIBS</c>).</summary>
    Libs,

    /// <summary>A library nginx builds in (<c>USE_OPENSSL=YES</c> becomes <c>OPENSSL</c>).</summary>
    UseLibrary,
}

/// <summary>A contribution: its kind, the module type for names (null for anything else), and the shell text of the added words.</summary>
internal sealed record Contribution(ContributionKind Kind, ModuleType? Type, string Text)
{
    /// <summary>True when the original wrote this list over several lines, with backslash-newlines: the new description keeps that layout.</summary>
    public bool OneItemPerLine { get; init; }
}

/// <summary>A statement of an old-style config that registers something, and what it contributes.</summary>
internal sealed record Registration(StatementSyntax Statement, ImmutableArray<Contribution> Contributions);

/// <summary>Finds the statements of an old-style config that append to configure's globals, and reads what each adds.</summary>
internal static class RegistrationFinder
{
    /// <summary>True for the globals through which an old config registers its module.</summary>
    public static bool IsRegistrationGlobal(string name)
        => ModuleType.FromModulesList(name) is not null
           || name is ConfigureLists.AddonSources or ConfigureLists.AddonDeps or ConfigureLists.CoreLibs
           || ModuleType.All.Any(t => name == t.Name + "_INCS" || name == t.Name + "_DEPS" || name == t.Name + "_SRCS")
           || BuiltInLibrary.FromUseVariable(name) is not null;

    /// <summary>
    /// The registrations of <paramref name="tree"/>; lines that change nginx's own build instead go to
    /// <paramref name="nginxBuildChanges"/> (they stay where they are), and shapes that are neither to
    /// <paramref name="problems"/>.
    /// </summary>
    public static ImmutableArray<Registration> Find(SyntaxTree tree, List<Diagnostic> problems, List<NginxBuildChange> nginxBuildChanges)
    {
        var registrations = ImmutableArray.CreateBuilder<Registration>();
        var assigned = NginxBuildChange.AssignedNames(tree);
        foreach (var statement in tree.GetRoot().DescendantNodes().OfType<StatementSyntax>())
        {
            if (statement.Command is not SimpleCommandSyntax command)
            {
                continue;
            }

            var registering = command.Assignments.Where(a => IsRegistrationGlobal(a.Name.Text)).ToList();
            if (registering.Count == 0)
            {
                continue;
            }

            if (command.Words.Any() || command.Redirects.Any() || registering.Count != command.Assignments.Count())
            {
                problems.Add(Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, tree.GetLocation(statement), $"`{Short(command)}` mixes a registration with other commands or assignments"));
                continue;
            }

            var changes = registering.Select(a => NginxBuildChange.Classify(a, assigned)).ToList();
            if (changes.All(c => c is not null))
            {
                nginxBuildChanges.AddRange(changes!);
                continue;
            }

            if (changes.Any(c => c is not null))
            {
                problems.Add(Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, tree.GetLocation(statement), $"`{Short(command)}` changes nginx's own build and registers the module in one command"));
                continue;
            }

            var contributions = ImmutableArray.CreateBuilder<Contribution>();
            foreach (var assignment in registering)
            {
                if (Read(assignment) is { } contribution)
                {
                    contributions.Add(contribution with { OneItemPerLine = WrittenOneItemPerLine(assignment) });
                }
                else
                {
                    problems.Add(Diagnostic.Create(ConversionDiagnostics.UnsupportedRegistration, tree.GetLocation(assignment), Short(assignment), assignment.Name.Text));
                }
            }

            registrations.Add(new Registration(statement, contributions.ToImmutable()));
        }

        return registrations.ToImmutable();
    }

    private static Contribution? Read(AssignmentSyntax assignment)
    {
        var name = assignment.Name.Text;
        if (BuiltInLibrary.FromUseVariable(name) is { } library)
        {
            return assignment.Value?.GetLiteralValue() == "YES" ? new Contribution(ContributionKind.UseLibrary, null, library.Name) : null;
        }

        var type = ModuleType.FromModulesList(name);
        var appended = AppendedText(assignment, name) ?? ModuleIncludeDirsPrepended(assignment, name);
        if (type is not null)
        {
            return appended is null
                ? new Contribution(ContributionKind.PositionedNames, type, string.Empty)
                : new Contribution(ContributionKind.Names, type, appended);
        }

        if (appended is null)
        {
            return null;
        }

        var kind = name switch
        {
            ConfigureLists.AddonSources => ContributionKind.Sources,
            ConfigureLists.CoreLibs => ContributionKind.Libs,
            _ when name.EndsWith("_INCS", StringComparison.Ordinal) => ContributionKind.Incs,
            _ when name.EndsWith("_DEPS", StringComparison.Ordinal) => ContributionKind.Deps,
            _ => (ContributionKind?)null,
        };
        return kind is null ? null : new Contribution(kind.Value, null, appended);
    }

    /// <summary>
    /// For <c>CORE_INCS="$ngx_addon_dir/include $CORE_INCS"</c>, the module's own include dirs put before
    /// nginx's: they become <c>ngx_module_incs</c> (include dirs are searched for the module's headers,
    /// whose names do not clash with nginx's).
    /// </summary>
    private static string? ModuleIncludeDirsPrepended(AssignmentSyntax assignment, string name)
        => name.EndsWith("_INCS", StringComparison.Ordinal) && NginxBuildChange.Prepended(assignment.Value?.ToFullString() ?? string.Empty, name) is { Length: > 0 } words
           && words.Split(' ').All(w => w.StartsWith("$ngx_addon_dir", StringComparison.Ordinal) || w.StartsWith("${ngx_addon_dir}", StringComparison.Ordinal))
            ? words
            : null;

    /// <summary>True when the value of <paramref name="assignment"/> is continued over lines with backslash-newline.</summary>
    private static bool WrittenOneItemPerLine(AssignmentSyntax assignment)
        => assignment.Value is { } value && value.ToFullString().Contains("\\\n", StringComparison.Ordinal);

    /// <summary>
    /// For <c>NAME="$NAME words"</c> (or <c>NAME=$NAME" words"</c>), the words as shell text that can
    /// stand inside double quotes, blanks squeezed; null for any other shape.
    /// </summary>
    private static string? AppendedText(AssignmentSyntax assignment, string name)
    {
        if (assignment.Value is not { } value)
        {
            return null;
        }

        // `"$NAME rest"`, `"$NAME "rest` and `$NAME" rest"` all append: look through the quotes.
        var list = new List<WordPartSyntax>();
        foreach (var part in value.Parts)
        {
            if (list.Count == 0 && part is DoubleQuotedPartSyntax quoted)
            {
                list.AddRange(quoted.Parts);
            }
            else
            {
                list.Add(part);
            }
        }

        if (list.Count == 0 || !IsSelfReference(list[0], name))
        {
            return null;
        }

        var rest = list.Skip(1).ToList();
        if (rest.Count > 0 && rest[0] is LiteralPartSyntax first && first.Value.Length > 0 && !char.IsWhiteSpace(first.Value[0]))
        {
            // `$NAME-foo` would glue onto the last word instead of adding one.
            return null;
        }

        var builder = new StringBuilder();
        foreach (var part in rest)
        {
            switch (part)
            {
                case LiteralPartSyntax literal:
                    builder.Append(SqueezeBlanks(literal.Token.Text.Replace("\\\n", " ", StringComparison.Ordinal)));
                    break;
                case DoubleQuotedPartSyntax nested:
                    builder.Append(string.Concat(nested.Parts.Select(p => p.ToFullString())));
                    break;
                case SingleQuotedPartSyntax single when single.Text.Text.IndexOfAny(['$', '`', '"', '\\']) < 0:
                    builder.Append(single.Text.Text);
                    break;
                case SimpleExpansionSyntax or ParameterExpansionSyntax or CommandSubstitutionSyntax or BackquoteSubstitutionSyntax:
                    builder.Append(part.ToFullString());
                    break;
                default:
                    return null;
            }
        }

        return SqueezeBlanks(builder.ToString()).Trim();
    }

    private static bool IsSelfReference(WordPartSyntax part, string name) => part switch
    {
        SimpleExpansionSyntax simple => simple.ParameterName == name,
        ParameterExpansionSyntax braced => braced.ParameterName == name && braced.Operator is null && braced.Hash is null,
        _ => false,
    };

    private static string SqueezeBlanks(string text)
    {
        var builder = new StringBuilder(text.Length);
        var blank = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n')
            {
                blank = true;
                continue;
            }

            if (blank)
            {
                builder.Append(' ');
            }

            blank = false;
            builder.Append(c);
        }

        if (blank)
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }

    private static string Short(SyntaxNode node)
    {
        var text = node.ToString().ReplaceLineEndings(" ");
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
