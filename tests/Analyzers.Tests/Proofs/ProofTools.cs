using ConfigConvert.TestSupport;
using ConfigConvert.Verification;

namespace ConfigConvert.Analyzers.Tests.Proofs;

/// <summary>
/// The programs the proofs run besides the verifier: make in a configured nginx tree, nm on the objects,
/// nginx -t, spatch. Each is required: a missing one fails the test with the package to install.
/// </summary>
internal static class ProofTools
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Fails with an install hint unless nginx-dev, nginx-core and a C toolchain are here.</summary>
    public static void RequireNginx()
    {
        ExternalTool.Require("dash", "apt-get install -y dash");
        ExternalTool.Require("nginx", "apt-get install -y nginx-core");
        ExternalTool.Require("make", "apt-get install -y make");
        ExternalTool.Require("cc", "apt-get install -y gcc");
        ExternalTool.Require("nm", "apt-get install -y binutils");
        if (!File.Exists(Path.Combine(VerificationRequest.DefaultNginxSource, "configure")))
        {
            throw new InvalidOperationException($"{VerificationRequest.DefaultNginxSource}/configure is missing: apt-get install -y nginx-dev");
        }
    }

    /// <summary>Coccinelle's spatch, or a failure saying how to install it.</summary>
    public static string RequireSpatch() => ExternalTool.Require("spatch", "apt-get install -y coccinelle");

    /// <summary>Runs <c>make -f objs/Makefile TARGETS</c> in a configured nginx tree.</summary>
    public static ExternalTool.Result Make(string tree, params string[] targets)
        => ExternalTool.Run("make", ["-f", "objs/Makefile", .. targets], tree, timeout: BuildTimeout);

    /// <summary>The symbols an object file uses without defining them (<c>nm -u</c>).</summary>
    public static IReadOnlySet<string> Undefined(string objectFile)
    {
        var run = ExternalTool.Run("nm", ["-u", "--format=just-symbols", objectFile]);
        Assert.True(run.ExitCode == 0, $"nm -u {objectFile}: {run.StandardError}");
        return run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Runs <c>nginx -t</c> on a configuration in a prefix.</summary>
    public static ExternalTool.Result NginxTest(string prefix, string configuration)
        => ExternalTool.Run(VerificationRequest.DefaultNginxBinary, ["-t", "-p", prefix + "/", "-c", configuration], prefix, timeout: TimeSpan.FromMinutes(1));

    /// <summary>Applies the semantic patch to every C file of <paramref name="directory"/>, in place.</summary>
    public static ExternalTool.Result Spatch(string semanticPatch, string directory)
        => ExternalTool.Run(RequireSpatch(), ["--sp-file", semanticPatch, "--in-place", "--very-quiet", "--dir", directory], directory, timeout: TimeSpan.FromMinutes(2));
}
