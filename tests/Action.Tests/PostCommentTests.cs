using System.Text.Json;

namespace ConfigConvert.Action.Tests;

/// <summary>action/post-comment.sh against a local server with recorded GitHub responses.</summary>
[Trait("Requires", "jq")]
public sealed class PostCommentTests
{
    private const string FirstPage = "/repos/octo-org/nginx-modules/issues/7/comments?per_page=100";
    private const string SecondPage = "/repositories/771234567/issues/7/comments?per_page=100&page=2";
    private const string NewComment = "/repos/octo-org/nginx-modules/issues/7/comments";
    private const string MarkedComment = "/repos/octo-org/nginx-modules/issues/comments/2002";

    [Fact]
    public void The_marked_comment_on_the_second_page_is_updated()
    {
        using var server = new FakeGitHub();
        using var run = Run(server);
        server.Respond("GET", FirstPage, 200, "comments.page1.json", nextPage: SecondPage);
        server.Respond("GET", SecondPage, 200, "comments.page2.json");
        server.Respond("PATCH", MarkedComment, 200, "comment.updated.json");

        var result = run.Script("post-comment.sh", WriteReport(run));

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(["GET " + FirstPage, "GET " + SecondPage, "PATCH " + MarkedComment], Lines(server));
        Assert.All(server.Requests, r => Assert.Equal("Bearer test-token", r.Authorization));
        Assert.Equal(FakeTool.MarkdownReport + "\n", CommentBody(server.Requests[2]));
        Assert.Equal("https://github.com/octo-org/nginx-modules/pull/7#issuecomment-2002", run.Outputs()["comment-url"]);
        Assert.Contains("ngx-convert: updated https://github.com/octo-org/nginx-modules/pull/7#issuecomment-2002", result.StandardError);
    }

    [Fact]
    public void Without_a_marked_comment_one_is_posted_and_a_quoted_marker_is_not_taken_for_one()
    {
        using var server = new FakeGitHub();
        using var run = Run(server);
        server.Respond("GET", FirstPage, 200, "comments.page1.json", nextPage: SecondPage);
        server.Respond("GET", SecondPage, 200, "comments.page2.unmarked.json");
        server.Respond("POST", NewComment, 201, "comment.created.json");

        var result = run.Script("post-comment.sh", WriteReport(run));

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(["GET " + FirstPage, "GET " + SecondPage, "POST " + NewComment], Lines(server));
        Assert.Equal(FakeTool.MarkdownReport + "\n", CommentBody(server.Requests[2]));
        Assert.Equal("https://github.com/octo-org/nginx-modules/pull/7#issuecomment-3001", run.Outputs()["comment-url"]);
    }

    [Fact]
    public void A_marked_comment_on_the_first_page_ends_the_listing()
    {
        using var server = new FakeGitHub();
        using var run = Run(server);
        server.Respond("GET", FirstPage, 200, "comments.page2.json", nextPage: SecondPage);
        server.Respond("PATCH", MarkedComment, 200, "comment.updated.json");

        var result = run.Script("post-comment.sh", WriteReport(run));

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(["GET " + FirstPage, "PATCH " + MarkedComment], Lines(server));
    }

