using System.Text.Json;

namespace ConfigConvert.Cli.Tests.Formats;

/// <summary><c>--format rdjson</c>: reviewdog's diagnostic format, with fixes as suggestions.</summary>
public sealed class RdjsonFormatTests
{
    [Fact]
    public void Diagnostics_have_a_relative_path_a_range_a_code_with_its_url_and_suggestions()
    {
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyleWithLink);
        var result = FormatFixtures.Check(repo, "--format", "rdjson");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("ngx-convert", json.RootElement.GetProperty("source").GetProperty("name").GetString());
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        var link = diagnostics.Single(d => d.GetProperty("code").GetProperty("value").GetString() == "CC2202");
        Assert.Equal(("WARNING", "m/config"), (link.GetProperty("severity").GetString(), link.GetProperty("location").GetProperty("path").GetString()));
        Assert.EndsWith("/docs/rules/CC2202.md", link.GetProperty("code").GetProperty("url").GetString(), StringComparison.Ordinal);
        var range = link.GetProperty("location").GetProperty("range");
        Assert.Equal((4, 1, 4, 24), (range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("start").GetProperty("column").GetInt32(), range.GetProperty("end").GetProperty("line").GetInt32(), range.GetProperty("end").GetProperty("column").GetInt32()));
        var suggestion = Assert.Single(diagnostics.Single(d => d.GetProperty("code").GetProperty("value").GetString() == "CC2201").GetProperty("suggestions").EnumerateArray());
        Assert.Contains(". auto/module", suggestion.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, suggestion.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public void Columns_count_UTF8_bytes_as_reviewdog_does()
    {
        using var repo = FormatFixtures.Repository("ngx_addon_name=ngx_http_x_module\nx=\u20ac; ngx_module_link=DYNAMIC\n");
        using var json = JsonDocument.Parse(FormatFixtures.Check(repo, "--format", "rdjson").Out);
        var range = json.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetProperty("value").GetString() == "CC2202").GetProperty("location").GetProperty("range");
        // `x=€; ` is 5 UTF-16 code units and 7 UTF-8 bytes.
        Assert.Equal((8, 31), (range.GetProperty("start").GetProperty("column").GetInt32(), range.GetProperty("end").GetProperty("column").GetInt32()));
    }
}
