using System.Text.Json;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Action.Tests;

/// <summary>The real ngx-convert on the modules the action selects.</summary>
[Trait("Requires", "jq")]
public sealed class RealCliTests
{
    [Fact]
    public void Check_reads_the_modules_that_the_action_selects()
    {
        using var run = new ActionRun();
        run.InitRepository();
        CopyDirectory(RepoPaths.Combine("samples", "ngx_http_hello_module"), Path.Combine(run.Workspace, "modules", "hello"));
        CopyDirectory(RepoPaths.Combine("tests", "fixtures", "modules", "new_style"), Path.Combine(run.Workspace, "modules", "new_style"));
        run.Write("README.md", "# Modules\n");
        var baseSha = run.Commit("base");
        var source = Path.Combine(run.Workspace, "modules", "hello", "src", "ngx_http_hello_module.c");
        File.AppendAllText(source, "\n/* the greeting is configurable */\n");
        run.Write("README.md", "# Modules\nTwo.\n");
        var headSha = run.Commit("head");
        run.WriteEvent(Recorded.PullRequestEvent(baseSha, headSha));
        Assert.Equal(0, run.Script("select-modules.sh").ExitCode);
        var modules = File.ReadAllLines(Path.Combine(run.WorkDirectory, "modules.txt"));
        Assert.Equal(["modules/hello"], modules);

        var tool = Path.Combine(AppContext.BaseDirectory, "ngx-convert");
        var result = ExternalTool.Run(tool, ["check", .. modules, "--format", "json"], run.Workspace, run.Environment);

        Assert.True(result.ExitCode == 1, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var checkedModule = Assert.Single(json.RootElement.GetProperty("modules").EnumerateArray());
        Assert.Equal(Path.Combine(run.Workspace, "modules", "hello"), checkedModule.GetProperty("path").GetString());
        Assert.Contains(checkedModule.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "CC2201");
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
