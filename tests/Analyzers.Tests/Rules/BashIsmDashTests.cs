using ConfigConvert.Analyzers.Driver;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Analyzers.Rules.Config;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Analyzers.Tests.Rules;

/// <summary>
/// What CC2210 says dash does with each bash-ism, checked against the real dash: the script is run by
/// dash (or refused by it), and what it prints is what the message claims; the rule reports the
/// construct at the given column.
/// </summary>
[Trait("Requires", "dash")]
public sealed class BashIsmDashTests
{
    private static readonly Lazy<string> Dash = new(() => ExternalTool.Require("dash", "apt-get install -y dash"));

    [Theory]
    [InlineData("[[ -n x ]] && echo yes\n", 1, "", "[[: not found")]
    [InlineData("source /dev/null\necho after\n", 1, "after\n", "source: not found")]
    [InlineData("function f { echo hi; }\n", 1, "", "Syntax error: \"}\" unexpected")]
    [InlineData("function f() { echo hi; }\n", 1, "", "Syntax error: \"(\" unexpected")]
    [InlineData("x=a\nx+=b\necho $x\n", 1, "a\n", "x+=b: not found")]
    [InlineData("[ a == a ] && echo equal\n", 5, "", "unexpected operator")]
    [InlineData("test a == a && echo equal\n", 8, "", "unexpected operator")]
    [InlineData("cat <<< hi\n", 5, "", "Syntax error: redirection unexpected")]
    [InlineData("echo hi &>/dev/null\nwait\n", 9, "hi\n", "")]
    [InlineData("x=1\n((x=2))\necho $x\n", 1, "1\n", "")]
    [InlineData("x=$'\\t'\nprintf '%s' \"$x\"\n", 3, "$\\t", "")]
    [InlineData("x=abc\necho ${x/a/b}\n", 6, "", "Bad substitution")]
    [InlineData("x=abc\necho ${x:0:1}\n", 6, "", "Bad substitution")]
    [InlineData("x=abc\necho ${x^^}\n", 6, "", "Bad substitution")]
    [InlineData("x=ABC\necho ${x,,}\n", 6, "", "Bad substitution")]
    public void Dash_does_what_the_message_says_and_the_rule_reports_it(string script, int column, string output, string error)
    {
        var directory = Directory.CreateTempSubdirectory("cc-bashism-").FullName;
        try
        {
            var config = Path.Combine(directory, "config");
            File.WriteAllText(config, script);
            var run = ExternalTool.Run(Dash.Value, [config], directory);
            Assert.Equal(output, run.StandardOutput);
            Assert.Contains(error, run.StandardError, StringComparison.Ordinal);

            var reported = new AnalyzerDriver([new BashIsm()]).Analyze(directory, NginxVersionRange.Dynamic).Where(d => d.Id == "CC2210").ToList();
            Assert.Contains(reported, d => d.Location.Start.Column == column && d.Location.Path == config);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
