using System.Text;
using System.Text.RegularExpressions;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// The part of sed that config scripts use to edit module lists and read version files:
/// <c>s/re/replacement/[gp]</c>, <c>p</c>, <c>d</c>, with an optional <c>/re/</c> address, <c>-n</c>,
/// <c>-e</c>, <c>-E</c>/<c>-r</c>, and files of the module directory. Anything else is refused, so the
/// evaluator marks the output unknown instead of guessing.
/// </summary>
internal static class MiniSed
{
    private sealed record Command(Regex? Address, char Name, Regex? Pattern, string Replacement, bool Global, bool Print);

    public static bool TryRun(IReadOnlyList<string> args, string input, Func<string, string?> readFile, out string output, out bool success)
    {
        output = string.Empty;
        success = true;
        var quiet = false;
        var extended = false;
        var scripts = new List<string>();
        var files = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-n":
                    quiet = true;
                    break;
                case "-E" or "-r":
                    extended = true;
                    break;
                case "-e" when i + 1 < args.Count:
                    scripts.Add(args[++i]);
                    break;
                case "-ne" when i + 1 < args.Count:
                    quiet = true;
                    scripts.Add(args[++i]);
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        return false;
                    }

                    if (scripts.Count == 0 && !args.Take(i).Any(a => a is "-e" or "-ne"))
                    {
                        scripts.Add(arg);
                    }
                    else
                    {
                        files.Add(arg);
                    }

