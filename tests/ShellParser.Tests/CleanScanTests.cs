using ConfigConvert.Diagnostics;
using ConfigConvert.TestSupport;
using ConfigConvert.Text;

namespace ConfigConvert.ShellParser.Tests;

/// <summary>
/// <c>SyntaxTree.ParseDiagnostics</c> gives the diagnostics of the whole parse, though it leaves to a quick scan the
/// statements the scan proves clean and parses only the others: over every script the tests read, thousands of
/// mutations of the corpus, and windows from a few characters to the default, the same diagnostics in the same order
/// at the same places. And the scan is sound by itself: no text it calls clean has a diagnostic.
/// </summary>
public sealed class CleanScanTests
{
    private const int Mutations = 6000;

    /// <summary>(window, parser's window after the scan stops): the defaults, and small ones that cut statements everywhere.</summary>
    private static readonly (int Window, int Parsed)[] Windows = [(WindowedParse.DefaultWindowChars, WindowedParse.ParsedWindowChars), (64, 16), (7, 3)];

    public static TheoryData<string> Sources => SegmentTests.Sources;

    [Theory]
    [MemberData(nameof(Sources))]
    public void Diagnostics_match_the_whole_parse(string source)
    {
        var inputs = SegmentTests.Inputs().Where(i => i.Name == source).Select(i => i.Text.Text).ToList();
        Assert.NotEmpty(inputs);
        foreach (var text in inputs)
        {
            AssertDiagnosticsMatchWholeParse(text, source);
        }
    }

    [Fact]
    public void Mutated_scripts_give_the_diagnostics_of_the_whole_parse()
    {
        var seeds = Corpus.AllFiles.Select(File.ReadAllText).ToArray();
        var clean = 0;
        for (var seed = 0; seed < Mutations; seed++)
        {
            var text = ShellMutator.Mutate(seeds[seed % seeds.Length], seed);
            AssertDiagnosticsMatchWholeParse(text, $"mutation {seed}");
            clean += CleanScan.Scan(text, isWhole: true).Verdict == CleanScan.Verdict.Clean ? 1 : 0;
        }

        // Mutations break most scripts; enough stay clean for the scan's acceptance to be tested, not only its refusals.
        Assert.True(clean > Mutations / 20, $"only {clean} of {Mutations} mutations scanned clean");
    }

    /// <summary>Shapes the scan leaves to the parser, or that cross windows, each beside a clean statement the scan proves.</summary>
    [Theory]
    [InlineData("a=1\necho ${x/a/b}\nb=2\n")]
    [InlineData("a=1\ncat <<'E' | x\nbody $x\nE\nb=`cat <<F\nf\nF\n`\n")]
    [InlineData("x=$(cat <<E\nin\nE\n)\ny=1\n")]
    [InlineData("cat <<E; echo ${a\nbody\nE\n}\n")]
    [InlineData("cat <<E\n${a:-\nE\n}\nE\n")]
    [InlineData("\\if x; then y; fi\nfor \\\nx in a; do :; done\nth\\\nen\n")]
    [InlineData("f() { :; }\nx=1 (\n'f'() { :; }\nf() x\n")]
    [InlineData("case x in (a|b) ;; c) y;; esac\ncase x in ;|x) ;; esac\ncase x in a) esac\n")]
    [InlineData("echo $((1 + (2)) )\necho $(( (1) ))\necho $((1)\n")]
    [InlineData("echo $(( \"))\" ))\n")]
    [InlineData("echo $(( ')' )) $(( `echo 1` + ${x:-2} ))\n")]
    [InlineData("echo ${x:} y}\necho ${x:-a} ${x:1:2} ${x/a/b} ${x//a} ${x^^} ${x,} ${#x/a} ${!x/a}\n")]
    [InlineData("echo ${!-a}\necho ${!:-b}\necho ${#x-a}\necho ${#x}${#1}${#@}\n")]
    [InlineData("echo \"a\r\nb\"\r\necho\0x\n\uFEFF\n")]
    [InlineData("\uFEFFecho a\n")]
    [InlineData("echo `echo a ) b`\necho `if`\necho \"`echo \\\"a\\\"`\"\n")]
    [InlineData("cat <<E\nunterminated\n")]
    [InlineData("cat <<E <<-F\n$a\nE\n\t$b\n\tF\necho\n")]
    [InlineData("cat <<E\n$(echo\nE\n)\nE\n")]
    [InlineData("cat <<\\E\n$x `y $(\nE\necho 1\ncat <<-\\F; x\n\t${a\n\tF\n")]
    [InlineData("cat <<\\E\nE \n\\E\nE\ncat <<\\\nE\nbody\n\nE\ncat <<\\\\E\n\\E\n")]
    [InlineData("cat <<\\E <<'F' <<\"G\" <<H\n1\nE\n2\nF\n3\nG\n$4\nH\ncat <<\\E\nnever ended\n")]
    [InlineData("if a; then\n\nfi\nwhile; do :; done\n{ }\n( )\n")]
    [InlineData("echo ${#x} ${#} ${##} ${x:-a}${y#*/} \"${z%%.c}\" ${!} ${!x} ${#x:-y} ${1x}\n")]
    [InlineData("echo a &&\n\n b || c | \n d\n! ! x\nx; ;\n& x\n")]
    [InlineData("for x do :; done\nfor x; do :; done\nfor 1x in a; do :; done\nfor x in a b do; do :; done\n")]
    [InlineData("echo 'open\n")]
    [InlineData("echo \"open $(\n")]
    public void Shapes_the_scan_refuses_or_cuts_give_the_diagnostics_of_the_whole_parse(string text)
    {
        AssertDiagnosticsMatchWholeParse(text, text);
    }

