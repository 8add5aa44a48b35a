namespace ConfigConvert.Cli.Tests.Formats;

/// <summary>
/// Which paths each format writes, for <c>check</c>, <c>convert --check</c> and <c>convert --diff</c> over a
/// tree of modules: the formats read by review tools name files relative to <c>--repository-root</c> and never
/// the absolute path of the checkout (SARIF names it once, as its <c>SRCROOT</c>); <c>text</c> and <c>json</c>
/// name them absolute, as the README says.
/// </summary>
public sealed class RepositoryPathTests
{
    private static readonly string[] ReviewFormats = ["sarif", "github", "markdown", "rdjson", "checkstyle"];

    public static TheoryData<string, string> Commands
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var command in new[] { "check", "convert --check", "convert --diff" })
            {
                foreach (var format in new[] { "text", "json", "sarif", "github", "markdown", "rdjson", "checkstyle" })
                {
                    data.Add(command, format);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Paths_are_relative_to_the_repository_root_in_the_review_formats_and_absolute_in_text_and_json(string command, string format)
    {
        using var repository = FormatFixtures.Repository(FormatFixtures.OldStyle);
        repository.Write("vendor/n/config", "ngx_addon_name=ngx_http_n_module\nngx_module_type=HTTP\nngx_module_name=ngx_http_n_module\nngx_module_srcs=\"$ngx_addon_dir/n.c\"\n. auto/module\n");
        var result = CliRunner.Run([.. command.Split(' '), repository.Path, "--format", format, "--repository-root", repository.Path]);

        Assert.True(result.ExitCode == (command == "convert --diff" ? 0 : 1), $"exit {result.ExitCode}: {result.Error}");
        var output = result.Out;
        if (ReviewFormats.Contains(format))
        {
            var root = format == "sarif" ? output.Replace($"\"uri\": \"file://{repository.Path}/\"", string.Empty, StringComparison.Ordinal) : output;
            Assert.DoesNotContain(repository.Path, root, StringComparison.Ordinal);
            Assert.Contains("m/config", output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(repository.Path + "/", output + result.Error, StringComparison.Ordinal);
        }

        if (format == "markdown" && command != "check")
        {
            Assert.Contains("| `m/config` | needed |", output, StringComparison.Ordinal);
            Assert.Contains("| `vendor/n/config` | unchanged |", output, StringComparison.Ordinal);
        }
    }
}
