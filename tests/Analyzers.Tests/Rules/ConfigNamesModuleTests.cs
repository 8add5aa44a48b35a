using System.Text.RegularExpressions;
using ConfigConvert.Analyzers.Rules.CSources;

namespace ConfigConvert.Analyzers.Tests.Rules;

/// <summary>How CC4004 learns that a config names another module: as a whole word, outside shell comments.</summary>
public sealed class ConfigNamesModuleTests
{
    private const string Name = "ndk_http_module";

    [Theory]
    [InlineData("ngx_module_order=\"ndk_http_module $ngx_module_name\"\n")]
    [InlineData("x=1\n  ndk_http_module # needed first\n")]
    [InlineData("a#ndk_http_module\n")]
    [InlineData("ndk_http_module")]
    [InlineData("x=\"$x,ndk_http_module\"\r\n")]
    public void Finds_the_name_as_a_word_outside_comments(string config)
        => Assert.True(UndeclaredModuleDependency.NamesOutsideComments(config, Name));

    [Theory]
    [InlineData("# ndk_http_module comes first\n")]
    [InlineData("x=1 # ndk_http_module\n")]
    [InlineData("x=1\t#ndk_http_module\n")]
    [InlineData("my_ndk_http_module=1\n")]
    [InlineData("ndk_http_module2\n")]
    [InlineData("")]
    public void Passes_over_comments_and_longer_words(string config)
        => Assert.False(UndeclaredModuleDependency.NamesOutsideComments(config, Name));

    [Fact]
    public void Agrees_with_matching_each_line_with_its_comment_removed()
    {
        // The rule read each line as a regular expression does: its comment removed, then the name sought as a word.
        var comment = new Regex(@"(^|(?<=\s))#.*$", RegexOptions.CultureInvariant);
        var word = new Regex(@"(?<![A-Za-z0-9_])" + Name + "(?![A-Za-z0-9_])", RegexOptions.CultureInvariant);
        string[] pieces = ["ndk_http_module", " ", "\t", "#", "\n", "\r", "x", "_", "=", "\"", "\u00a0", "1"];
        var random = new Random(4004);
        var (found, total) = (0, 0);
        for (var i = 0; i < 20_000; i++)
        {
            var config = string.Concat(Enumerable.Range(0, random.Next(1, 9)).Select(_ => pieces[random.Next(pieces.Length)]));
            var expected = config.Split('\n').Any(line => word.IsMatch(comment.Replace(line, string.Empty)));
            Assert.True(expected == UndeclaredModuleDependency.NamesOutsideComments(config, Name), $"differs on {config}");
            (found, total) = (found + (expected ? 1 : 0), total + 1);
        }

        Assert.InRange(found, total / 20, total - (total / 20));
    }
}
