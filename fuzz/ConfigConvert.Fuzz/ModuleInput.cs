using System.Text;
using System.Text.RegularExpressions;

namespace ConfigConvert.Fuzz;

/// <summary>
/// A whole module in one fuzz input: the <c>config</c> first, then each further file after a line
/// <c>@@@ NAME</c> (a plain file name: letters, digits, <c>._-</c>). Input without such a line is a
/// config alone.
/// </summary>
internal static partial class ModuleInput
{
    private const string Marker = "@@@ ";

    public static bool IsSourceName(string name) => CSources.SourceFileNames.IsIndexed(name);

    public static byte[] Join(IEnumerable<(string Name, byte[] Content)> files)
    {
        using var output = new MemoryStream();
        foreach (var (name, content) in files)
        {
            if (name != "config")
            {
                output.Write(Encoding.ASCII.GetBytes($"\n{Marker}{name}\n"));
            }

            output.Write(content);
        }

        return output.ToArray();
    }

    public static IReadOnlyList<(string Name, byte[] Content)> Split(byte[] input)
    {
        var files = new List<(string Name, byte[] Content)>();
        var name = "config";
        var start = 0;
        for (var line = 0; line < input.Length; line = NextLine(input, line))
        {
            if (line > 0 && FileName(input, line) is { } next && !files.Any(f => f.Name == next) && next != name)
            {
                files.Add((name, input[start..Math.Max(start, line - 1)]));
                name = next;
                start = NextLine(input, line);
            }
        }

        files.Add((name, input[Math.Min(start, input.Length)..]));
        return files;
    }

    private static int NextLine(byte[] input, int line)
    {
        var newline = Array.IndexOf(input, (byte)'\n', line);
        return newline < 0 ? input.Length : newline + 1;
    }

    private static string? FileName(byte[] input, int line)
    {
        var end = Array.IndexOf(input, (byte)'\n', line);
        if (end < 0 || end - line > 64 || !input.AsSpan(line).StartsWith(Encoding.ASCII.GetBytes(Marker)))
        {
            return null;
        }

        var name = Encoding.ASCII.GetString(input, line + Marker.Length, end - line - Marker.Length);
        return PlainName().IsMatch(name) && name != "config" ? name : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,40}$")]
    private static partial Regex PlainName();
}
