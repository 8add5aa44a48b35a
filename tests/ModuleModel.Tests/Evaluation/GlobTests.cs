using ConfigConvert.ModuleModel.Evaluation;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>Shell patterns against dash's <c>case</c> and <c>${x#pattern}</c>, the pattern written into the script as is.</summary>
public sealed class GlobTests
{
    public static TheoryData<string, string> Matching => new()
    {
        { "*", string.Empty },
        { "*", "abc" },
        { "a*", "abc" },
        { "a*", "bac" },
        { "*.c", "src/x.c" },
        { "*.c", "x.h" },
        { "*/*", "a/b" },
        { "ngx_http_*_module", "ngx_http_x_module" },
        { "?", "a" },
        { "?", string.Empty },
        { "??", "ab" },
        { "a?c", "a\nc" },
        { "[a-z]", "q" },
        { "[a-z]", "Q" },
        { "[!a-z]", "Q" },
        { "[!a-z]", "q" },
        { "[^a]", "b" },
        { "[^a]", "^" },
        { "[.]c", ".c" },
        { "[a-]", "-" },
        { "[]]", "]" },
        { "[!]]", "a" },
        { "[!]]", "]" },
        { "[*]", "*" },
        { "[*]", "a" },
        { "[[:digit:]]*", "1a" },
        { "[[:alpha:]]", "1" },
        { "[[:alpha:]_]", "_" },
        { "[![:space:]]", "x" },
        { "a[", "a[" },
        { "[ab", "[ab" },
        { "\\*", "*" },
        { "\\*", "a" },
        { "a\\?", "a?" },
        { "*\\[*", "a[b" },
        { "[\\]]", "]" },
        { "[a\\-z]", "b" },
        { "[a\\-z]", "-" },
        { "[z-a]", "b" },
        { "[!z-a]", "b" },
        { "[z-ab]", "b" },
    };

    public static TheoryData<string, string, string> Affixes => new()
    {
        { "ngx_http_foo", "#", "ngx_http_" },
        { "a/b/c", "#", "*/" },
        { "a/b/c", "##", "*/" },
        { "file.tar.gz", "%", ".*" },
        { "file.tar.gz", "%%", ".*" },
        { "abc", "#", "x" },
        { "abc", "%", "[a-c]" },
        { "abc", "##", "*" },
        { "abc", "%%", "*" },
        { "abc", "#", "?" },
        { "a*c", "%", "\\*c" },
        { "aXbXc", "#", "*X" },
        { "aXbXc", "##", "*X" },
        { "aXbXc", "%", "X*" },
        { "aXbXc", "%%", "X*" },
        { "abcabc", "%", "b*c" },
        { "abcabc", "%%", "[ab]*c" },
        { "abcabc", "#", "*b?" },
        { "abcabc", "##", "**b?" },
        { "abc", "#", "*" },
        { "abc", "%", "*" },
        { "abc", "##", "abc*" },
        { "abc", "%%", "*abc" },
        { "a]b", "%", "[]]*" },
        { "x.c", "#", "[!.]" },
    };

    /// <summary>dash itself takes minutes for the first (its matcher backtracks); the model must end at once.</summary>
    [Fact]
    public void Patterns_of_many_stars_and_long_texts_take_one_pass()
    {
        Assert.False(Glob.Matches("*a*a*a*a*a*a*a*a*a*a*a*a*b", new string('a', 46)));
        Assert.True(Glob.Matches("*a*a*a*a*a*a*a*a*a*a*a*a*b", new string('a', 46) + "b"));
        var text = new string('0', 1_000_000);
        Assert.Equal(text, Glob.RemoveAffix(text, "a", "%"));
        Assert.Equal(text, Glob.RemoveAffix(text, "*a", "%%"));
        Assert.Equal(string.Empty, Glob.RemoveAffix(text, "*0", "##"));
        Assert.Equal(text[..^1], Glob.RemoveAffix(text, "*0", "%"));
        Assert.Equal(text[1..], Glob.RemoveAffix(text, "0*", "#"));
    }

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Matching))]
    public void Matches_as_dash_case_does(string pattern, string text)
    {
        var real = RealShell.Run($"case $1 in {pattern}) exit 0;; esac; exit 1", [text]);
        Assert.Equal(real.ExitCode == 0, Glob.Matches(pattern, text));
    }

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Affixes))]
    public void Removes_affixes_as_dash_does(string text, string op, string pattern)
    {
        var real = RealShell.Run($"x=$1; y=${{x{op}{pattern}}}; printf %s \"$y\"", [text]);
        Assert.Equal(real.StandardOutput, Glob.RemoveAffix(text, pattern, op));
    }
}
