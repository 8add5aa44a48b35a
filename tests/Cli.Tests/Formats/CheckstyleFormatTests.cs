using System.Xml.Linq;

namespace ConfigConvert.Cli.Tests.Formats;

/// <summary><c>--format checkstyle</c>: Checkstyle's XML.</summary>
public sealed class CheckstyleFormatTests
{
    [Fact]
    public void One_file_element_per_file_with_an_error_element_per_finding()
    {
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyleWithLink);
        var result = FormatFixtures.Check(repo, "--format", "checkstyle");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<checkstyle version=\"4.3\">", result.Out, StringComparison.Ordinal);
        var root = XDocument.Parse(result.Out).Root!;
        var file = Assert.Single(root.Elements("file"));
        Assert.Equal("m/config", (string?)file.Attribute("name"));
        var error = file.Elements("error").Single(e => (string?)e.Attribute("source") == "ngx-convert.CC2202");
        Assert.Equal(("4", "1", "warning"), ((string?)error.Attribute("line"), (string?)error.Attribute("column"), (string?)error.Attribute("severity")));
        Assert.StartsWith("the config sets `ngx_module_link`", (string?)error.Attribute("message"), StringComparison.Ordinal);
    }
}
