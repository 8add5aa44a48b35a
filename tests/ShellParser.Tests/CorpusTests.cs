using ConfigConvert.Diagnostics;

namespace ConfigConvert.ShellParser.Tests;

public sealed class CorpusTests
{
    public static TheoryData<string> Valid => Corpus.Names("valid");

    public static TheoryData<string> Invalid => Corpus.Names("invalid");

    public static TheoryData<string> Bashisms => Corpus.Names("bashisms");

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_scripts_round_trip_byte_for_byte_without_errors(string name)
    {
        var text = Corpus.Read("valid", name);
        var tree = SyntaxTree.ParseText(text, name);

        Assert.Equal(text.Text, tree.GetRoot().ToFullString());
        Assert.Equal(text.GetBytes(), text.GetBytes(tree.GetRoot().ToFullString()));
        if (DashAgreementTests.KnownDivergences.ContainsKey(name))
        {
            Assert.True(tree.HasErrors);
            return;
        }

        Assert.Empty(tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_scripts_round_trip_and_report_an_error(string name)
    {
        var text = Corpus.Read("invalid", name);
        var tree = SyntaxTree.ParseText(text, name);

        Assert.Equal(text.Text, tree.GetRoot().ToFullString());
        Assert.Contains(tree.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>
    /// The parser reads bash-isms as dash does (the config rule CC2210 reports them): an error exactly
    /// where dash's recorded verdict (the <c>.dash</c> sidecar, status on its last line) is a rejection.
    /// </summary>
    [Theory]
    [MemberData(nameof(Bashisms))]
    public void Bashisms_round_trip_and_get_an_error_exactly_where_dash_rejects_them(string name)
    {
        var text = Corpus.Read("bashisms", name);
        var tree = SyntaxTree.ParseText(text, name);
        var dashStatus = File.ReadAllLines(Path.Combine(Corpus.Directory, "bashisms", Path.ChangeExtension(name, ".dash"))).Last(l => l.Length > 0);

        Assert.Equal(text.Text, tree.GetRoot().ToFullString());
        Assert.Equal(dashStatus != "0", tree.HasErrors);
    }
}
