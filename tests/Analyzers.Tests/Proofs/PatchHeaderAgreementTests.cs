using ConfigConvert.TestSupport;

namespace ConfigConvert.Analyzers.Tests.Proofs;

/// <summary>
/// The nginx file a shipped patch names, as CC5001 reads its header, is the file GNU patch changes: each header
/// is given to <c>patch --dry-run</c> in a tree that holds only that file, and patch must find it there.
/// </summary>
public sealed class PatchHeaderAgreementTests : IDisposable
{
    private const string Before = "one\ntwo\nthree\n";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cc-patch-headers-" + Guid.NewGuid().ToString("N"));

    public PatchHeaderAgreementTests() => Directory.CreateDirectory(_root);

    /// <summary>Each case: what the <c>---</c> and <c>+++</c> lines hold after the marker, and the file patch changes.</summary>
    public static TheoryData<string, string> Headers => new()
    {
        { "src/http/ngx_http_upstream.c.orig\t2016-05-31\n+++ src/http/ngx_http_upstream.c", "src/http/ngx_http_upstream.c" },
        { "src/http/ngx_http_upstream.c\n+++ src/http/ngx_http_upstream.c.new", "src/http/ngx_http_upstream.c" },
        { "src/http/ngx_http_upstream.c\t2016-05-31 15:43:51.000000000 +0200", "src/http/ngx_http_upstream.c" },
        { "src/http/ngx_http_upstream.c    2016-05-31 15:43:51.000000000 +0200", "src/http/ngx_http_upstream.c" },
        { "src/http/ngx_http_upstream.c", "src/http/ngx_http_upstream.c" },
        { "src/http/ngx_http_upstream.c \r", "src/http/ngx_http_upstream.c" },
        { "src/http/ngx http upstream.c\t2016-05-31 15:43:51 +0200", "src/http/ngx http upstream.c" },
        { "src/http/ngx http upstream.c  \t2016-05-31 15:43:51 +0200", "src/http/ngx http upstream.c" },
        { "\"src/http/ngx_http_caf\\303\\251.c\"", "src/http/ngx_http_café.c" },
        { "\"src/http/ngx_\\\"odd\\\"\\tname.c\"\t2016-05-31", "src/http/ngx_\"odd\"\tname.c" },
        { "\"src/http/\U0001F600\\\"q.c\"", "src/http/\U0001F600\"q.c" },
        { "\"src/http/ngx_ab\\000x.c\"", "src/http/ngx_ab" },
    };

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [MemberData(nameof(Headers))]
    [Trait("Requires", "patch")]
    public void The_file_check_names_is_the_file_patch_changes(string header, string file)
    {
        // A header with a line break of its own names the old and the new file; any other names both.
        var pair = header.Contains('\n', StringComparison.Ordinal) ? header : $"{header}\n+++ {header}";
        var diff = $"--- {pair}\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n";

        var module = Directory.CreateDirectory(Path.Combine(_root, "module")).FullName;
        File.WriteAllText(Path.Combine(module, "config"), Analyzers.Framework.RuleExample.MinimalConfig);
        File.WriteAllText(Path.Combine(module, "fix.patch"), diff);
        var findings = ModuleChecker.Check([module]).Diagnostics.Where(d => d.Id == "CC5001").Select(d => d.Message).ToList();
        Assert.True(findings.Count == 1 && findings[0].Contains($"patches nginx's {file}: ", StringComparison.Ordinal), string.Join("\n", findings));

        var tree = Path.Combine(_root, "nginx");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(tree, file))!);
        File.WriteAllText(Path.Combine(tree, file), Before);
        File.WriteAllText(Path.Combine(_root, "fix.patch"), diff);
        var patch = ExternalTool.Run(
            ExternalTool.Require("patch", "apt-get install patch"),
            ["--dry-run", "--batch", "-p0", "-i", Path.Combine(_root, "fix.patch")],
            tree,
            new Dictionary<string, string> { ["LC_ALL"] = "C", ["QUOTING_STYLE"] = "literal" });
        Assert.True(patch.ExitCode == 0, patch.StandardOutput + patch.StandardError);
        Assert.Contains($"checking file {file}", patch.StandardOutput.Split('\n'));
    }
}
