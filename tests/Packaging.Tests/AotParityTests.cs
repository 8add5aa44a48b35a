using ConfigConvert.Cli;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Packaging.Tests;

/// <summary>
/// The native executable behaves as the framework-dependent tool does: over the sample module and every
/// fixture module, each command below gives the same exit code, standard output and standard error. The
/// framework-dependent package is run as a user runs it over the sample module; over every module, the
/// native executable is compared with the framework-dependent build of the same code run in this process
/// (each process of the framework-dependent tool takes about 0.2 s to start, and one per command and module
/// was a minute of every test run).
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

    [Fact]
    public void The_framework_dependent_package_answers_as_the_native_one_over_the_sample()
    {
        var directory = RepoPaths.Combine("samples", "ngx_http_hello_module");
        var differences = new List<string>();
        foreach (var arguments in Invocations)
        {
            var native = packages.Tool!.Run(directory, arguments);
            var managed = packages.FallbackTool!.Run(directory, arguments);
            Compare(differences, arguments, (native.ExitCode, native.StandardOutput, native.StandardError), (managed.ExitCode, managed.StandardOutput, managed.StandardError));
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void The_native_tool_answers_as_the_framework_dependent_build(string module)
    {
        // The module is named by its full path, as the run in this process cannot change directory.
        var directory = RepoPaths.Combine(module);
        var differences = new List<string>();
        foreach (var arguments in Invocations.Select(a => a.Select(argument => Absolute(directory, argument)).ToArray()))
        {
            var native = packages.Tool!.Run(directory, arguments);
            Compare(differences, arguments, (native.ExitCode, native.StandardOutput, native.StandardError), RunInProcess(arguments));
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

    private static void Compare(List<string> differences, string[] arguments, (int ExitCode, string Out, string Error) native, (int ExitCode, string Out, string Error) managed)
    {
        var command = "ngx-convert " + string.Join(' ', arguments);
        Compare(differences, command, "exit code", native.ExitCode.ToString(), managed.ExitCode.ToString());
        Compare(differences, command, "stdout", native.Out, managed.Out);
        Compare(differences, command, "stderr", native.Error, managed.Error);
    }

    private static void Compare(List<string> differences, string command, string what, string native, string managed)
    {
        if (native != managed)
        {
            differences.Add($"{command}: {what} differs\n  native:    {Shorten(native)}\n  framework: {Shorten(managed)}");
        }
    }

    // As the installed tool runs with its output redirected and NO_COLOR set: not a terminal, no colour, no progress.
    private static (int ExitCode, string Out, string Error) RunInProcess(string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApplication.Run(arguments, new CliConsole(output, error) { IsTerminal = false, UseColor = false, ShowsProgress = false });
        return (code, output.ToString(), error.ToString());
    }

    private static string Absolute(string directory, string argument)
        => argument == "." ? directory : argument == "config" ? Path.Combine(directory, "config") : argument;

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "...";
}
