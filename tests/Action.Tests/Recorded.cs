using System.Text.Json.Nodes;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Action.Tests;

/// <summary>The recorded payloads and responses of <c>tests/Action.Tests/Recorded</c>.</summary>
internal static class Recorded
{
    public static string Text(string name) => File.ReadAllText(RepoPaths.Combine("tests", "Action.Tests", "Recorded", name));

    /// <summary>
    /// The recorded pull_request event with the commits of a test's repository, and optionally the
    /// head from another repository (a fork; null: a fork since deleted).
    /// </summary>
    public static string PullRequestEvent(string baseSha, string headSha, string? headRepository = "octo-org/nginx-modules")
    {
        var payload = JsonNode.Parse(Text("pull_request.synchronize.json"))!;
        var pullRequest = payload["pull_request"]!;
        pullRequest["base"]!["sha"] = baseSha;
        pullRequest["head"]!["sha"] = headSha;
        payload["before"] = baseSha;
        payload["after"] = headSha;
        if (headRepository is null)
        {
            pullRequest["head"]!["repo"] = null;
        }
        else
        {
            pullRequest["head"]!["repo"]!["full_name"] = headRepository;
            pullRequest["head"]!["repo"]!["fork"] = headRepository != "octo-org/nginx-modules";
        }

        return payload.ToJsonString();
    }
}
