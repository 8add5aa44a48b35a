using System.Text.RegularExpressions;
using ConfigConvert.ModuleModel;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Converter.Tests;

/// <summary>
/// For every fixture and thousands of seeded variants of them: a conversion never loses a line of the
/// original (each is unchanged, moved into the compatibility branch, or replaced by the description),
/// its output parses without errors, and when the converter refuses it says why.
/// </summary>
public sealed class PropertyTests
{
    private static readonly string[] Edits =
    [
        "\n", "# note\n", "X=1\n", "CORE_LIBS=\"$CORE_LIBS -lz\"\n", "USE_PCRE=YES\n", "NGX_ADDON_DEPS=\"$NGX_ADDON_DEPS $ngx_addon_dir/x.h\"\n",
        "if true; then\n", "fi\n", "\t", "    ", "HTTP_MODULES=\"$HTTP_MODULES ngx_http_extra_module\"\n", "echo hi\n", "ngx_addon_name=z\n",
    ];

    public static TheoryData<string> FixtureNames => [.. Directory.GetDirectories(ModuleCopy.FixturesDirectory).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Conversions_keep_every_line_and_parse(string fixture)
    {
        using var copy = ModuleCopy.OfFixture(fixture);
        var original = File.ReadAllText(copy.ConfigPath);
        var converted = 0;
        for (var seed = 0; seed < 60; seed++)
        {
            var variant = seed == 0 ? original : Mutate(original, seed);
            File.WriteAllText(copy.ConfigPath, variant);
            var result = ConfigConverter.Convert(ModuleDirectory.Load(copy.Path));
            if (result.Status == ConversionStatus.Refused)
            {
                Assert.Contains(result.Diagnostics, d => d.Severity == Diagnostics.DiagnosticSeverity.Error);
                continue;
            }

            if (result.ConvertedText is not { } output)
            {
                continue;
            }

            converted++;
            Assert.False(SyntaxTree.ParseText(output).HasErrors, $"seed {seed}: the output does not parse:\n{output}");
            AssertKeepsLines(variant, output, seed);
        }

        if (fixture is "http_single" or "http_filter" or "http_multi" or "libs_core_libs")
        {
            Assert.True(converted > 20, $"only {converted} of 60 variants were converted");
        }
    }

    /// <summary>
    /// Every non-blank line of the input is in the output (as often), whatever its indentation; or, for a
    /// module registered in several places, collected into a variable (<c>NAME="$NAME words"</c> written
    /// <c>v="$v words"</c>, or <c>v="words"</c> where it starts the list) that the output appends to NAME.
    /// </summary>
    private static void AssertKeepsLines(string input, string output, int seed)
    {
        var lines = output.Split('\n').Select(l => l.Trim()).ToList();
        var available = lines.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        foreach (var line in input.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (available.TryGetValue(line, out var count) && count > 0)
            {
                available[line] = count - 1;
                continue;
            }

            Assert.True(IsCollected(line, lines) || IsWidenedCheck(line, lines), $"seed {seed}: the line `{line}` is lost:\n{output}");
        }
    }

    /// <summary>A check for a module configured first that the conversion makes read <c>$DYNAMIC_MODULES</c> too.</summary>
    private static bool IsWidenedCheck(string line, List<string> output)
        => output.Any(l => l.Contains(" $DYNAMIC_MODULES", StringComparison.Ordinal) && l.Replace(" $DYNAMIC_MODULES", string.Empty, StringComparison.Ordinal) == line);

    private static bool IsCollected(string line, List<string> output)
    {
        // The old branch appends each variable to the list it collects for: `NAME="$NAME $v"`.
        var collected = output.Select(l => Regex.Match(l, @"^(\w+)=""\$\1 \$(\w+)""$")).Where(m => m.Success).Select(m => (Name: m.Groups[1].Value, Variable: m.Groups[2].Value));
        foreach (var (name, variable) in collected)
        {
            var renamed = Regex.Replace(line, @"(?<![\w$])" + name + @"=", variable + "=");
            renamed = Regex.Replace(renamed, @"\$(\{?)" + name + @"\b", "$$$1" + variable);
            var append = Regex.Match(line, "^" + name + "=(.*)$");
            var startsList = append.Success && output.Any(l => l.StartsWith(variable + "=", StringComparison.Ordinal) && Words(l[(variable.Length + 1)..], variable) == Words(append.Groups[1].Value, name));
            if (renamed != line && (output.Contains(renamed) || startsList))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words a value appends to <paramref name="name"/>: the value without its quotes, blanks and reference to the variable itself.</summary>
    private static string Words(string value, string name)
        => Regex.Replace(value.Replace("${" + name + "}", string.Empty, StringComparison.Ordinal), @"\$" + name + @"\b|[""\s]", string.Empty);

    private static string Mutate(string text, int seed)
    {
        var random = new Random(seed);
        var lines = text.Split('\n').ToList();
        for (var i = 0; i < 1 + random.Next(3); i++)
        {
            var at = random.Next(lines.Count + 1);
            switch (random.Next(3))
            {
                case 0 when lines.Count > 1:
                    lines.RemoveAt(Math.Min(at, lines.Count - 1));
                    break;
                default:
                    lines.Insert(at, Edits[random.Next(Edits.Length)].TrimEnd('\n'));
                    break;
            }
        }

        return string.Join('\n', lines);
    }
}