                    break;
            }
        }

        var commands = new List<Command>();
        foreach (var script in scripts)
        {
            if (!TryParse(script, extended, commands))
            {
                return false;
            }
        }

        if (files.Count > 0)
        {
            var contents = new StringBuilder();
            foreach (var file in files)
            {
                if (readFile(file) is not { } content)
                {
                    return false;
                }

                contents.Append(content);
            }

            input = contents.ToString();
        }

        var result = new StringBuilder();
        var lines = input.Split('\n');
        var count = input.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (var l = 0; l < count; l++)
        {
            var line = lines[l];
            var deleted = false;
            foreach (var command in commands)
            {
                if (command.Address is not null && !command.Address.IsMatch(line))
                {
                    continue;
                }

                switch (command.Name)
                {
                    case 's':
                        var matched = command.Pattern!.IsMatch(line);
                        if (matched)
                        {
                            line = command.Global ? command.Pattern.Replace(line, command.Replacement) : command.Pattern.Replace(line, command.Replacement, 1);
                            if (command.Print)
                            {
                                result.Append(line).Append('\n');
                            }
                        }

                        break;
                    case 'p':
                        result.Append(line).Append('\n');
                        break;
                    case 'd':
                        deleted = true;
                        break;
                }

                if (deleted)
                {
                    break;
                }
            }

            if (!deleted && !quiet)
            {
                result.Append(line);
                if (l < lines.Length - 1)
                {
                    result.Append('\n');
                }
            }
        }

        output = result.ToString();
        return true;
    }

    private static bool TryParse(string script, bool extended, List<Command> commands)
    {
        var i = 0;
        while (i < script.Length)
        {
            while (i < script.Length && (char.IsWhiteSpace(script[i]) || script[i] == ';'))
            {
                i++;
            }

            if (i >= script.Length)
            {
                break;
            }

            Regex? address = null;
            if (script[i] == '/')
            {
                if (!TryReadDelimited(script, ref i, '/', out var re))
                {
                    return false;
                }

                address = new Regex(BasicToDotNet(re, extended));
            }

            if (i >= script.Length)
            {
                return false;
            }

            var name = script[i++];
            switch (name)
            {
                case 'p' or 'd':
                    commands.Add(new Command(address, name, null, string.Empty, false, false));
                    break;
                case 's':
                    if (i >= script.Length)
                    {
                        return false;
                    }

                    var delimiter = script[i];
                    if (!TryReadDelimited(script, ref i, delimiter, out var pattern) || !TryReadDelimited(script, ref i, delimiter, out var replacement, startsAfterDelimiter: true))
                    {
                        return false;
                    }

                    var global = false;
                    var print = false;
                    while (i < script.Length && script[i] is 'g' or 'p')
                    {
                        global |= script[i] == 'g';
                        print |= script[i] == 'p';
                        i++;
                    }

                    if (i < script.Length && script[i] is not (';' or '\n' or ' ' or '}'))
                    {
                        return false;
                    }

                    commands.Add(new Command(address, 's', new Regex(BasicToDotNet(pattern, extended)), ConvertReplacement(replacement), global, print));
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    // Reads from the delimiter at `i` (or, for a replacement, from just after the previous one) to the next unescaped delimiter.
    private static bool TryReadDelimited(string script, ref int i, char delimiter, out string text, bool startsAfterDelimiter = false)
    {
        var builder = new StringBuilder();
        if (!startsAfterDelimiter)
        {
            i++;
        }

        while (i < script.Length && script[i] != delimiter)
        {
            if (script[i] == '\\' && i + 1 < script.Length)
            {
                if (script[i + 1] == delimiter)
                {
                    builder.Append(delimiter);
                    i += 2;
                    continue;
                }

                builder.Append(script[i]).Append(script[i + 1]);
                i += 2;
                continue;
            }

            builder.Append(script[i++]);
        }

        text = builder.ToString();
        if (i >= script.Length)
        {
            return false;
        }

        i++;
        return true;
    }

    private static string ConvertReplacement(string replacement)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c == '\\' && i + 1 < replacement.Length)
            {
                var next = replacement[++i];
                builder.Append(next switch
                {
                    >= '1' and <= '9' => "${" + next + "}",
                    'n' => "\n",
                    '&' => "&",
                    '$' => "$$",
                    _ => next.ToString(),
                });
            }
            else
            {
                builder.Append(c switch
                {
                    '&' => "$0",
                    '$' => "$$",
                    _ => c.ToString(),
                });
            }
        }

        return builder.ToString();
    }

    /// <summary>A POSIX basic (or extended) regular expression as a .NET one.</summary>
    public static string BasicToDotNet(string pattern, bool extended)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '[')
            {
                var end = pattern.IndexOf(']', i + (i + 1 < pattern.Length && pattern[i + 1] is '^' or ']' ? 2 : 1));
                if (end < 0)
                {
                    builder.Append("\\[");
                    continue;
                }

                var set = pattern[(i + 1)..end];
                if (set.StartsWith("[:", StringComparison.Ordinal))
                {
                    end = pattern.IndexOf(":]]", i, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        builder.Append("\\[");
                        continue;
                    }

                    set = pattern[(i + 1)..(end + 2)];
                    end += 2;
                }

                builder.Append('[').Append(set
                    .Replace("[:alpha:]", "a-zA-Z", StringComparison.Ordinal)
                    .Replace("[:digit:]", "0-9", StringComparison.Ordinal)
                    .Replace("[:alnum:]", "a-zA-Z0-9", StringComparison.Ordinal)
                    .Replace("[:upper:]", "A-Z", StringComparison.Ordinal)
                    .Replace("[:lower:]", "a-z", StringComparison.Ordinal)
                    .Replace("[:space:]", "\\s", StringComparison.Ordinal)
                    .Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
                i = end;
                continue;
            }

            if (extended)
            {
                builder.Append(c == '\\' && i + 1 < pattern.Length ? "\\" + pattern[++i] : c.ToString());
                continue;
            }

            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                builder.Append(next switch
                {
                    '(' or ')' or '{' or '}' or '+' or '?' or '|' => next.ToString(),
                    >= '1' and <= '9' => "\\" + next,
                    'n' => "\\n",
                    _ => Regex.Escape(next.ToString()),
                });
                continue;
            }

            builder.Append(c switch
            {
                '(' or ')' or '{' or '}' or '+' or '?' or '|' => "\\" + c,
                '*' when builder.Length == 0 => "\\*",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}

/// <summary><c>tr SET1 SET2</c> and <c>tr -d SET</c> with ranges and the upper/lower classes.</summary>
internal static class TrTool
{
    public static bool TryRun(IReadOnlyList<string> args, string input, Func<string, string?> readFile, out string output, out bool success)
    {
        output = string.Empty;
        success = true;
        if (args.Count == 2 && args[0] == "-d")
        {
            var delete = Expand(args[1]);
            output = string.Concat(input.Where(c => !delete.Contains(c)));
            return true;
        }

        if (args.Count != 2 || args.Any(a => a.StartsWith('-')))
        {
            return false;
        }

        var from = Expand(args[0]);
        var to = Expand(args[1]);
        if (to.Length == 0)
        {
            return false;
        }

        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            var index = from.IndexOf(c);
            builder.Append(index < 0 ? c : to[Math.Min(index, to.Length - 1)]);
        }

        output = builder.ToString();
        return true;
    }

    private static string Expand(string set)
    {
        set = set.Replace("[:upper:]", "A-Z", StringComparison.Ordinal).Replace("[:lower:]", "a-z", StringComparison.Ordinal);
        var builder = new StringBuilder();
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-')
            {
                for (var c = set[i]; c <= set[i + 2]; c++)
                {
                    builder.Append(c);
                }

                i += 2;
            }
            else
            {
                builder.Append(set[i]);
            }
        }

        return builder.ToString();
    }
}