    /// <summary>Quoted delimiters, however configs write them, leave a body the scan reads without expanding, and proves.</summary>
    [Theory]
    [InlineData("cat <<\\END > $NGX_AUTOTEST.c\n#include <x.h>\nint main(void) { return `$(0); }\nEND\ny=1\n")]
    [InlineData("cat <<-'END'\n\t${unclosed\n\tEND\ncat <<\"E\"\n\"\nE\n")]
    public void A_quoted_delimiter_is_scanned_clean(string text)
    {
        Assert.Equal(CleanScan.Verdict.Clean, CleanScan.Scan(text, isWhole: true).Verdict);
        AssertDiagnosticsMatchWholeParse(text, text);
    }

    /// <summary>Statements longer than a window: the scan reads on until it holds them, and proves them.</summary>
    [Fact]
    public void A_statement_many_windows_long_is_scanned_whole()
    {
        var text = "a=1\nif x; then\n" + string.Concat(Enumerable.Repeat("  y=\"$z\" `echo a` $(b)\n", WindowedParse.DefaultWindowChars / 5)) + "fi\nb=2\n";
        Assert.Empty(SyntaxTree.ParseDiagnostics(new StringReader(text)));
        Assert.Equal(CleanScan.Verdict.Clean, CleanScan.Scan(text, isWhole: true).Verdict);
        AssertDiagnosticsMatchWholeParse(text + "fi\n", "the same, with a stray fi after it");
    }

    /// <summary>
    /// The scan is what makes <c>ngx-convert parse</c> fast, so it must follow the shapes real configs take: every
    /// script the corpus holds as valid, every fixture config and sample, and every shell script of nginx's own
    /// configure (from nginx-dev) that the parser finds clean, the scan proves clean whole.
    /// </summary>
    [Fact]
    public void The_scan_proves_the_clean_scripts_of_the_corpus_the_fixtures_and_nginx_configure()
    {
        var nginxAuto = NginxAutoScripts();
        var scripts = Corpus.Files("valid").Concat(nginxAuto)
            .Concat(SegmentTests.Inputs().Where(i => i.Name.StartsWith("fixture/", StringComparison.Ordinal)).Select(i => i.Name))
            .ToList();
        Assert.True(nginxAuto.Count > 40, $"nginx's auto/ scripts: {nginxAuto.Count}");

        var unproved = new List<string>();
        foreach (var name in scripts)
        {
            var path = name.StartsWith("fixture/", StringComparison.Ordinal) ? RepoPaths.Combine(name["fixture/".Length..]) : name;
            var text = SourceText.From(File.ReadAllBytes(path)).Text;
            if (SyntaxTree.ParseText(text).GetDiagnostics().IsEmpty && CleanScan.Scan(text, isWhole: true).Verdict != CleanScan.Verdict.Clean)
            {
                unproved.Add(path);
            }
        }

        Assert.Equal(LeftToTheParser, unproved.Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>The clean scripts whose shapes the scan leaves to the parser, each on purpose.</summary>
    private static readonly string[] LeftToTheParser =
    [
        // Line continuations that split reserved words (`th\<newline>en`).
        "010-continuation-inside-words.sh",

        // Here-document delimiters that are not plain names: `\STOP`, `W"ID"GET`, `'TWO WORDS'`, `$WIDGET_END`.
        "039-heredoc-quoted-delimiters.sh",
        "069-dash-quirks-accepted.sh",
    ];

    // nginx-dev is installed wherever the tests run (.ci/run installs it): without it this test fails, it is not skipped.
    private static List<string> NginxAutoScripts()
    {
        const string auto = "/usr/share/nginx/src/auto";
        Assert.True(Directory.Exists(auto), $"{auto} is missing: apt-get install nginx-dev");
        return [.. Directory.EnumerateFiles(auto, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
    }

    private static void AssertDiagnosticsMatchWholeParse(string text, string what)
    {
        var expected = Describe(SyntaxTree.ParseText(text, "config").GetDiagnostics());
        if (CleanScan.Scan(text, isWhole: true).Verdict == CleanScan.Verdict.Clean)
        {
            Assert.True(expected.Count == 0, $"{what}: scanned clean, but the parser reports {string.Join("; ", expected)}");
        }

        foreach (var (window, parsed) in Windows)
        {
            foreach (var read in (ReadOnlySpan<int>)[3, int.MaxValue])
            {
                var actual = Describe(WindowedParse.Diagnostics(new SegmentTests.TrickleReader(text, read), "config", window, parsed));
                Assert.True(expected.SequenceEqual(actual), $"{what}: window {window}/{parsed}, read {read} at a time:\nexpected {string.Join("; ", expected)}\nactual   {string.Join("; ", actual)}");
            }
        }
    }

    private static List<(string, DiagnosticSeverity, Location)> Describe(IEnumerable<Diagnostic> diagnostics)
        => [.. diagnostics.Select(d => (d.ToString(), d.Severity, d.Location))];
}
