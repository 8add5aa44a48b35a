using System.Text;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Fuzz.Targets;

/// <summary>
/// The evaluator: describing a module under every link mode never throws and stays inside its step bound, and
/// the link modes evaluated one after another (the later ones starting their worlds where the first left off)
/// describe the module as each evaluated alone does.
/// </summary>
internal sealed class DescribeTarget : FuzzTarget
{
    public override string Name => "describe";

    public override IReadOnlyList<string> Dictionaries => ["shell.dict"];

    public override string Description => "ModuleDirectory.Describe under each link mode (input: a module, see ModuleInput): no exception; finishes within afl-fuzz's -t (the evaluator's step bound); each link mode's description is the one a directory described in that link mode alone gives";

    public override void Run(byte[] input)
    {
        var directory = Workspace.Directory("module", ModuleInput.Split(input));
        var module = ModuleDirectory.Load(directory);
        foreach (var link in Enum.GetValues<LinkMode>())
        {
            var together = Render(module.Describe(link));
            var alone = Render(ModuleDirectory.Load(directory).Describe(link));
            if (together != alone)
            {
                throw new PropertyViolation($"described after the other link modes, {link} gives\n{together}\nwhere described alone it gives\n{alone}");
            }
        }
    }

    /// <summary>What a description says, as text: every outcome's facts and every diagnostic.</summary>
    private static string Render(ModuleDescription description)
    {
        var text = new StringBuilder();
        foreach (var outcome in description.Outcomes)
        {
            text.AppendJoin(' ', outcome.Assumptions).Append(" | exit ").Append(outcome.Exited).Append(' ').Append(outcome.ExitStatus).AppendLine();
            foreach (var facts in new IEnumerable<object>[] { outcome.Modules, outcome.RemovedModules, outcome.Sources, outcome.Deps, outcome.Incs, outcome.Libs, outcome.Use, outcome.SharedObjects, outcome.AutoModuleCalls, outcome.Defines, outcome.Commands, outcome.Unknowns, outcome.RequiredModules, outcome.WrittenFiles })
            {
                text.AppendJoin('\n', facts).AppendLine();
            }

            text.AppendJoin('\n', outcome.ChangedVariables.Select(v => $"{v.Key}={v.Value}")).AppendLine();
        }

        return text.AppendJoin('\n', description.Diagnostics).ToString();
    }

    public override IEnumerable<Seed> Seeds(string repository)
        => FixtureFiles.Modules(repository, "tests/fixtures").Concat(FixtureFiles.GoldenInputs(repository, "tests/Converter.Tests/Golden"));
}
