using System.Text.Json;

namespace ConfigConvert.Cli.Tests.Formats;

/// <summary><c>--format json</c>: version 1 of check's shape, extended; convert's shape.</summary>
public sealed class JsonFormatTests
{
    [Fact]
    public void Check_json_keeps_version_1_and_adds_the_command_and_each_rule_title_and_category()
    {
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyleWithLink);
        using var json = JsonDocument.Parse(FormatFixtures.Check(repo, "--format", "json").Out);
        var root = json.RootElement;
        Assert.Equal((1, "check"), (root.GetProperty("version").GetInt32(), root.GetProperty("command").GetString()));
        var diagnostic = root.GetProperty("modules")[0].GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "CC2202");
        Assert.Equal(("Config sets ngx_module_link", "Config"), (diagnostic.GetProperty("title").GetString(), diagnostic.GetProperty("category").GetString()));
        Assert.Equal(2, root.GetProperty("summary").GetProperty("warnings").GetInt32());
    }

    [Theory]
    [InlineData("--check", "convert --check", 1)]
    [InlineData("--diff", "convert --diff", 0)]
    public void Convert_json_gives_each_module_its_status_diagnostics_and_diff(string mode, string command, int exitCode)
    {
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyle);
        var module = Path.Combine(repo.Path, "m");
        var missing = Path.Combine(repo.Path, "missing");
        var result = CliRunner.Run("convert", mode, module, "--format", "json");
        Assert.Equal(exitCode, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal((1, command), (root.GetProperty("version").GetInt32(), root.GetProperty("command").GetString()));
        var entry = Assert.Single(root.GetProperty("modules").EnumerateArray());
        Assert.Equal((module, Path.Combine(module, "config"), "needed"), (entry.GetProperty("path").GetString(), entry.GetProperty("config").GetString(), entry.GetProperty("status").GetString()));
        Assert.StartsWith("--- a/config\n+++ b/config\n", entry.GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.Equal((1, 1, 0), (root.GetProperty("summary").GetProperty("modules").GetInt32(), root.GetProperty("summary").GetProperty("needed").GetInt32(), root.GetProperty("summary").GetProperty("refused").GetInt32()));

        var unreadable = CliRunner.Run("convert", mode, missing, "--format", "json");
        Assert.Equal(2, unreadable.ExitCode);
        using var unreadableJson = JsonDocument.Parse(unreadable.Out);
        var missingEntry = unreadableJson.RootElement.GetProperty("modules")[0];
        Assert.Equal(("unreadable", JsonValueKind.Null), (missingEntry.GetProperty("status").GetString(), missingEntry.GetProperty("diff").ValueKind));
        Assert.Equal("CC2001", missingEntry.GetProperty("diagnostics")[0].GetProperty("id").GetString());
    }
}
