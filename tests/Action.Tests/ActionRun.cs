using ConfigConvert.TestSupport;

namespace ConfigConvert.Action.Tests;

/// <summary>
/// One run of the action's scripts as a GitHub runner gives them their world: a workspace that is
/// a git repository, an event payload, <c>RUNNER_TEMP</c>, <c>GITHUB_OUTPUT</c> and the other files
/// and variables, all in a temporary directory; every variable the scripts read is set here, so
/// that a test run inside GitHub Actions does not see the real ones.
/// </summary>
internal sealed class ActionRun : IDisposable
{
    private const string InstallHint = "install bash, git, jq and curl (apt-get install git jq curl), as GitHub's ubuntu runners have them";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cc-action-" + Guid.NewGuid().ToString("N"));

    public ActionRun()
    {
        foreach (var program in new[] { "bash", "git", "jq", "curl" })
        {
            ExternalTool.Require(program, InstallHint);
        }

        Directory.CreateDirectory(Workspace);
        Directory.CreateDirectory(RunnerTemp);
        Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GITHUB_EVENT_PATH"] = EventFile,
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_API_URL"] = "http://127.0.0.1:9",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "octo-org/nginx-modules",
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_OUTPUT"] = OutputFile,
            ["GITHUB_STEP_SUMMARY"] = SummaryFile,
            ["GITHUB_PATH"] = PathFile,
            ["GITHUB_TOKEN"] = "test-token",
            ["RUNNER_TEMP"] = RunnerTemp,
            ["NGX_CONVERT_WORK"] = string.Empty,
            ["NGX_CONVERT"] = string.Empty,
            ["NGX_CONVERT_FAIL_ON"] = string.Empty,
            ["NGX_CONVERT_ARGS"] = string.Empty,
            ["NGX_CONVERT_REPORT_URL"] = string.Empty,
            ["NGX_CONVERT_LINK_BASE"] = string.Empty,
            ["NGX_CONVERT_VERSION"] = string.Empty,
            ["NGX_CONVERT_FEED"] = string.Empty,
            ["NGX_CONVERT_SOURCE"] = string.Empty,
            ["NGX_CONVERT_TOOL_DIR"] = string.Empty,
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_AUTHOR_NAME"] = "ConfigConvert",
            ["GIT_AUTHOR_EMAIL"] = "tests@example.invalid",
            ["GIT_COMMITTER_NAME"] = "ConfigConvert",
            ["GIT_COMMITTER_EMAIL"] = "tests@example.invalid",
        };
    }

    public string Workspace => Path.Combine(_root, "workspace");

    public string RunnerTemp => Path.Combine(_root, "runner-temp");

    /// <summary>Where the scripts leave files for each other ($RUNNER_TEMP/ngx-convert).</summary>
    public string WorkDirectory => Path.Combine(RunnerTemp, "ngx-convert");

    public string EventFile => Path.Combine(_root, "event.json");

    public string OutputFile => Path.Combine(_root, "github-output");

    public string SummaryFile => Path.Combine(_root, "step-summary.md");

    public string PathFile => Path.Combine(_root, "github-path");

    public Dictionary<string, string> Environment { get; }

    /// <summary>A directory of the run outside the workspace (fake programs, feeds).</summary>
    public string Scratch(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    public void WriteEvent(string json, string eventName = "pull_request")
    {
        File.WriteAllText(EventFile, json);
        Environment["GITHUB_EVENT_NAME"] = eventName;
    }

    /// <summary>Runs <c>bash action/NAME</c> in the workspace, as action.yml does.</summary>
    public ExternalTool.Result Script(string name, params string[] arguments)
        => ExternalTool.Run("bash", [RepoPaths.Combine("action", name), .. arguments], Workspace, Environment, TimeSpan.FromMinutes(2));

    /// <summary>The step outputs written to GITHUB_OUTPUT, in both of GitHub's forms (<c>name=value</c>, <c>name&lt;&lt;DELIMITER</c>).</summary>
    public IReadOnlyDictionary<string, string> Outputs()
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(OutputFile))
        {
            return outputs;
        }

        var lines = File.ReadAllLines(OutputFile);
        for (var i = 0; i < lines.Length; i++)
        {
            var heredoc = lines[i].IndexOf("<<", StringComparison.Ordinal);
            var equals = lines[i].IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var delimiter = lines[i][(heredoc + 2)..];
                var end = Array.IndexOf(lines, delimiter, i + 1);
                outputs[lines[i][..heredoc]] = string.Join("\n", lines[(i + 1)..end]);
                i = end;
            }
            else
            {
                outputs[lines[i][..equals]] = lines[i][(equals + 1)..];
            }
        }

        return outputs;
    }

    public void Write(string relativePath, string content)
    {
        var full = Path.Combine(Workspace, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>Runs git in the workspace and returns its output; a failure fails the test.</summary>
    public string Git(params string[] arguments)
    {
        var result = ExternalTool.Run("git", arguments, Workspace, Environment);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)}: {result.StandardError}");
        return result.StandardOutput.Trim();
    }

    public void InitRepository() => Git("init", "--quiet", "--initial-branch=main");

    /// <summary>Commits everything in the workspace and returns the commit.</summary>
    public string Commit(string message)
    {
        Git("add", "--all");
        Git("commit", "--quiet", "--allow-empty", "-m", message);
        return Git("rev-parse", "HEAD");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
