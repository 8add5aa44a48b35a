using System.Text.RegularExpressions;

namespace ConfigConvert.ModuleModel.Tests.Oracle;

/// <summary>
/// For every fixture module and every link mode, the model predicts exactly what nginx's real
/// configure machinery does: one of its outcomes changes the same variables to the same values as the
/// real /bin/sh running the config with the real auto/module (an unknown part of a predicted value
/// stands for any text; the model never guesses it).
/// </summary>
[Trait("Requires", "dash")]
[Trait("Requires", "nginx")]
public sealed class OracleAgreementTests
{
    public static TheoryData<string, LinkMode> Cases
    {
        get
        {
            var data = new TheoryData<string, LinkMode>();
            foreach (var fixture in Fixtures.Names)
            {
                foreach (var link in new[] { LinkMode.Addon, LinkMode.Dynamic, LinkMode.Legacy })
                {
                    data.Add(fixture, link);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Model_predicts_what_the_real_shell_does(string fixture, LinkMode link)
    {
        var (exitStatus, actual) = ShellOracle.Evaluate(fixture, link);
        var module = ModuleDirectory.Load(Fixtures.PathOf(fixture));
        var description = module.Describe(link, Fixtures.Globals(fixture));
        Assert.NotEmpty(description.Outcomes);

        var mismatches = new List<string>();
        foreach (var outcome in description.Outcomes)
        {
            var difference = OracleComparison.Differences(outcome, exitStatus, actual);
            if (difference.Count == 0)
            {
                return;
            }

            mismatches.Add($"outcome [{string.Join("; ", outcome.Assumptions)}]:\n  " + string.Join("\n  ", difference));
        }

        Assert.Fail($"no outcome of the model matches the real shell for {fixture} ({link}):\n" + string.Join("\n", mismatches));
    }
}

/// <summary>How a predicted outcome differs from what the real shell did.</summary>
internal static class OracleComparison
{
    // auto/feature's compiler command line, which eval-config.sh leaves out too.
    private static readonly HashSet<string> Ignored = ["ngx_test"];

    public static List<string> Differences(ModuleOutcome outcome, int exitStatus, Dictionary<string, string?> actual)
    {
        var difference = Compare(outcome.ChangedVariables, actual);
        var predictedExit = outcome.Exited ? outcome.ExitStatus ?? -1 : 0;
        if (predictedExit != exitStatus)
        {
            difference.Add($"exit status: model {predictedExit}, shell {exitStatus}");
        }

        return difference;
    }

    private static List<string> Compare(IReadOnlyDictionary<string, ShellValue?> predicted, Dictionary<string, string?> actual)
    {
        var differences = new List<string>();
        foreach (var name in predicted.Keys.Union(actual.Keys).Where(n => !Ignored.Contains(n)).Order(StringComparer.Ordinal))
        {
            var hasPredicted = predicted.TryGetValue(name, out var p);
            var hasActual = actual.TryGetValue(name, out var a);
            if (hasPredicted && hasActual && Matches(p, a))
            {
                continue;
            }

            differences.Add($"{name}: model {(hasPredicted ? Show(p?.ToString()) : "(unchanged)")}, shell {(hasActual ? Show(a) : "(unchanged)")}");
        }

        return differences;
    }

    /// <summary>Known parts must be the real text exactly; an unknown part stands for any text.</summary>
    private static bool Matches(ShellValue? predicted, string? actual)
    {
        if (predicted is null || actual is null)
        {
            return predicted is null && actual is null;
        }

        if (predicted.KnownText is { } known)
        {
            return known == actual;
        }

        var pattern = string.Concat(predicted.Segments.Select(s => s.IsUnknown ? ".*" : Regex.Escape(s.Text)));
        return Regex.IsMatch(actual, "^" + pattern + "$", RegexOptions.Singleline);
    }

    private static string Show(string? value) => value is null ? "(unset)" : "'" + value.Replace("\n", "\\n", StringComparison.Ordinal) + "'";
}
