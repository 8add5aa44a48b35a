using System.Text;
using ConfigConvert.Text;

namespace ConfigConvert.ShellParser.Tests;

/// <summary>
/// The parser reports an error exactly when the real dash rejects the script (<c>dash -n</c>), for
/// every corpus script, bash-isms included (the parser reads them as dash does), and for thousands of
/// seeded mutations of them.
/// </summary>
[Trait("Requires", "dash")]
public sealed class DashAgreementTests
{
    private const int MutationsPerBatch = 400;

    public static TheoryData<string> CorpusFiles
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Corpus.AllFiles)
            {
                data.Add(Path.GetRelativePath(Corpus.Directory, file));
            }

            return data;
        }
    }

    public static TheoryData<int> Batches => [0, 1, 2, 3, 4, 5, 6, 7];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_script_agrees_with_dash(string relativePath)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Corpus.Directory, relativePath));
        var tree = SyntaxTree.ParseText(SourceText.From(bytes));
        if (KnownDivergences.ContainsKey(Path.GetFileName(relativePath)))
        {
            return;
        }

        Assert.Equal(Dash.Accepts(bytes), !tree.HasErrors);
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Mutated_scripts_agree_with_dash_and_round_trip(int batch)
    {
        var seeds = Corpus.Files("valid").Where(f => !KnownDivergences.ContainsKey(Path.GetFileName(f))).Select(File.ReadAllText).ToArray();
        var mismatches = new List<string>();
        var compared = 0;
        for (var i = 0; i < MutationsPerBatch; i++)
        {
            var seed = (batch * MutationsPerBatch) + i;
            var text = ShellMutator.Mutate(seeds[seed % seeds.Length], seed);
            var tree = SyntaxTree.ParseText(text);
            Assert.True(text == tree.GetRoot().ToFullString(), $"seed {seed} does not round-trip");
            compared++;
            var dashAccepts = Dash.Accepts(Encoding.UTF8.GetBytes(text));
            if (dashAccepts == tree.HasErrors)
            {
                mismatches.Add($"seed {seed}: dash {(dashAccepts ? "accepts" : "rejects")}, parser says [{string.Join("; ", tree.GetDiagnostics())}]\n{text}");
            }
        }

        Assert.True(compared > MutationsPerBatch / 2, $"only {compared} of {MutationsPerBatch} mutations were compared");
        Assert.True(mismatches.Count == 0, string.Join("\n----\n", mismatches.Take(5)));
    }

    /// <summary>Scripts where the parser disagrees with dash on purpose, and why.</summary>
    internal static readonly Dictionary<string, string> KnownDivergences = new()
    {
        ["067-nul-bytes.sh"] = "dash silently deletes NUL bytes; the parser reports them as an error (CC1104) because such a file is binary or corrupt",
    };
}
