using System.Text.RegularExpressions;
using ConfigConvert.TestSupport;
using YamlDotNet.RepresentationModel;

namespace ConfigConvert.Action.Tests;

/// <summary>action.yml as GitHub reads it: the inputs, steps and outputs it names exist, and the README documents its inputs.</summary>
public sealed partial class ActionDefinitionTests
{
    private static readonly string ActionText = File.ReadAllText(RepoPaths.Combine("action.yml"));

    private static readonly YamlMappingNode Action = (YamlMappingNode)Load().Documents[0].RootNode;

    [Fact]
    public void It_is_a_composite_action_whose_run_steps_use_bash_and_existing_scripts()
    {
        var runs = Mapping(Action, "runs");
        Assert.Equal("composite", Scalar(runs, "using"));
        var scripts = Steps().Where(s => s.Children.ContainsKey("run")).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, step => Assert.Equal("bash", Scalar(step, "shell")));
        foreach (var script in Steps().Select(Script).OfType<string>())
        {
            Assert.True(File.Exists(RepoPaths.Combine("action", script)), $"action.yml runs action/{script}, which does not exist");
        }
    }

    [Fact]
    public void Every_input_it_uses_is_declared_and_every_declared_input_is_used()
    {
        var declared = Mapping(Action, "inputs").Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet(StringComparer.Ordinal);
        var used = InputUse().Matches(ActionText).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(used.Except(declared));
        Assert.Empty(declared.Except(used));
    }

    [Fact]
    public void Every_step_output_it_reads_is_written_by_that_steps_script()
    {
        var scripts = Steps().Where(s => s.Children.ContainsKey("id") && Script(s) is not null)
            .ToDictionary(s => Scalar(s, "id"), s => File.ReadAllText(RepoPaths.Combine("action", Script(s)!)), StringComparer.Ordinal);
        var reads = StepOutputUse().Matches(ActionText).Select(m => (Step: m.Groups[1].Value, Output: m.Groups[2].Value)).Distinct().ToList();
        Assert.NotEmpty(reads);
        foreach (var (step, output) in reads)
        {
            Assert.True(scripts.ContainsKey(step), $"action.yml reads steps.{step}, which is not a step that runs a script");
            Assert.True(scripts[step].Contains($"ngx_set_output {output} ", StringComparison.Ordinal), $"the script of step {step} never writes the output {output}");
        }
    }

    [Fact]
    public void The_README_documents_every_input_and_output()
    {
        var readme = File.ReadAllText(RepoPaths.Combine("README.md"));
        var names = Mapping(Action, "inputs").Children.Keys.Concat(Mapping(Action, "outputs").Children.Keys).Select(k => ((YamlScalarNode)k).Value!);
        Assert.All(names, name => Assert.Contains($"| `{name}` |", readme, StringComparison.Ordinal));
    }

    private static YamlStream Load()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(ActionText));
        return stream;
    }

    private static IEnumerable<YamlMappingNode> Steps() => ((YamlSequenceNode)Mapping(Action, "runs")["steps"]).Children.Cast<YamlMappingNode>();

    private static string? Script(YamlMappingNode step)
        => step.Children.TryGetValue("run", out var run) && ScriptUse().Match(((YamlScalarNode)run).Value!) is { Success: true } match ? match.Groups[1].Value : null;

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    [GeneratedRegex(@"\binputs\.([A-Za-z0-9_-]+)")]
    private static partial Regex InputUse();

    [GeneratedRegex(@"\bsteps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)")]
    private static partial Regex StepOutputUse();

    [GeneratedRegex(@"\$GITHUB_ACTION_PATH/action/([A-Za-z0-9_-]+\.sh)")]
    private static partial Regex ScriptUse();
}
