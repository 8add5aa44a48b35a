namespace ConfigConvert.BuiltModules.Tests;

/// <summary>
/// <c>include</c> of a file that is no regular file: nginx reads a configuration file up to the size fstat(2)
/// gives it, so <c>/dev/zero</c> and <c>/dev/null</c> are empty files to it (<c>nginx -t</c>: syntax is ok), and
/// preflight reads them the same way instead of reading <c>/dev/zero</c> for ever. A FIFO, where nginx would wait
/// for a writer, is read as empty too: preflight never blocks.
/// </summary>
public sealed class SpecialFileIncludeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _root = Directory.CreateTempSubdirectory("cc-special-include-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Trait("Requires", "nginx")]
    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/null")]
    public void A_device_is_an_empty_file_as_nginx_reads_it(string device)
    {
        var configuration = Write($"pid {_root}/nginx.pid;\ninclude {device};\nevents {{ }}\n");

        var report = Preflight(configuration);

        Assert.Empty(report.ConfigurationDiagnostics);
        Assert.False(report.WouldFail);
        Assert.Equal([configuration, device], report.Files.ToArray());
        Assert.Null(RealNginx.Test(configuration, _root + "/"));
    }

    [Fact]
    public void A_fifo_is_read_as_empty_without_waiting_for_a_writer()
    {
        var fifo = ConfigConvert.TestSupport.Fifo.Create(Path.Combine(_root, "fifo.conf"));
        var configuration = Write($"include {fifo};\nevents {{ }}\n");

        var report = Preflight(configuration);

        Assert.Empty(report.ConfigurationDiagnostics);
        Assert.False(report.WouldFail);
    }

    private string Write(string text)
    {
        var path = Path.Combine(_root, "nginx.conf");
        File.WriteAllText(path, text);
        return path;
    }

    private PreflightReport Preflight(string configuration)
    {
        var run = Task.Run(() => BuiltModuleInspector.Preflight(RealNginx.Binary, configuration, _root));
        Assert.True(run.Wait(Patience), $"preflight did not return within {Patience.TotalSeconds} s");
        return run.Result;
    }
}
