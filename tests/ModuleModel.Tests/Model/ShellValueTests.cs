using System.Text;
using ConfigConvert.Diagnostics;
using ConfigConvert.TestSupport;
using ConfigConvert.Text;

namespace ConfigConvert.ModuleModel.Tests.Model;

/// <summary>
/// <see cref="ShellValue"/> on its own: splitting into words (with the real dash on the known cases),
/// where each piece was written, known and unknown parts, and comparison by content.
/// </summary>
/// <remarks>
/// Values are written in a small notation: <c>|</c> starts text written on the next line (origin line
/// 1, 2, ...), <c>{reason}</c> is an unknown part. Words are shown as <c>[text@line]</c> per known part
/// and <c>{reason}</c> per unknown one.
/// </remarks>
public sealed class ShellValueTests
{
    public static TheoryData<string, string> Splits => new()
    {
        { string.Empty, string.Empty },
        { "   \t\n ", string.Empty },
        { "a", "[a@1]" },
        { "a b", "[a@1] [b@1]" },
        { "  a\tb\n\nc  ", "[a@1] [b@1] [c@1]" },
        { "a b|c d", "[a@1] [b@1][c@2] [d@2]" },
        { "a |b", "[a@1] [b@2]" },
        { "a|| b", "[a@1] [b@3]" },
        { "x{u}y z", "[x@1]{u}[y@1] [z@1]" },
        { "{u}", "{u}" },
        { " {u} ", "{u}" },
        { "{u} {v}", "{u} {v}" },
        { "{u}{v}", "{u}{v}" },
        { "a {u}|b", "[a@1] {u}[b@2]" },
    };

    public static TheoryData<string> KnownTexts => ["", " ", "a", "a b", "  a\tb\n\nc  ", "a\t\tb", "\na\n", "x* y?"];

