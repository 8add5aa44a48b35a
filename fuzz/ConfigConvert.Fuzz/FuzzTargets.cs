using ConfigConvert.Fuzz.Targets;

namespace ConfigConvert.Fuzz;

/// <summary>Every target of the harness.</summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new ParseTarget(),
        new DescribeTarget(),
        new CTokensTarget(),
        new ConvertTarget(),
        new NginxConfTarget(),
        new ElfTarget(),
        new CheckFixTarget(),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
