using ConfigConvert.Verification;

namespace ConfigConvert.Analyzers.Tests.Proofs;

/// <summary>
/// Code that only nginx before 1.9.11 compiles is not a finding: tests/fixtures/checks/ledger_guarded
/// keeps its legacy loop over <c>ngx_modules</c> and its <c>ngx_max_module</c> under
/// <c>nginx_version</c> conditions, and every rule must stay silent on it. The real build shows the
/// conditions are what the rules take them for: nginx 1.22 compiles the new branches (its objects use
/// neither global), nginx_version 1.8.0 the old ones (they use both).
/// </summary>
public sealed class GuardedLegacyTests
{
    [Fact]
    public void Every_rule_is_silent_on_the_guarded_legacy_fixture()
    {
        var report = ModuleChecker.Check([CheckFixtures.PathOf(CheckFixtures.Ledger)]);
        Assert.True(!report.Diagnostics.Any(), string.Join("\n", report.Diagnostics));
    }

    [Fact]
    public void Check_fix_changes_nothing_in_the_guarded_legacy_fixture()
    {
        using var module = CheckFixtures.Copy(CheckFixtures.Ledger);
        var before = module.Sources();
        var config = File.ReadAllBytes(Path.Combine(module.Path, "config"));
        var report = FixRunner.Fix(module.Path);
        Assert.Empty(report.ChangedFiles);
        Assert.Equal(before, module.Sources());
        Assert.Equal(config, File.ReadAllBytes(Path.Combine(module.Path, "config")));
    }

    [Fact]
    [Trait("Requires", "nginx")]
    [Trait("Requires", "dash")]
    public void Guarded_fixture_builds_and_loads_and_each_nginx_compiles_its_own_branch()
    {
        var proof = FixProof.Of(CheckFixtures.Ledger);
        Assert.True(proof.Report.Verdict == VerificationVerdict.Proven, string.Join("\n", proof.Report.Steps.Select(s => $"{s.Kind}: {s.Outcome}: {s.Message}")));
        Assert.True(proof.StaticCompile.ExitCode == 0, proof.StaticCompile.StandardOutput + proof.StaticCompile.StandardError);
        Assert.Contains(proof.Report.NginxMessages, m => m.StartsWith("[notice] " + CheckFixtures.Notice(CheckFixtures.Ledger), StringComparison.Ordinal));

        var current = proof.FixedUndefined.Values.SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain("ngx_modules", current);
        Assert.DoesNotContain("ngx_max_module", current);

        Assert.True(proof.OldVersionBuild.ExitCode == 0, proof.OldVersionBuild.StandardOutput + proof.OldVersionBuild.StandardError);
        var old = proof.OldVersionUndefined.Values.SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("ngx_modules", old);
        Assert.Contains("ngx_max_module", old);
    }
}
