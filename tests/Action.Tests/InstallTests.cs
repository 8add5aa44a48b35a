using ConfigConvert.TestSupport;

namespace ConfigConvert.Action.Tests;

/// <summary>action/install.sh, with a fake dotnet that records how it is called.</summary>
[Trait("Requires", "jq")]
public sealed class InstallTests
{
    [Fact]
    public void Without_a_version_the_tool_is_built_from_the_actions_repository()
    {
        using var run = new ActionRun();
        var log = Prepare(run);

        var result = run.Script("install.sh");

        Assert.True(result.ExitCode == 0, result.StandardError);
        var toolDirectory = Path.Combine(run.RunnerTemp, "ngx-convert-tool");
        string[][] expected = [["publish", RepoPaths.Combine("src", "Cli", "ConfigConvert.Cli.csproj"), "--configuration", "Release", "--output", toolDirectory, "--nologo"]];
        Assert.Equal(expected, FakeTool.Runs(log));
        Assert.Equal(Path.Combine(toolDirectory, "ngx-convert"), run.Outputs()["path"]);
        Assert.Equal(toolDirectory + "\n", File.ReadAllText(run.PathFile));
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://pkgs.example.invalid/nuget/v3/index.json")]
    public void A_version_is_installed_as_a_dotnet_tool_from_nuget_org_or_the_feed(string feed)
    {
        using var run = new ActionRun();
        var log = Prepare(run);
        run.Environment["NGX_CONVERT_VERSION"] = "0.1.0";
        run.Environment["NGX_CONVERT_FEED"] = feed;
        run.Environment["NGX_CONVERT_TOOL_DIR"] = Path.Combine(run.RunnerTemp, "tools");

        var result = run.Script("install.sh");

        Assert.True(result.ExitCode == 0, result.StandardError);
        string[] install = ["tool", "install", "ConfigConvert.Tool", "--version", "0.1.0", "--tool-path", Path.Combine(run.RunnerTemp, "tools")];
        string[][] expected = [feed.Length == 0 ? install : [.. install, "--add-source", feed]];
        Assert.Equal(expected, FakeTool.Runs(log));
        Assert.Equal(Path.Combine(run.RunnerTemp, "tools", "ngx-convert"), run.Outputs()["path"]);
    }

    [Fact]
    public void A_failed_install_is_a_clear_error()
    {
        using var run = new ActionRun();
        Prepare(run);
        run.Environment["NGX_CONVERT_VERSION"] = "9.9.9";
        run.Environment["FAKE_DOTNET_EXIT"] = "1";

        var result = run.Script("install.sh");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("::error title=ngx-convert::dotnet tool install ConfigConvert.Tool --version 9.9.9 failed", result.StandardError);
        Assert.False(run.Outputs().ContainsKey("path"));
    }

    private static string Log(ActionRun run) => Path.Combine(run.Scratch("logs"), "dotnet.log");

    /// <summary>Puts the fake dotnet first on PATH; returns its log.</summary>
    private static string Prepare(ActionRun run)
    {
        var log = Log(run);
        var dotnet = FakeTool.Dotnet(run, log);
        run.Environment["PATH"] = Path.GetDirectoryName(dotnet) + ":" + Environment.GetEnvironmentVariable("PATH");
        return log;
    }
}
