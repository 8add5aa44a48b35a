namespace ConfigConvert.Cli.Tests;

/// <summary>
/// Files that are not regular files, met as a module's config or inside a module: <c>/dev/zero</c> (it never ends),
/// a FIFO (opening it waits for a writer), each reached through a symbolic link, whose own size is not its target's.
/// Every command ends, with a message and a documented exit code: no hang, no running out of memory.
/// </summary>
public sealed class SpecialFileInputTests
{
    public static TheoryData<string> Commands => ["parse", "describe", "convert", "check"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_config_that_links_to_dev_zero_is_refused_as_too_large_with_exit_2(string command)
    {
        using var dir = new TempDirectory();
        File.CreateSymbolicLink(Path.Combine(dir.Path, "config"), "/dev/zero");

        var result = Run(command, dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches("too large|larger than 16 MiB", result.Out + result.Error);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Sources_and_patches_that_link_to_dev_zero_do_not_stop_the_module_being_read(string command)
    {
        using var dir = new TempDirectory();
        dir.Write("config", "ngx_addon_name=ngx_http_z_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_z_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/z.c\"\n");
        dir.Write("z.c", "int z;\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "zero.c"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "zero.h"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "nginx.patch"), "/dev/zero");

        var result = Run(command, dir.Path);

        Assert.InRange(result.ExitCode, 0, 1);
        Assert.DoesNotContain("Out of memory", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("convert")]
    public void A_tree_whose_config_links_to_a_fifo_is_searched_without_waiting_for_a_writer(string command)
    {
        using var dir = new TempDirectory();
        var fifo = ConfigConvert.TestSupport.Fifo.Create(Path.Combine(dir.Path, "fifo"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "tree", "m"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "tree", "m", "config"), fifo);

        var result = command == "check" ? CliRunner.Run("check", Path.Combine(dir.Path, "tree")) : CliRunner.Run("convert", "--check", Path.Combine(dir.Path, "tree"));

        // Nothing reads like a module there: an empty config names nothing.
        Assert.Equal(2, result.ExitCode);
        Assert.Matches("CC5903|CC2002", result.Out + result.Error);
    }

    /// <summary>
    /// A baseline to write that is a pipe is refused (exit 2), left a pipe, and not opened for the report's line of
    /// context: the run does not wait for a writer. Run on a thread of its own, so that a run that waits fails here.
    /// </summary>
    [Fact]
    public async Task A_baseline_to_write_that_is_a_fifo_is_left_as_it_is_without_waiting_for_it()
    {
        using var dir = new TempDirectory();
        var fifo = ConfigConvert.TestSupport.Fifo.Create(Path.Combine(dir.Path, "baseline.json"));

        var result = await Task.Run(() => CliRunner.Run("check", ConfigConvert.TestSupport.ModuleFixtures.PathOf("http_single"), "--baseline", fifo, "--write-baseline"))
            .WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error CC5911: cannot write `{fifo}`: `{fifo}` is not a regular file (a device, a pipe or a socket); it was not replaced", result.Out + result.Error, StringComparison.Ordinal);
        Assert.True(ConfigConvert.IO.FileKind.IsSpecial(fifo));
    }

    [Fact]
    public void Inspect_of_dev_zero_is_an_unreadable_file_not_a_crash()
    {
        var result = CliRunner.Run("inspect", "/dev/zero");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CC6001", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains("too large", result.Out + result.Error, StringComparison.Ordinal);
    }

    private static CliRunner.Result Run(string command, string module) => command switch
    {
        "parse" => CliRunner.Run("parse", Path.Combine(module, "config")),
        "check" => CliRunner.Run("check", "--fail-on", "error", module),
        "convert" => CliRunner.Run("convert", "--diff", module),
        _ => CliRunner.Run(command, module),
    };
}
