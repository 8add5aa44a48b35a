using ConfigConvert.Converter;
using ConfigConvert.ModuleModel;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.Fuzz.Targets;

/// <summary>
/// The converter: no exception; a config it converts (it proves each conversion with its self-check
/// before returning it) parses without errors, and converting that output again changes nothing.
/// </summary>
internal sealed class ConvertTarget : FuzzTarget
{
    public override string Name => "convert";

    public override IReadOnlyList<string> Dictionaries => ["shell.dict"];

    public override string Description => "ConfigConverter.Convert (input: a module): no exception; converted output parses without errors and, converted again, is Unchanged (it passes the self-check as it is)";

    public override void Run(byte[] input)
    {
        var files = ModuleInput.Split(input);
        var result = ConfigConverter.Convert(ModuleDirectory.Load(Workspace.Directory("module", files)));
        if (result.Status != ConversionStatus.Converted)
        {
            return;
        }

        var converted = result.ConvertedBytes!;
        var tree = SyntaxTree.ParseText(SourceText.From(converted), "config");
        if (tree.HasErrors)
        {
            throw new PropertyViolation("the converted config does not parse: " + string.Join("; ", tree.GetDiagnostics().Select(d => $"{d.Id} {d.Message}")));
        }

        var again = ConfigConverter.Convert(ModuleDirectory.Load(Workspace.Directory("module", [("config", converted), .. files.Skip(1)])));
        if (again.Status != ConversionStatus.Unchanged)
        {
            throw new PropertyViolation($"converting the converted config again gives {again.Status}: " + string.Join("; ", again.Diagnostics.Select(d => $"{d.Id} {d.Message}")));
        }
    }

    public override IEnumerable<Seed> Seeds(string repository)
        => FixtureFiles.Modules(repository, "tests/fixtures").Concat(FixtureFiles.GoldenInputs(repository, "tests/Converter.Tests/Golden"));
}
