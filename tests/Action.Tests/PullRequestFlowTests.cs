namespace ConfigConvert.Action.Tests;

/// <summary>The action's steps in order, as action.yml chains them: select, check (a fake ngx-convert), comment.</summary>
[Trait("Requires", "jq")]
public sealed class PullRequestFlowTests
{
    [Fact]
    public void The_report_of_the_changed_modules_becomes_the_pull_request_comment()
    {
        using var server = new FakeGitHub();
        using var run = new ActionRun();
        PullRequests.ChangeTwoModules(run);
        run.Environment["GITHUB_API_URL"] = server.BaseUrl + "/";
        var log = Path.Combine(run.Scratch("logs"), "ngx-convert.log");
        run.Environment["NGX_CONVERT"] = FakeTool.NgxConvert(run, log);
        server.Respond("GET", "/repos/octo-org/nginx-modules/issues/7/comments?per_page=100", 200, "comments.page2.unmarked.json");
        server.Respond("POST", "/repos/octo-org/nginx-modules/issues/7/comments", 201, "comment.created.json");

        Assert.Equal(0, run.Script("select-modules.sh").ExitCode);
        Assert.Equal(0, run.Script("run-check.sh").ExitCode);
        var result = run.Script("post-comment.sh", run.Outputs()["markdown"]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(2, FakeTool.Runs(log).Count);
        var post = Assert.Single(server.Requests, r => r.Method == "POST");
        Assert.Contains("<!-- ngx-convert:report -->\\n### ngx-convert", post.Body);
        Assert.Contains("| modules/hello | 0 | 1 |", post.Body);
        Assert.Equal("1", run.Outputs()["exit-code"]);
    }
}
