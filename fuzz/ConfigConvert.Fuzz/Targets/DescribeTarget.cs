using ConfigConvert.ModuleModel;

namespace ConfigConvert.Fuzz.Targets;

/// <summary>The evaluator: describing a module under every link mode never throws and stays inside its step bound.</summary>
internal sealed class DescribeTarget : FuzzTarget
{
    public override string Name => "describe";

    public override IReadOnlyList<string> Dictionaries => ["shell.dict"];

    public override string Description => "ModuleDirectory.Describe under each link mode (input: a module, see ModuleInput): no exception; finishes within afl-fuzz's -t (the evaluator's step bound)";

    public override void Run(byte[] input)
    {
        var module = ModuleDirectory.Load(Workspace.Directory("module", ModuleInput.Split(input)));
        foreach (var link in Enum.GetValues<LinkMode>())
        {
            _ = module.Describe(link);
        }
    }

    public override IEnumerable<Seed> Seeds(string repository)
        => FixtureFiles.Modules(repository, "tests/fixtures").Concat(FixtureFiles.GoldenInputs(repository, "tests/Converter.Tests/Golden"));
}