    [Theory]
    [MemberData(nameof(Splits))]
    public void Splits_into_words_keeping_where_each_piece_was_written(string value, string words)
        => Assert.Equal(words, string.Join(' ', Value(value).SplitWords().Select(Show)));

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(KnownTexts))]
    public void Splits_known_text_as_dash_splits_an_unquoted_expansion(string text)
    {
        ExternalTool.Require("dash", "apt-get install -y dash");
        var result = ExternalTool.Run("dash", ["-c", "set -f; for w in $V; do printf '[%s]' \"$w\"; done"], environment: new Dictionary<string, string> { ["V"] = text });
        Assert.Equal(result.StandardOutput, string.Concat(ShellValue.Text(text).SplitWords().Select(w => $"[{w.KnownText}]")));
    }

    [Fact]
    public void Known_and_unknown_parts()
    {
        var value = Value("ngx_{the output of `uname`}_module");
        Assert.False(value.IsKnown);
        Assert.False(value.IsEmpty);
        Assert.Null(value.KnownText);
        Assert.Equal("the output of `uname`", Assert.Single(value.Unknowns).Reason);
        Assert.Equal([false, true, false], value.Segments.Select(s => s.IsUnknown));
        Assert.Equal("ngx_«the output of `uname`»_module", value.ToString());

        var known = Value("a|b");
        Assert.True(known.IsKnown);
        Assert.Equal("ab", known.KnownText);
        Assert.Equal([1, 2], known.Segments.Select(s => s.Origin!.Start.Line));
        Assert.True(Value(string.Empty).IsEmpty);
        Assert.True(Value("{u}").Unknowns.Any());
    }

    [Fact]
    public void Neighbouring_text_of_one_origin_is_one_part()
    {
        var origin = Line(1);
        var value = ShellValue.Concat([ShellValue.Text("a", origin), ShellValue.Text(string.Empty), ShellValue.Text("b", origin), ShellValue.Text("c")]);
        Assert.Equal([("ab", origin), ("c", null)], value.Segments.Select(s => (s.Text, s.Origin)));
    }

    [Fact]
    public void Concatenating_one_value_with_empty_ones_gives_that_value_and_its_text()
    {
        var value = Value("a |b{u} c");
        Assert.Same(value, ShellValue.Concat([ShellValue.Text(string.Empty), value, ShellValue.Text(string.Empty)]));
        Assert.Equal(string.Empty, ShellValue.Concat([]).ToString());
        var known = ShellValue.Concat([ShellValue.Text("a", Line(1)), ShellValue.Text(" b", Line(2))]);
        Assert.Equal("a b", known.KnownText);
        Assert.Equal("a b", known.ToString());
        Assert.True(known.ContentEquals(ShellValue.Text("a b")));
    }

    public static TheoryData<string, string, bool> Comparisons => new()
    {
        { "a b", "a b", true },
        { "a b", "a|| b", true },
        { "ab", "a|b", true },
        { "a b", "a  b", false },
        { "x{u}", "|x{u}", true },
        { "x{u}", "x{v}", false },
        { "{u}", string.Empty, false },
        { "a{u}b", "a{u}{u}b", false },
        { string.Empty, "|", true },
    };

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Values_compare_by_content_whatever_their_origins(string left, string right, bool equal)
    {
        var (a, b) = (Value(left), Value(right));
        Assert.Equal(equal, a.ContentEquals(b));
        Assert.Equal(equal, b.ContentEquals(a));
        Assert.Equal(equal, ShellValue.ContentComparer.Equals(a, b));
        if (equal)
        {
            Assert.Equal(ShellValue.ContentComparer.GetHashCode(a), ShellValue.ContentComparer.GetHashCode(b));
        }
    }

    [Fact]
    public void An_unknown_never_equals_the_text_that_displays_it()
        => Assert.False(Value("{u}").ContentEquals(ShellValue.Text("«u»")));

    /// <summary>Reads the notation of this class (see the remarks).</summary>
    [Fact]
    public void Appending_words_gives_the_value_concatenation_gives_even_when_a_list_forks()
    {
        // Text of no origin (configure's own) merges with the blank between; unknowns stay apart.
        ShellValue[] values = [Value("a b"), ShellValue.Text("c"), Value("{u}x"), ShellValue.Empty, Value("d|e"), ShellValue.Text("c d"), Value(" f ")];
        var start = ShellValue.Text("ngx_core_module ngx_http_module");
        var (grown, concatenated) = (start, start);
        var forks = new List<(ShellValue Grown, ShellValue Concatenated)>();
        for (var i = 0; i < 3_000; i++)
        {
            var value = values[i % values.Length];
            (grown, concatenated) = (ShellValue.AppendWords(grown, value), ShellValue.Concat([concatenated, ShellValue.Text(" "), value]));
            if (i % 500 == 0)
            {
                // A second append to the same value, as another world of the config makes.
                forks.Add((ShellValue.AppendWords(grown, values[0]), ShellValue.Concat([concatenated, ShellValue.Text(" "), values[0]])));
            }
        }

        foreach (var (g, c) in forks.Append((grown, concatenated)))
        {
            Assert.Equal(c.Segments.ToArray(), g.Segments.ToArray());
            Assert.Equal(c.SplitWords().Select(Parts), g.SplitWords().Select(Parts));
            Assert.Equal(c.SplitWords().Length, g.WordCount);
            Assert.Equal(Parts(c.SplitWords()[^1]), Parts(g.WordAt(g.WordCount - 1)));
            Assert.Equal(c.SplitWords().ToList().FindIndex(w => w.KnownText == "d"), g.IndexOfWord("d"));
            Assert.Equal(-1, g.IndexOfWord("x"));
        }

        Assert.Equal(2, grown.IndexOfWord("a"));
        Assert.Equal(0, ShellValue.AppendWords(grown, values[0]).IndexOfWord("ngx_core_module"));

        static string Parts(ShellValue word) => string.Join("|", word.Segments.Select(s => $"{s.Text}@{s.Origin?.Start.Line}{s.Unknown?.Reason}"));
    }

    private static ShellValue Value(string notation)
    {
        var parts = new List<ShellValue>();
        var pieces = notation.Split('|');
        for (var line = 1; line <= pieces.Length; line++)
        {
            var piece = pieces[line - 1];
            var text = new StringBuilder();
            for (var i = 0; i < piece.Length; i++)
            {
                if (piece[i] != '{')
                {
                    text.Append(piece[i]);
                    continue;
                }

                parts.Add(ShellValue.Text(text.ToString(), Line(line)));
                text.Clear();
                var end = piece.IndexOf('}', i);
                parts.Add(ShellValue.Of(new UnknownValue(piece[(i + 1)..end], Line(line))));
                i = end;
            }

            parts.Add(ShellValue.Text(text.ToString(), Line(line)));
        }

        return ShellValue.Concat([.. parts]);
    }

    private static string Show(ShellValue word)
        => string.Concat(word.Segments.Select(s => s.Unknown is { } unknown ? $"{{{unknown.Reason}}}" : $"[{s.Text}@{s.Origin!.Start.Line}]"));

    private static Location Line(int line) => new("config", default, new LinePosition(line, 1), new LinePosition(line, 1));
}
