using ConfigConvert.Analyzers;
using ConfigConvert.CSources;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.Fuzz.Targets;

/// <summary>
/// The rules of <c>check</c> and their <c>--fix</c>: no exception, and what the fixes write still
/// tokenizes: a C file gains no tokenizer problem it did not have, a config that parsed still parses.
/// </summary>
internal sealed class CheckFixTarget : FuzzTarget
{
    public override string Name => "check-fix";

    public override IReadOnlyList<string> Dictionaries => ["shell.dict", "c.dict"];

    public override string Description => "ModuleChecker.Check with Fix (input: a module): no exception; fixed C files gain no tokenizer diagnostic, a config without syntax errors keeps none";

    public override void Run(byte[] input)
    {
        var files = ModuleInput.Split(input);
        var directory = Workspace.Directory("module", files);
        _ = ModuleChecker.Check([directory], new CheckOptions { Fix = true, MaxParallelism = 1 });
        foreach (var (name, before) in files)
        {
            var after = File.ReadAllBytes(Path.Combine(directory, name));
            if (!after.AsSpan().SequenceEqual(before))
            {
                CompareFixed(name, before, after);
            }
        }
    }

    public override IEnumerable<Seed> Seeds(string repository)
        => FixtureFiles.Modules(repository, "tests/fixtures/checks").Concat(FixtureFiles.Modules(repository, "tests/fixtures/modules"));

    private static void CompareFixed(string name, byte[] before, byte[] after)
    {
        if (name == "config")
        {
            if (!SyntaxTree.ParseText(SourceText.From(before)).HasErrors && SyntaxTree.ParseText(SourceText.From(after)).HasErrors is true)
            {
                throw new PropertyViolation("--fix made a config that parsed into one that does not");
            }

            return;
        }

        var problemsBefore = TokenizerProblems(name, before);
        var added = TokenizerProblems(name, after).Except(problemsBefore).ToList();
        if (added.Count > 0)
        {
            throw new PropertyViolation($"--fix made `{name}` fail to tokenize: {string.Join("; ", added)}");
        }
    }

    private static HashSet<string> TokenizerProblems(string name, byte[] content)
        => [.. CSourceIndex.Build([(name, content)]).Diagnostics.Select(d => $"{d.Id} {d.Message}")];
}