    [Fact]
    public void An_error_listing_the_comments_stops_with_GitHubs_message_and_posts_nothing()
    {
        using var server = new FakeGitHub();
        using var run = Run(server);
        server.Respond("GET", FirstPage, 403, "error.403.json");

        var result = run.Script("post-comment.sh", WriteReport(run));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["GET " + FirstPage], Lines(server));
        Assert.Contains($"::error title=ngx-convert::GET {FirstPage}: HTTP 403: Resource not accessible by integration", result.StandardError);
        Assert.False(run.Outputs().ContainsKey("comment-url"));
    }

    [Fact]
    public void An_error_on_the_second_page_stops_before_posting()
    {
        using var server = new FakeGitHub();
        using var run = Run(server);
        server.Respond("GET", FirstPage, 200, "comments.page1.json", nextPage: SecondPage);
        server.Respond("GET", SecondPage, 500, "error.500.json");

        var result = run.Script("post-comment.sh", WriteReport(run));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["GET " + FirstPage, "GET " + SecondPage], Lines(server));
        Assert.Contains($"GET {SecondPage}: HTTP 500: Server Error", result.StandardError);
    }

    [Fact]
    public void An_error_on_the_update_is_reported()
    {
        using var server = new FakeGitHub();
        using var run = Run(server);
        server.Respond("GET", FirstPage, 200, "comments.page2.json");
        server.Respond("PATCH", MarkedComment, 403, "error.403.json");

        var result = run.Script("post-comment.sh", WriteReport(run));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"PATCH {MarkedComment}: HTTP 403: Resource not accessible by integration", result.StandardError);
    }

    [Fact]
    public void A_server_that_cannot_be_reached_is_an_error()
    {
        using var run = new ActionRun();
        PullRequests.ChangeTwoModules(run);
        run.Environment["GITHUB_API_URL"] = "http://127.0.0.1:9";

        var result = run.Script("post-comment.sh", WriteReport(run));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"GET {FirstPage}: the request failed (curl exit 7)", result.StandardError);
    }

    [Theory]
    [InlineData("contributor/nginx-modules")]
    [InlineData(null)]
    public void A_pull_request_from_a_fork_posts_nothing(string? headRepository)
    {
        using var server = new FakeGitHub();
        using var run = Run(server);
        var (baseSha, headSha) = PullRequests.ChangeTwoModules(run);
        run.WriteEvent(Recorded.PullRequestEvent(baseSha, headSha, headRepository));

        var result = run.Script("post-comment.sh", WriteReport(run));

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Empty(server.Requests);
        Assert.Contains($"pull request #7 comes from the fork {headRepository ?? "(deleted)"}, whose token cannot write to octo-org/nginx-modules: the comment is skipped", result.StandardError);
    }

    [Fact]
    public void A_fork_on_pull_request_target_has_a_token_that_writes()
    {
        using var server = new FakeGitHub();
        using var run = Run(server);
        var (baseSha, headSha) = PullRequests.ChangeTwoModules(run);
        run.WriteEvent(Recorded.PullRequestEvent(baseSha, headSha, "contributor/nginx-modules"), "pull_request_target");
        server.Respond("GET", FirstPage, 200, "comments.page2.unmarked.json");
        server.Respond("POST", NewComment, 201, "comment.created.json");

        var result = run.Script("post-comment.sh", WriteReport(run));

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(["GET " + FirstPage, "POST " + NewComment], Lines(server));
    }

    [Fact]
    public void With_no_module_changed_the_earlier_comment_says_all_clear()
    {
        using var server = new FakeGitHub();
        using var run = Run(server);
        server.Respond("GET", FirstPage, 200, "comments.page1.json", nextPage: SecondPage);
        server.Respond("GET", SecondPage, 200, "comments.page2.json");
        server.Respond("PATCH", MarkedComment, 200, "comment.updated.json");

        var result = run.Script("post-comment.sh", "--all-clear");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(["GET " + FirstPage, "GET " + SecondPage, "PATCH " + MarkedComment], Lines(server));
        var headSha = JsonDocument.Parse(File.ReadAllText(run.EventFile)).RootElement.GetProperty("pull_request").GetProperty("head").GetProperty("sha").GetString();
        Assert.Equal(
            $"<!-- ngx-convert:report -->\n### ngx-convert\n\nThis pull request no longer changes any nginx module (as of {headSha}): nothing to check.\n",
            CommentBody(server.Requests[2]));
    }

    [Fact]
    public void With_no_module_changed_and_no_earlier_comment_nothing_is_posted()
    {
        using var server = new FakeGitHub();
        using var run = Run(server);
        server.Respond("GET", FirstPage, 200, "comments.page1.json", nextPage: SecondPage);
        server.Respond("GET", SecondPage, 200, "comments.page2.unmarked.json");

        var result = run.Script("post-comment.sh", "--all-clear");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(["GET " + FirstPage, "GET " + SecondPage], Lines(server));
        Assert.Contains("no module changed and no earlier comment: nothing posted", result.StandardError);
    }

    [Theory]
    [InlineData("")]
    [InlineData("empty-report")]
    public void A_missing_token_or_report_is_a_usage_error(string missing)
    {
        using var server = new FakeGitHub();
        using var run = Run(server);
        var report = WriteReport(run);
        if (missing == "empty-report")
        {
            File.WriteAllText(report, string.Empty);
        }
        else
        {
            run.Environment["GITHUB_TOKEN"] = string.Empty;
        }

        var result = run.Script("post-comment.sh", report);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.Requests);
        Assert.Contains(missing == "empty-report" ? "is missing or empty" : "GITHUB_TOKEN is empty", result.StandardError);
    }

    private static ActionRun Run(FakeGitHub server)
    {
        var run = new ActionRun();
        PullRequests.ChangeTwoModules(run);
        run.Environment["GITHUB_API_URL"] = server.BaseUrl;
        return run;
    }

    private static string WriteReport(ActionRun run)
    {
        var path = Path.Combine(run.Scratch("reports"), "report.md");
        File.WriteAllText(path, FakeTool.MarkdownReport + "\n");
        return path;
    }

    private static string[] Lines(FakeGitHub server) => [.. server.Requests.Select(r => r.Method + " " + r.PathAndQuery)];

    private static string? CommentBody(RecordedRequest request)
    {
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(["body"], json.RootElement.EnumerateObject().Select(p => p.Name));
        return json.RootElement.GetProperty("body").GetString();
    }
}
