using ConfigConvert.Analyzers.Configuration;
using ConfigConvert.Diagnostics;
using ConfigConvert.TestSupport;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Tests.Checking;

/// <summary>Severities from <c>.editorconfig</c>: the grammar, section globs, and which files apply.</summary>
public sealed class EditorConfigTests
{
    [Theory]
    [InlineData("", "blank")]
    [InlineData("   # a comment", "blank")]
    [InlineData("; a comment = too", "blank")]
    [InlineData("[*.{c,h}]", "section *.{c,h}")]
    [InlineData("  [lib/**/config]  ", "section lib/**/config")]
    [InlineData("[[ab]].c]", "section [ab]].c")]
    [InlineData("Ngx_Convert.CC2201.Severity = error", "property ngx_convert.cc2201.severity=error")]
    [InlineData("root=true", "property root=true")]
    [InlineData("indent_size =", "property indent_size=")]
    public void Lines_are_read_as_the_specification_says(string line, string expected)
    {
        Assert.True(EditorConfigGrammar.TryParse(line, out var parsed, out var error), error);
        var actual = parsed switch
        {
            EditorConfigSection s => "section " + s.Glob,
            EditorConfigProperty p => $"property {p.Key}={p.Value}",
            _ => "blank",
        };
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("just words")]
    [InlineData("[unclosed")]
    [InlineData("= value")]
    public void Malformed_lines_are_refused_with_a_message(string line)
    {
        Assert.False(EditorConfigGrammar.TryParse(line, out _, out var error));
        Assert.StartsWith("not a section, a property or a comment (column ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*", "config", true)]
    [InlineData("*", "src/a.c", true)]
    [InlineData("*.c", "src/deep/a.c", true)]
    [InlineData("*.c", "src/a.h", false)]
    [InlineData("src/*.c", "src/a.c", true)]
    [InlineData("src/*.c", "src/deep/a.c", false)]
    [InlineData("/src/**.c", "src/deep/a.c", true)]
    [InlineData("src/**/a.c", "lib/src/x/a.c", false)]
    [InlineData("*.{c,h}", "a.h", true)]
    [InlineData("*.[ch]", "a.c", true)]
    [InlineData("*.[!ch]", "a.c", false)]
    [InlineData("file{1..3}.c", "file2.c", true)]
    [InlineData("file{1..3}.c", "file4.c", false)]
    [InlineData("conf?g", "config", true)]
    public void Section_globs_match_as_the_specification_says(string glob, string path, bool matches)
    {
        Assert.Equal(matches, EditorConfigGlob.ToRegex(glob).IsMatch(path));
    }

    [Fact]
    public void Severities_apply_per_id_and_none_hides()
    {
        using var tree = new TempTree();
        tree.Write(".editorconfig", "root = true\n\n[*]\nngx_convert.CC2202.severity = error\n\n[m2/config]\nngx_convert.CC2202.severity = none\n");
        tree.Write("m1/config", Samples.LinkConfig());
        tree.Write("m2/config", Samples.LinkConfig());
        var report = ModuleChecker.Check([tree.PathOf("m1"), tree.PathOf("m2")], Samples.TwoRules);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(report.Modules[0].Diagnostics).Severity);
        Assert.Empty(report.Modules[1].Diagnostics);
    }

    [Fact]
    public void Nearer_files_win_and_root_stops_the_search_upward()
    {
        using var tree = new TempTree();
        tree.Write(".editorconfig", "root = true\n[*]\nngx_convert.CC2202.severity = none\nngx_convert.CC2201.severity = error\n");
        tree.Write("inner/.editorconfig", "[*]\nngx_convert.CC2202.severity = note\n");
        tree.Write("inner/m/config", Samples.LinkConfig());
        tree.Write("rooted/.editorconfig", "root = true\n");
        tree.Write("rooted/m/config", Samples.LinkConfig());
        var report = ModuleChecker.Check([tree.PathOf("inner/m"), tree.PathOf("rooted/m")], Samples.TwoRules);
        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(report.Modules[0].Diagnostics).Severity);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(report.Modules[1].Diagnostics).Severity);
    }

    [Fact]
    public void A_bad_severity_is_reported_and_the_rest_of_the_file_applies()
    {
        using var tree = new TempTree();
        var editorconfig = tree.Write(".editorconfig", "root = true\n[*]\nngx_convert.CC2202.severity = loud\nngx_convert.CC2201.severity = none\nnot a line\n");
        tree.Write("m/config", Samples.OldStyleConfig);
        var report = ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules);
        Assert.Empty(report.Modules.Single().Diagnostics);
        Assert.Equal(
            [
                $"{editorconfig}(3,1): warning CC5908: `loud` is not a severity (none, note, info, warning or error) for CC2202; the line is ignored",
                $"{editorconfig}(5,1): warning CC5908: not a section, a property or a comment (column 1: unexpected `n`); the line is ignored",
            ],
            report.General.Select(d => d.ToString()));
    }

    [Fact]
    public async Task An_editorconfig_that_is_a_fifo_is_read_as_empty_in_the_module_and_above_it()
    {
        // Found, not named: read as empty without being opened (opening a FIFO waits for a writer). Empty, neither is the
        // root, so the root above them still applies.
        using var tree = new TempTree();
        tree.Write(".editorconfig", "root = true\n[*]\nngx_convert.CC2202.severity = error\n");
        tree.Write("inner/m/config", Samples.LinkConfig());
        Fifo.Create(tree.PathOf("inner/.editorconfig"));
        Fifo.Create(tree.PathOf("inner/m/.editorconfig"));

        var report = await Task.Run(() => ModuleChecker.Check([tree.PathOf("inner/m")], Samples.TwoRules)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(report.Modules.Single().Diagnostics).Severity);
        Assert.Empty(report.General);
        Assert.False(report.HasIoErrors);
    }

    [Fact]
    public void Sections_are_matched_against_the_path_relative_to_the_file()
    {
        var file = EditorConfigFile.Parse("/x/.editorconfig", SourceText.From("[sub/*.c]\nngx_convert.CC4001.severity = error\n"));
        var (glob, severities) = Assert.Single(file.Sections);
        Assert.Matches(glob, "sub/a.c");
        var (id, severity) = Assert.Single(severities);
        Assert.Equal(("CC4001", DiagnosticSeverity.Error), (id, severity));
        Assert.False(file.IsRoot);
    }
}
