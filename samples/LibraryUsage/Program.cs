// Uses ConfigConvert's public API on one nginx module: describes what its config registers, runs the
// rules over it, converts the config and prints the conversion as a diff. Nothing is written.
//
//     dotnet run --project samples/LibraryUsage -- samples/ngx_http_hello_module
using ConfigConvert.Analyzers;
using ConfigConvert.Converter;
using ConfigConvert.ModuleModel;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: LibraryUsage MODULE_DIRECTORY");
    return 2;
}

var module = ModuleDirectory.Load(args[0]);
if (module.HasIoError)
{
    module.Diagnostics.ToList().ForEach(d => Console.Error.WriteLine(d));
    return 2;
}

Describe(module);
Check(module.Path);
return Convert(module);

// What configure would register when the config is sourced for `--add-module`.
static void Describe(ModuleDirectory module)
{
    var description = module.Describe(LinkMode.Addon);
    Console.WriteLine($"== describe ({description.Outcomes.Length} outcome(s))");
    foreach (var outcome in description.Outcomes)
    {
        foreach (var registered in outcome.Modules)
        {
            Console.WriteLine($"module {registered.Name} ({registered.Type})");
        }

        foreach (var source in outcome.Sources)
        {
            Console.WriteLine($"source {source.Value}");
        }
    }
}

// The rules of `ngx-convert check`, without --fix: findings only.
static void Check(string moduleDirectory)
{
    var report = ModuleChecker.Check([moduleDirectory]);
    Console.WriteLine($"== check ({report.Diagnostics.Count()} finding(s))");
    foreach (var diagnostic in report.Diagnostics)
    {
        Console.WriteLine($"{diagnostic.Severity} {diagnostic.Id} line {diagnostic.Location.Start.Line}: {diagnostic.Message}");
    }
}

// The conversion, proven by the converter before it is returned, as changed lines.
static int Convert(ModuleDirectory module)
{
    var result = ConfigConverter.Convert(module);
    Console.WriteLine($"== convert ({result.Status})");
    foreach (var diagnostic in result.Diagnostics)
    {
        Console.WriteLine($"{diagnostic.Severity} {diagnostic.Id}: {diagnostic.Message}");
    }

    if (result.ConvertedText is not { } converted)
    {
        return result.Status == ConversionStatus.Refused ? 1 : 0;
    }

    var diff = new InlineDiffBuilder(new Differ()).BuildDiffModel(result.Original.Text, converted, ignoreWhitespace: false);
    foreach (var line in diff.Lines.Where(l => l.Type is ChangeType.Inserted or ChangeType.Deleted))
    {
        Console.WriteLine((line.Type == ChangeType.Inserted ? "+" : "-") + line.Text);
    }

    return 0;
}
