using ConfigConvert.TestSupport;

namespace ConfigConvert.Packaging.Tests;

/// <summary>
/// The native executable behaves as the framework-dependent tool does: over the sample module and every
/// fixture module, each command below gives the same exit code, standard output and standard error.
/// </summary>
[Collection(PackagesCollection.Name)]
[Trait("Requires", "dotnet-pack")]
public sealed class AotParityTests(PackagesFixture packages)
{
    private static readonly string[][] Invocations =
    [
        ["parse", "config"],
        ["parse", "--format", "json", "config"],
        ["describe", "."],
        ["describe", "--link", "dynamic", "--format", "json", "."],
        ["convert", "--diff", "."],
        ["convert", "--check", "."],
        ["check", "--format", "json", "."],
        ["check", "."],
    ];

    public static TheoryData<string> Modules =>
        [Path.Combine("samples", "ngx_http_hello_module"),
         .. Directory.GetDirectories(RepoPaths.Combine("tests", "fixtures", "modules"))
             .Select(d => Path.GetRelativePath(RepoPaths.Root, d))
             .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Modules))]
    public void The_native_tool_answers_as_the_framework_dependent_one(string module)
    {
        var directory = RepoPaths.Combine(module);
        var differences = new List<string>();
        foreach (var arguments in Invocations)
        {
            var native = packages.Tool!.Run(directory, arguments);
            var managed = packages.FallbackTool!.Run(directory, arguments);
            var command = "ngx-convert " + string.Join(' ', arguments);
            Compare(differences, command, "exit code", native.ExitCode.ToString(), managed.ExitCode.ToString());
            Compare(differences, command, "stdout", native.StandardOutput, managed.StandardOutput);
            Compare(differences, command, "stderr", native.StandardError, managed.StandardError);
        }

        Assert.True(differences.Count == 0, $"in {module}:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void Bad_usage_fails_alike()
    {
        var native = packages.Tool!.Run(RepoPaths.Root, "describe", "--format", "yaml", "no-such-module");
        var managed = packages.FallbackTool!.Run(RepoPaths.Root, "describe", "--format", "yaml", "no-such-module");
        Assert.Equal(2, native.ExitCode);
        Assert.Equal((managed.ExitCode, managed.StandardOutput, managed.StandardError), (native.ExitCode, native.StandardOutput, native.StandardError));
    }

    private static void Compare(List<string> differences, string command, string what, string native, string managed)
    {
        if (native != managed)
        {
            differences.Add($"{command}: {what} differs\n  native:    {Shorten(native)}\n  framework: {Shorten(managed)}");
        }
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "...";
}
