using System.Text;
using System.Text.RegularExpressions;

namespace ConfigConvert.Verification.Nginx;

/// <summary>
/// nginx's configure, run once up to where it reads the modules' configs (<c>. auto/modules</c>) and from there once
/// per build, each build in a subshell, so in the shell state configure had reached, and in a copy of the tree as it
/// was. What comes before <c>. auto/modules</c> (the options, the compiler, the headers and the system's features,
/// about half of configure's time) reads no module: the module flags only add their directory to
/// <c>NGX_ADDONS</c> or <c>DYNAMIC_ADDONS</c>, their words to <c>NGX_CONFIGURE</c> (the first line of
/// <c>objs/ngx_auto_config.h</c>) and to the positional parameters, and each build does the same before it goes on.
/// So every build's files, output and shell state are those of a whole configure with its module flags last:
/// tests/Verification.Tests/ConfigureBranchesTests.cs compares them byte for byte. A configure of another shape, or
/// a word this script would have to quote, is run whole instead (<see cref="Read"/> and <see cref="Plain"/>).
/// </summary>
internal sealed partial class ConfigureBranches
{
    private const string ModulesLine = ". auto/modules";
    private const string ConfigureDefineLine = """echo "#define NGX_CONFIGURE \"$NGX_CONFIGURE\"" > $NGX_AUTO_CONFIG_H""";

    // The lines of auto/options that say what a module flag does; any other handling would need another script.
    private static readonly string[] OptionLines =
    [
        """opt="$opt `echo $option | sed -e \"s/\(--[^=]*=\)\(.* .*\)/\1'\2'/\"`" """.TrimEnd(),
        """--add-module=*) NGX_ADDONS="$NGX_ADDONS $value" ;;""",
        """--add-dynamic-module=*) DYNAMIC_ADDONS="$DYNAMIC_ADDONS $value" ;;""",
        """NGX_CONFIGURE="$opt" """.TrimEnd(),
    ];

    private readonly string _prefix;
    private readonly string _suffix;

    private ConfigureBranches(string prefix, string suffix)
    {
        _prefix = prefix;
        _suffix = suffix;
    }

    /// <summary>The configure of the tree at <paramref name="tree"/>, split before <c>. auto/modules</c>; null when it is not of the shape described above.</summary>
    public static ConfigureBranches? Read(string tree)
    {
        string configure;
        string options;
        try
        {
            configure = File.ReadAllText(Path.Combine(tree, "configure"));
            options = File.ReadAllText(Path.Combine(tree, "auto", "options"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var lines = configure.Split('\n');
        var split = Array.FindIndex(lines, l => l.Trim() == ModulesLine);
        if (split < 0 || Array.FindLastIndex(lines, l => l.Trim() == ModulesLine) != split
            || lines.Take(split).Count(l => Normal(l) == ConfigureDefineLine) != 1
            || !OptionLines.All(o => options.Split('\n').Count(l => Normal(l) == o) == 1))
        {
            return null;
        }

        return new ConfigureBranches(string.Join('\n', lines[..split]), string.Join('\n', lines[split..]));
    }

    /// <summary>True for a word the builds file and configure take as it is: no space, quote, backslash or pattern character.</summary>
    public static bool Plain(string word) => PlainWord().IsMatch(word);

    /// <summary>
    /// The script to run as <c>./configure</c> in a copy of the tree, with the flags the builds share: configure's own
    /// lines up to <c>. auto/modules</c>; then <paramref name="realConfigure"/> (configure itself, moved aside) is put
    /// back, and each line of <paramref name="buildsFile"/> (<c>TREE FLAG...</c>) becomes a copy of the tree at TREE
    /// where the rest of configure runs with those module flags; its output goes to <c>TREE.out</c>, its exit status
    /// to <c>TREE.status</c>, and the id of the subshell it runs in to <c>TREE.pid</c> (<see cref="BranchWatch"/>); when
    /// the copy of the tree fails, <c>TREE.uncopied</c> is made.
    /// <paramref name="prefixDone"/> is touched when the shared part is over.
    /// </summary>
    public string Driver(string realConfigure, string buildsFile, string prefixDone)
    {
        var script = new StringBuilder(_prefix.Length + _suffix.Length + 2048);
        script.Append(_prefix).Append('\n');
        script.Append($$"""
            # ngx-convert: configure ran this far once, with the flags every build shares; each build runs the rest
            # in a subshell (the state so far) in a copy of this tree, with its module flags as auto/options takes them.
            mv -f '{{realConfigure}}' ./configure || exit 1
            : > '{{prefixDone}}'
            # The shell's own note when a build is stopped ("Killed") would go to every build's output: the report
            # says it. This is for good, not a redirection of the loop: the shell would keep the standard error it
            # replaced open in a copy that every build inherits, and a build left running by a config that stopped
            # this script (`kill $$`) would then hold the output open, and its caller waiting, until it ended.
            exec 2> /dev/null
            while read -r configconvert_tree configconvert_flags; do
            (
                # The subshell's own process id, for the watch that stops a build over its time limit.
                /bin/sh -c 'echo $PPID' > "$configconvert_tree.pid"
                # cd sets OLDPWD, which configure has from its environment or not at all; -P gives PWD as a shell
                # started in the tree finds it.
                configconvert_oldpwd=${OLDPWD+=}${OLDPWD-}
                # A copy that fails (a full disk) is the work directory's failure, not configure's: TREE.uncopied says so.
                mkdir -p "$configconvert_tree" && cp -R ./. "$configconvert_tree" && cd -P "$configconvert_tree" \
                    || { : > "$configconvert_tree.uncopied"; exit 1; }
                case $configconvert_oldpwd in
                    =*) OLDPWD=${configconvert_oldpwd#=} ;;
                    *) unset OLDPWD ;;
                esac
                for option in $configconvert_flags; do
                    opt="$opt $option"
                    case "$option" in
                        --add-module=*) NGX_ADDONS="$NGX_ADDONS ${option#*=}" ;;
                        --add-dynamic-module=*) DYNAMIC_ADDONS="$DYNAMIC_ADDONS ${option#*=}" ;;
                    esac
                done
                set -- "$@" $configconvert_flags
                NGX_CONFIGURE="$opt"
                unset configconvert_tree configconvert_flags configconvert_oldpwd
                { echo "#define NGX_CONFIGURE \"$NGX_CONFIGURE\""; sed 1d $NGX_AUTO_CONFIG_H; } > $NGX_AUTO_CONFIG_H.branch \
                    && mv -f $NGX_AUTO_CONFIG_H.branch $NGX_AUTO_CONFIG_H || exit 1

            """);
        script.Append(_suffix).Append('\n');
        script.Append($$"""
            ) > "$configconvert_tree.out" 2>&1 < /dev/null
            echo $? > "$configconvert_tree.status"
            done < '{{buildsFile}}'

            """);
        return script.ToString();
    }

    // Lines compare with their indentation and runs of blanks made one space.
    private static string Normal(string line) => Blanks().Replace(line.Trim(), " ");

    [GeneratedRegex(@"^[A-Za-z0-9_./+,:@%=-]+$")]
    private static partial Regex PlainWord();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Blanks();
}
