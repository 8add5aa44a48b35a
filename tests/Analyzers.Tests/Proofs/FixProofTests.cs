using ConfigConvert.Verification;

namespace ConfigConvert.Analyzers.Tests.Proofs;

/// <summary>
/// Proven by the real nginx, for every fixture with a C fix: after <c>check --fix</c> and the
/// conversion of its config, the module builds static and dynamic with nginx's real configure and
/// make, and Debian's nginx (built --with-compat) loads the <c>.so</c> and accepts the module's
/// directives under <c>nginx -t</c>; the fixed sources still compile for nginx before 1.9.11; and
/// unfixed, the same <c>.so</c> breaks the same <c>nginx -t</c>. One build per fixture (see <see cref="FixProof"/>).
/// </summary>
[Trait("Requires", "nginx")]
[Trait("Requires", "dash")]
public sealed class FixProofTests
{
    public static TheoryData<string> Fixtures => [.. CheckFixtures.WithCFixes];

    public static TheoryData<string, string> Variants
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var fixture in CheckFixtures.WithCFixes)
            {
                foreach (var variant in CheckFixtures.Variants(fixture))
                {
                    data.Add(fixture, variant);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixed_and_converted_module_builds_static_and_dynamic_and_nginx_accepts_its_directives(string fixture)
    {
        var proof = FixProof.Of(fixture);
        Assert.NotEqual(proof.Original, proof.Fixed);
        Assert.True(proof.Report.Verdict == VerificationVerdict.Proven, Describe(proof.Report));
        Assert.Equal(ConfigStyle.Converted, proof.Report.Style);
        Assert.Empty(proof.Report.StaticDifferences);
        Assert.True(proof.StaticCompile.ExitCode == 0, "the module's objects do not compile in the static build:\n" + proof.StaticCompile.StandardOutput + proof.StaticCompile.StandardError);
        Assert.Contains(proof.Report.NginxMessages, m => m.StartsWith("[notice] " + CheckFixtures.Notice(fixture), StringComparison.Ordinal));
    }

    /// <summary>
    /// No object of the fixed module refers to the global list any more. (<c>ngx_max_module</c> may stay:
    /// as the size of an array indexed by module index it is right since 1.9.11, and nm cannot tell that
    /// use from the loop bound the fix replaces.)
    /// </summary>
    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixed_objects_no_longer_use_the_global_module_list(string fixture)
    {
        var proof = ProvenFixProof(fixture);
        Assert.All(proof.FixedUndefined, o => Assert.DoesNotContain("ngx_modules", o.Value));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixed_sources_compile_for_nginx_before_1_9_11_with_the_old_code(string fixture)
    {
        var proof = ProvenFixProof(fixture);
        Assert.True(proof.OldVersionBuild.ExitCode == 0, $"with nginx_version {FixProof.OldNginxVersion}:\n" + proof.OldVersionBuild.StandardOutput + proof.OldVersionBuild.StandardError);

        // The guards chose the old branches: the global list is used again.
        Assert.Contains(proof.OldVersionUndefined.Values, symbols => symbols.Contains("ngx_modules"));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Unfixed_module_builds_but_nginx_refuses_or_crashes_on_its_valid_configuration(string fixture)
    {
        var proof = ProvenFixProof(fixture);
        Assert.NotNull(proof.UnfixedBuild);
        Assert.NotNull(proof.UnfixedNginxTest);
        Assert.True(proof.UnfixedBuild.ExitCode == 0, "the unfixed sources do not build:\n" + proof.UnfixedBuild.StandardError);

        // Measured with Debian 12's nginx 1.22.1: the .so's references to ngx_modules bind to the binary's
        // static list, the module's own submodules are never numbered, and the directives in its block
        // write through a pointer read from before its configuration array ("directive is duplicate",
        // or SIGSEGV, depending on what lies there).
        var output = proof.UnfixedNginxTest.StandardError + proof.UnfixedNginxTest.StandardOutput;
        Assert.True(proof.UnfixedNginxTest.ExitCode != 0, "nginx -t accepted the unfixed module:\n" + output);
        Assert.DoesNotContain("test is successful", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A fix must not be written when it cannot be proven right. Replacing a counting loop with
    /// <c>ngx_count_modules()</c> (guarded or not) takes away the only use of the loop variable when
    /// nothing else in the function uses it, and nginx builds with <c>-Werror</c>: "unused variable".
    /// Either check --fix leaves such a file alone (reporting why), or what it writes compiles.
    /// </summary>
    [Theory]
    [MemberData(nameof(Variants))]
    public void A_fixed_variant_compiles_or_check_fix_left_it_alone(string fixture, string variant)
    {
        var build = ProvenFixProof(fixture).VariantBuilds[variant];
        var errors = string.Join("\n", (build.Compile.StandardOutput + build.Compile.StandardError).Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)));
        Assert.True(build.ChangedSources.Count == 0 || build.Compile.ExitCode == 0, $"check --fix changed {string.Join(", ", build.ChangedSources)} of {variant}, which then does not compile:\n{errors}");
    }

    private static FixProof ProvenFixProof(string fixture)
    {
        var proof = FixProof.Of(fixture);
        Assert.True(proof.Report.Verdict == VerificationVerdict.Proven, Describe(proof.Report));
        return proof;
    }

    private static string Describe(VerificationReport report)
        => string.Join("\n", report.Problems.Select(p => "problem: " + p.Message)
            .Concat(report.Steps.Select(s => $"{s.Kind}: {s.Outcome}: {s.Message}{(s.FailedRun is { } run ? "\n" + string.Join("\n", run.Tail(15)) : string.Empty)}")));
}
