using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Verification.Tests;

/// <summary>
/// <c>--nginx-src</c>: the capture the tool ships is the one the embedded builds were made with, so a
/// fresh capture of nginx-dev's tree gives the embedded 1.22.1 build.
/// </summary>
public sealed class ReferenceCaptureTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private readonly string _root = Directory.CreateTempSubdirectory("cc-capture-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_missing_directory_is_named()
    {
        var missing = Path.Combine(_root, "absent");
        Assert.Null(ReferenceCapture.Capture(missing, [], Timeout, out var problem));
        Assert.Equal($"{missing}: no such directory (an nginx source tree: a release, a git checkout, or Debian's nginx-dev at /usr/share/nginx/src)", problem);
    }

    [Fact]
    public void A_directory_that_is_not_an_nginx_tree_says_what_it_lacks()
    {
        Directory.CreateDirectory(Path.Combine(_root, "auto"));
        File.WriteAllText(Path.Combine(_root, "auto", "modules"), "# not nginx\n");
        Assert.Null(ReferenceCapture.Capture(_root, [], Timeout, out var problem));
        Assert.Equal($"{_root}: not an nginx source tree (no src/core/nginx.h, no configure)", problem);
    }

    [Trait("Requires", "nginx")]
    [Trait("Requires", "dash")]
    [Fact]
    public void A_capture_of_nginx_dev_is_the_embedded_1_22_1_build()
    {
        RequireNginxDev();
        var build = ReferenceCapture.Capture(VerificationRequest.DefaultNginxSource, ["--with-stream", "--with-mail"], Timeout, out var problem);
        Assert.True(build is not null, problem);
        var embedded = ReferenceBuild.Default;
        Assert.Equal("1.22.1", build.Version);
        Assert.Equal(embedded.ReadFile(ReferenceBuild.VersionHeader), build.ReadFile(ReferenceBuild.VersionHeader));
        foreach (var type in ModuleType.All)
        {
            Assert.Equal(embedded.Modules(type).ToArray(), build.Modules(type).ToArray());
        }
    }

    [Trait("Requires", "nginx")]
    [Trait("Requires", "dash")]
    [Fact]
    public void A_flag_configure_rejects_is_reported_in_configure_words()
    {
        RequireNginxDev();
        Assert.Null(ReferenceCapture.Capture(VerificationRequest.DefaultNginxSource, ["--with-no-such-module"], Timeout, out var problem));
        Assert.StartsWith($"{VerificationRequest.DefaultNginxSource}: nginx's configure failed, no reference build captured:\n", problem, StringComparison.Ordinal);
        Assert.Contains("invalid option \"--with-no-such-module\"", problem, StringComparison.Ordinal);
    }

    private static void RequireNginxDev()
    {
        ExternalTool.Require("dash", "apt-get install -y dash");
        if (!File.Exists(Path.Combine(VerificationRequest.DefaultNginxSource, "configure")))
        {
            throw new InvalidOperationException($"{VerificationRequest.DefaultNginxSource}/configure is missing: apt-get install -y nginx-dev");
        }
    }
}
