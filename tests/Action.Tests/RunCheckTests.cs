namespace ConfigConvert.Action.Tests;

/// <summary>action/run-check.sh: how ngx-convert check is run on the selected modules (with a fake ngx-convert).</summary>
[Trait("Requires", "jq")]
public sealed class RunCheckTests
{
    [Fact]
    public void Check_runs_for_SARIF_and_Markdown_on_the_selected_modules_with_the_pull_request_options()
    {
        using var run = new ActionRun();
        var (_, headSha) = PullRequests.ChangeTwoModules(run);
        var log = Path.Combine(run.Scratch("logs"), "ngx-convert.log");
        run.Environment["NGX_CONVERT"] = FakeTool.NgxConvert(run, log);
        Assert.Equal(0, run.Script("select-modules.sh").ExitCode);

        var result = run.Script("run-check.sh");

        Assert.True(result.ExitCode == 0, result.StandardError);
        var work = run.WorkDirectory;
        string[] options = ["--fail-on", "warning", "--repository-root", run.Workspace, "--link-base", $"https://github.com/octo-org/nginx-modules/blob/{headSha}", "--changed-lines", Path.Combine(work, "changes.diff"), "--report-url", "https://github.com/octo-org/nginx-modules/actions/runs/4242"];
        string[][] expected = [["check", "modules/echo", "modules/hello", "--format", "sarif", .. options], ["check", "modules/echo", "modules/hello", "--format", "markdown", .. options]];
        Assert.Equal(expected, FakeTool.Runs(log));
        var outputs = run.Outputs();
        Assert.Equal("1", outputs["exit-code"]);
        Assert.Equal(FakeTool.SarifReport + "\n", File.ReadAllText(outputs["sarif"]));
        Assert.Equal(FakeTool.MarkdownReport + "\n", File.ReadAllText(outputs["markdown"]));
        Assert.Equal(FakeTool.MarkdownReport + "\n", File.ReadAllText(run.SummaryFile));
        Assert.Contains("ngx-convert: check --format markdown on 2 module(s): exit 1", result.StandardError);
    }

    [Fact]
    public void The_inputs_reach_check()
    {
        using var run = new ActionRun();
        PullRequests.ChangeTwoModules(run);
        var log = Path.Combine(run.Scratch("logs"), "ngx-convert.log");
        run.Environment["NGX_CONVERT"] = FakeTool.NgxConvert(run, log);
        run.Environment["NGX_CONVERT_FAIL_ON"] = "error";
        run.Environment["NGX_CONVERT_ARGS"] = "--nginx-version 1.22.1 --max-parallelism 1";
        run.Environment["NGX_CONVERT_REPORT_URL"] = "https://ci.example.invalid/report/7";
        run.Environment["NGX_CONVERT_LINK_BASE"] = "https://code.example.invalid/blob/abc";
        Assert.Equal(0, run.Script("select-modules.sh").ExitCode);

        var result = run.Script("run-check.sh");

        Assert.True(result.ExitCode == 0, result.StandardError);
        string[] expected =
            ["check", "modules/echo", "modules/hello", "--format", "markdown", "--fail-on", "error", "--repository-root", run.Workspace, "--link-base", "https://code.example.invalid/blob/abc", "--changed-lines", Path.Combine(run.WorkDirectory, "changes.diff"), "--report-url", "https://ci.example.invalid/report/7", "--nginx-version", "1.22.1", "--max-parallelism", "1"];
        Assert.Equal(expected, FakeTool.Runs(log)[1]);
    }

    [Theory]
    [InlineData("0", "0", "0")]
    [InlineData("1", "1", "1")]
    [InlineData("2", "1", "2")]
    [InlineData("1", "2", "2")]
    public void The_exit_code_output_is_checks_and_the_step_itself_succeeds(string sarifExit, string markdownExit, string expected)
    {
        using var run = new ActionRun();
        PullRequests.ChangeTwoModules(run);
        run.Environment["NGX_CONVERT"] = FakeTool.NgxConvert(run, Path.Combine(run.Scratch("logs"), "ngx-convert.log"));
        run.Environment["FAKE_SARIF_EXIT"] = sarifExit;
        run.Environment["FAKE_MARKDOWN_EXIT"] = markdownExit;
        Assert.Equal(0, run.Script("select-modules.sh").ExitCode);

        var result = run.Script("run-check.sh");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(expected, run.Outputs()["exit-code"]);
    }

    [Fact]
    public void A_missing_tool_is_a_clear_error()
    {
        using var run = new ActionRun();
        PullRequests.ChangeTwoModules(run);
        run.Environment["NGX_CONVERT"] = Path.Combine(run.Scratch("nothing"), "ngx-convert");
        Assert.Equal(0, run.Script("select-modules.sh").ExitCode);

        var result = run.Script("run-check.sh");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not installed (NGX_CONVERT)", result.StandardError);
    }
}
