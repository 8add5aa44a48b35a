using System.Globalization;
using System.Text;
using ConfigConvert.ModuleModel.Tests.Model;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>
/// Configs of thousands of statements where a later world may start (each one copied the whole state
/// of the shell and the facts so far), and of thousands of command substitutions (each one copied
/// every variable): both took time quadratic in the length of the config. An undecidable condition
/// at the top makes two worlds, the second starting where the first parts from it.
/// </summary>
public sealed class LongConfigTests
{
    private const int Statements = 3000;

    private const string Head = """
        ngx_addon_name=ngx_http_x_module
        HTTP_MODULES="$HTTP_MODULES ngx_http_x_module"
        NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/x.c"
        if [ "$UNKNOWN_X" = y ]; then
            have=NGX_X . auto/have
        fi

        """;

    [Fact]
    public void Thousands_of_functions_each_defined_and_called()
    {
        var outcomes = Describe(i => $"f{i}() {{ v{i}=$1; }}\nf{i} {i}\n");
        foreach (var outcome in outcomes)
        {
            AssertNumbered(outcome, "v");
        }
    }

    [Fact]
    public void Thousands_of_backquote_substitutions()
    {
        foreach (var outcome in Describe(i => $"v{i}=`echo {i}`\n"))
        {
            AssertNumbered(outcome, "v");
        }
    }

    [Fact]
    public void Thousands_of_dollar_substitutions_and_subshells()
    {
        foreach (var outcome in Describe(i => $"v{i}=$(echo {i}); (w={i})\n"))
        {
            AssertNumbered(outcome, "v");
            Assert.DoesNotContain("w", outcome.ChangedVariables.Keys);
        }
    }

    [Fact]
    public void Thousands_of_here_documents()
    {
        foreach (var outcome in Describe(i => $"cat <<EOF\nline {i}\nEOF\n"))
        {
            Assert.Contains("`UNKNOWN_X`", Assert.Single(outcome.Unknowns).Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Thousands_of_environment_variables_read()
    {
        foreach (var outcome in Describe(i => $"echo \"$E{i}\"\n"))
        {
            Assert.Equal(Statements + 1, outcome.Unknowns.Count(u => u.Reason.Contains("from the environment of configure", StringComparison.Ordinal)));
            Assert.Contains(outcome.Unknowns, u => u.Reason.StartsWith($"`E{Statements - 1}`", StringComparison.Ordinal));
        }
    }

    /// <summary>The two outcomes of <see cref="Head"/> followed by <see cref="Statements"/> statements, each with the module registered, the first with the define.</summary>
    private static ModuleOutcome[] Describe(Func<int, string> statement)
    {
        var config = new StringBuilder(Head);
        for (var i = 0; i < Statements; i++)
        {
            config.Append(statement(i));
        }

        using var module = new TempModule(config.ToString());
        var outcomes = ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon).Outcomes;
        Assert.Equal(2, outcomes.Length);
        Assert.Equal([true, false], outcomes.Select(o => Assert.Single(o.Assumptions).Holds));
        Assert.Equal("NGX_X", Assert.Single(outcomes[0].Defines).Name);
        Assert.Empty(outcomes[1].Defines);
        Assert.All(outcomes, o => Assert.True(o.Complete));
        Assert.All(outcomes, o => Assert.Equal("ngx_http_x_module", Assert.Single(o.Modules).Name));
        return [.. outcomes];
    }

    /// <summary>Every variable <paramref name="prefix"/><c>i</c> holds <c>i</c>.</summary>
    private static void AssertNumbered(ModuleOutcome outcome, string prefix)
    {
        for (var i = 0; i < Statements; i++)
        {
            var name = prefix + i.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), outcome.ChangedVariables[name]?.KnownText);
        }
    }
}
