using ConfigConvert.TestSupport;
using YamlDotNet.RepresentationModel;

namespace ConfigConvert.Action.Tests;

/// <summary>
/// action/example-workflow.yml, the workflow the README shows: it parses as YAML, runs on pull requests, checks
/// out the whole history before the action, uses the action of this repository (<c>./</c>) with inputs action.yml
/// declares, and the README shows it as it is.
/// </summary>
public sealed class ExampleWorkflowTests
{
    private static readonly string WorkflowText = File.ReadAllText(RepoPaths.Combine("action", "example-workflow.yml"));

    [Fact]
    public void It_uses_this_repository_s_action_after_a_full_checkout_with_declared_inputs()
    {
        var workflow = Root(WorkflowText);
        Assert.True(workflow.Children.ContainsKey("on"), "the workflow says no event");
        Assert.True(((YamlMappingNode)workflow["on"]).Children.ContainsKey("pull_request"));
        var job = Assert.Single(((YamlMappingNode)workflow["jobs"]).Children).Value;
        var steps = ((YamlSequenceNode)((YamlMappingNode)job)["steps"]).Children.Cast<YamlMappingNode>().ToList();
        var uses = steps.Select(s => s.Children.TryGetValue("uses", out var u) ? ((YamlScalarNode)u).Value : null).ToList();

        var action = uses.IndexOf("./");
        Assert.True(action > 0, $"no step uses ./ after another step: {string.Join(", ", uses)}");
        var checkout = uses.FindIndex(u => u?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        Assert.InRange(checkout, 0, action - 1);
        Assert.Equal("0", ((YamlScalarNode)((YamlMappingNode)steps[checkout]["with"])["fetch-depth"]).Value);

        var declared = ((YamlMappingNode)Root(File.ReadAllText(RepoPaths.Combine("action.yml")))["inputs"]).Children.Keys
            .Select(k => ((YamlScalarNode)k).Value!).ToHashSet(StringComparer.Ordinal);
        var given = ((YamlMappingNode)steps[action]["with"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
        Assert.NotEmpty(given);
        Assert.All(given, input => Assert.Contains(input, declared));
    }

    [Fact]
    public void The_README_shows_the_workflow_as_it_is()
    {
        var readme = File.ReadAllText(RepoPaths.Combine("README.md"));
        var body = WorkflowText[WorkflowText.IndexOf("name:", StringComparison.Ordinal)..];
        Assert.Contains("```yaml\n" + body + "```\n", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("OWNER/", readme, StringComparison.Ordinal);
    }

    private static YamlMappingNode Root(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
