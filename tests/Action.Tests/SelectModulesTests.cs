namespace ConfigConvert.Action.Tests;

/// <summary>action/select-modules.sh: which modules a pull request changes.</summary>
[Trait("Requires", "jq")]
public sealed class SelectModulesTests
{
    private const string ModuleConfig = "ngx_addon_name=ngx_http_{0}_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_{0}_module\"\n";

    [Fact]
    public void A_changed_file_belongs_to_the_outermost_module_above_it()
    {
        using var run = new ActionRun();
        run.InitRepository();
        run.Write("modules/hello/config", string.Format(ModuleConfig, "hello") + ". $ngx_addon_dir/filter/config\n");
        run.Write("modules/hello/src/hello.c", "int hello;\n");
        run.Write("modules/hello/filter/config", "ngx_module_name=ngx_http_hello_filter_module\n");
        run.Write("modules/hello/filter/filter.c", "int filter;\n");
        run.Write("modules/echo/config", string.Format(ModuleConfig, "echo"));
        run.Write("modules/echo/echo.c", "int echo;\n");
        run.Write("modules/quiet/config", string.Format(ModuleConfig, "quiet"));
        run.Write("tools/config", "# not a module: settings of a script\nverbose=1\n");
        run.Write("docs/guide.md", "# Guide\n");
        var baseSha = run.Commit("base");
        run.Write("modules/hello/filter/filter.c", "int filter;\nint more;\n");
        run.Write("tools/config", "verbose=0\n");
        run.Write("docs/guide.md", "# Guide\nMore.\n");
        run.Git("mv", "modules/echo/echo.c", "modules/echo/echo main.c");
        var headSha = run.Commit("head");
        run.WriteEvent(Recorded.PullRequestEvent(baseSha, headSha));

        var result = run.Script("select-modules.sh");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("modules/echo\nmodules/hello\n", File.ReadAllText(Path.Combine(run.WorkDirectory, "modules.txt")));
        var outputs = run.Outputs();
        Assert.Equal("2", outputs["count"]);
        Assert.Equal("modules/echo\nmodules/hello", outputs["modules"]);
        Assert.Equal("7", outputs["pull-request"]);
        Assert.Equal(headSha, outputs["head-sha"]);
        Assert.Equal(Path.Combine(run.WorkDirectory, "changes.diff"), outputs["diff-file"]);
        Assert.Equal(run.Git("diff", $"{baseSha}...{headSha}") + "\n", File.ReadAllText(outputs["diff-file"]));
        Assert.Contains("pull request #7 changes 5 file(s) in 2 module(s): modules/echo, modules/hello", result.StandardError);
    }

    [Fact]
    public void A_config_at_the_root_makes_the_repository_one_module()
    {
        using var run = new ActionRun();
        run.InitRepository();
        run.Write("config", string.Format(ModuleConfig, "root"));
        run.Write("src/root.c", "int root;\n");
        var baseSha = run.Commit("base");
        run.Write("src/root.c", "int root = 1;\n");
        var headSha = run.Commit("head");
        run.WriteEvent(Recorded.PullRequestEvent(baseSha, headSha));

        var result = run.Script("select-modules.sh");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(".", run.Outputs()["modules"]);
    }

    [Fact]
    public void A_pull_request_that_changes_no_module_selects_none()
    {
        using var run = new ActionRun();
        run.InitRepository();
        run.Write("modules/hello/config", string.Format(ModuleConfig, "hello"));
        run.Write("README.md", "# Modules\n");
        var baseSha = run.Commit("base");
        run.Write("README.md", "# Modules\nAll of them.\n");
        var headSha = run.Commit("head");
        run.WriteEvent(Recorded.PullRequestEvent(baseSha, headSha));

        var result = run.Script("select-modules.sh");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("0", run.Outputs()["count"]);
        Assert.Equal(string.Empty, run.Outputs()["modules"]);
        Assert.Equal(string.Empty, File.ReadAllText(Path.Combine(run.WorkDirectory, "modules.txt")));
    }

    [Fact]
    public void An_event_without_a_pull_request_selects_nothing()
    {
        using var run = new ActionRun();
        run.InitRepository();
        run.Commit("base");
        run.WriteEvent(Recorded.Text("push.json"), "push");

        var result = run.Script("select-modules.sh");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("0", run.Outputs()["count"]);
        Assert.False(run.Outputs().ContainsKey("pull-request"));
        Assert.Contains("::notice title=ngx-convert::the push event has no pull request: nothing to check", result.StandardError);
    }

    [Fact]
    public void A_fork_is_told_that_nothing_will_be_written()
    {
        using var run = new ActionRun();
        var (baseSha, headSha) = PullRequests.ChangeTwoModules(run);
        run.WriteEvent(Recorded.PullRequestEvent(baseSha, headSha, "contributor/nginx-modules"));

        var result = run.Script("select-modules.sh");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("2", run.Outputs()["count"]);
        Assert.Contains("::notice title=ngx-convert::pull request #7 comes from a fork and its token is read-only", result.StandardError);
    }

    [Fact]
    public void A_commit_missing_from_a_shallow_clone_is_a_clear_error()
    {
        using var run = new ActionRun();
        run.InitRepository();
        var baseSha = run.Commit("base");
        run.WriteEvent(Recorded.PullRequestEvent(baseSha, "2222222222222222222222222222222222222222"));

        var result = run.Script("select-modules.sh");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("::error title=ngx-convert::commit 2222222222222222222222222222222222222222 is not in the clone and cannot be fetched: check out with fetch-depth: 0", result.StandardError);
    }

    [Fact]
    public void A_payload_that_is_not_json_is_a_clear_error()
    {
        using var run = new ActionRun();
        run.InitRepository();
        run.WriteEvent("not json");

        var result = run.Script("select-modules.sh");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"the event payload {run.EventFile} is not a JSON object", result.StandardError);
    }
}
