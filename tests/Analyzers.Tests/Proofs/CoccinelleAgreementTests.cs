using ConfigConvert.TestSupport;

namespace ConfigConvert.Analyzers.Tests.Proofs;

/// <summary>
/// An independent rewrite to compare with: Coccinelle (<c>spatch</c>, Debian's <c>coccinelle</c>) with
/// tests/coccinelle/ngx_modules.cocci, run on the same fixture sources as <c>check --fix</c>. Where
/// both apply they must give the same code for nginx 1.9.11 and later (the fix's
/// <c>#if (nginx_version &gt;= 1009011)</c> branch; Coccinelle writes no guard), blanks aside.
/// </summary>
[Trait("Requires", "coccinelle")]
public sealed class CoccinelleAgreementTests
{
    private static string SemanticPatch => RepoPaths.Combine("tests", "coccinelle", "ngx_modules.cocci");

    // beacon_loop_variable is where they disagree, below.
    public static TheoryData<string> Fixtures => [.. CheckFixtures.WithCFixes, .. CheckFixtures.WithCFixes.SelectMany(CheckFixtures.Variants).Where(f => f != CheckFixtures.LoopVariable)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Check_fix_and_spatch_give_the_same_code_for_nginx_1_9_11_and_later(string fixture)
    {
        var (original, ours, theirs) = RewriteBoth(fixture);
        Assert.NotEqual(original, theirs);
        foreach (var (path, text) in original)
        {
            var expected = NewNginxCode.NormalizedAsIs(theirs[path]);
            var actual = NewNginxCode.Normalized(ours[path]);
            Assert.True(expected == actual, $"{path}: check --fix and spatch disagree for nginx {NewNginxCode.Version}\n--- spatch\n{theirs[path]}\n--- check --fix\n{ours[path]}");
        }
    }

    /// <summary>
    /// Where they disagree, and who is right: spatch does not evaluate the preprocessor, so it also
    /// rewrites the legacy code of tests/fixtures/checks/ledger_guarded, under
    /// <c>#if (nginx_version &lt; 1009011)</c> and in the <c>#else</c> of
    /// <c>#if (nginx_version &gt;= 1009011)</c>: code that only nginx before 1.9.11 compiles, where
    /// <c>ngx_cycle_t</c> has no <c>modules</c> (it came with dynamic modules in 1.9.11), so the
    /// rewrite breaks the build the branch exists for. check --fix is right to leave it alone.
    /// </summary>
    [Fact]
    public void Spatch_rewrites_legacy_code_only_old_nginx_compiles_and_check_fix_rightly_leaves_it()
    {
        var (original, ours, theirs) = RewriteBoth(CheckFixtures.Ledger);
        Assert.Equal(original, ours);
        const string file = "ngx_ledger_module.c";
        var changed = ChangedLines(original[file], theirs[file]);
        Assert.NotEmpty(changed);
        Assert.All(changed, c => Assert.Contains("ngx_modules", c.Text, StringComparison.Ordinal));
        var compiledByNewNginx = NewNginxCode.Lines(original[file]).Select(l => l.Line).ToHashSet();
        Assert.All(changed, c => Assert.DoesNotContain(c.Line, compiledByNewNginx));
    }

    /// <summary>
    /// Where they disagree, and who is right: in beacon_loop_variable the counting loop's variable has no
    /// other use. spatch replaces the loop with ngx_count_modules and leaves the variable unused, which
    /// nginx's -Werror build rejects (FixProofTests.A_fixed_variant_compiles_or_check_fix_left_it_alone);
    /// check --fix offers no fix for that loop.
    /// </summary>
    [Fact]
    public void Spatch_leaves_a_loop_variable_unused_and_check_fix_rightly_leaves_that_loop()
    {
        var (original, ours, theirs) = RewriteBoth(CheckFixtures.LoopVariable);
        const string file = "ngx_beacon.c";
        Assert.DoesNotContain("ngx_count_modules", original[file], StringComparison.Ordinal);
        Assert.Contains("ngx_count_modules", theirs[file], StringComparison.Ordinal);
        Assert.DoesNotContain("ngx_count_modules", ours[file], StringComparison.Ordinal);
    }

    private static (SortedDictionary<string, string> Original, SortedDictionary<string, string> Ours, SortedDictionary<string, string> Theirs) RewriteBoth(string fixture)
    {
        ProofTools.RequireSpatch();
        using var ours = CheckFixtures.Copy(fixture);
        using var theirs = CheckFixtures.Copy(fixture);
        var original = ours.Sources();
        FixRunner.Fix(ours.Path);
        var run = ProofTools.Spatch(SemanticPatch, theirs.Path);
        Assert.True(run.ExitCode == 0, "spatch failed:\n" + run.StandardError);
        return (original, ours.Sources(), theirs.Sources());
    }

    private static List<(int Line, string Text)> ChangedLines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        Assert.Equal(a.Length, b.Length);
        return [.. a.Select((line, i) => (Line: i + 1, Text: line)).Where(l => l.Text != b[l.Line - 1])];
    }
}
