using ConfigConvert.Analyzers.Framework;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Analyzers.Tests.Proofs;

/// <summary>
/// CC5001 reports a file written into <c>objs/</c> under the name of one of nginx's http, mail or stream headers, and
/// not one named as a core header: auto/make writes the include path as <c>$CORE_INCS $NGX_OBJS $HTTP_INCS ...</c>, so
/// such a file is what nginx's own http, mail and stream sources include, and a core header is found before it. Proven
/// with nginx's real configure and make: with the header replaced in <c>objs/</c> by an <c>#error</c>, make of one of
/// nginx's own objects that includes it fails on that error exactly when CC5001 reports the write. nginx-dev ships
/// nginx's headers but not its C files, so the object's C file is a stand-in that opens with the real one's includes:
/// make compiles it with the Makefile's own rule and include path for that object.
/// </summary>
public sealed class ObjsHeaderShadowingTests : IDisposable
{
    private const string Marker = "hidden by a copy in objs";

    private const string HttpIncludes = "#include <ngx_config.h>\n#include <ngx_core.h>\n#include <ngx_http.h>\n";

    private const string MailIncludes = "#include <ngx_config.h>\n#include <ngx_core.h>\n#include <ngx_event.h>\n#include <ngx_mail.h>\n";

    private const string StreamIncludes = "#include <ngx_config.h>\n#include <ngx_core.h>\n#include <ngx_stream.h>\n";

    /// <summary>The header written into objs/, an object of nginx's own sources, and the includes its C file opens with.</summary>
    private static readonly (string Header, string NginxObject, string Includes)[] Cases =
    [
        ("ngx_http_upstream.h", "objs/src/http/ngx_http.o", HttpIncludes),
        ("ngx_http_request.h", "objs/src/http/ngx_http_core_module.o", HttpIncludes),
        ("ngx_mail.h", "objs/src/mail/ngx_mail.o", MailIncludes),
        ("ngx_stream.h", "objs/src/stream/ngx_stream.o", StreamIncludes),
        ("ngx_core.h", "objs/src/http/ngx_http.o", HttpIncludes),
        ("ngx_event.h", "objs/src/mail/ngx_mail.o", MailIncludes),
    ];

    private readonly string _root = Directory.CreateTempSubdirectory("cc-objs-headers-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    [Trait("Requires", "nginx-dev")]
    public void A_header_in_objs_is_reported_exactly_when_nginxs_own_sources_would_include_it()
    {
        var tree = ConfiguredTree();
        var disagreements = new List<string>();
        foreach (var (header, nginxObject, includes) in Cases)
        {
            var source = Path.Combine(tree, Path.ChangeExtension(nginxObject["objs/".Length..], ".c"));
            File.WriteAllText(source, includes);
            var hidden = HidesNginxHeader(tree, header, nginxObject);
            var reported = CheckReportsWriteOf(header);
            if (hidden != reported)
            {
                disagreements.Add($"{header}: make of {nginxObject} {(hidden ? "includes the copy in objs" : "does not include the copy")}, CC5001 {(reported ? "reports" : "does not report")} the write");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    /// <summary>A copy of nginx-dev's tree configured with http, mail and stream built in.</summary>
    private string ConfiguredTree()
    {
        var source = "/usr/share/nginx/src";
        ExternalTool.Require("dash", "apt-get install -y dash");
        ExternalTool.Require("make", "apt-get install -y make");
        Assert.True(File.Exists(Path.Combine(source, "configure")), $"{source}/configure is missing: apt-get install -y nginx-dev");
        var tree = Path.Combine(_root, "nginx");
        TemporaryModule.CopyDirectory(source, tree);
        var configure = ExternalTool.Run("/bin/sh", ["./configure", "--with-compat", "--with-stream", "--with-mail"], tree, timeout: TimeSpan.FromMinutes(5));
        Assert.True(configure.ExitCode == 0, "configure failed:\n" + configure.StandardOutput + configure.StandardError);
        return tree;
    }

    /// <summary>Whether make of <paramref name="nginxObject"/> stops on the <c>#error</c> of a <paramref name="header"/> put in objs/.</summary>
    private static bool HidesNginxHeader(string tree, string header, string nginxObject)
    {
        var copy = Path.Combine(tree, "objs", header);
        File.WriteAllText(copy, $"#error \"{Marker}\"\n");
        try
        {
            var make = ExternalTool.Run("make", ["-f", "objs/Makefile", nginxObject], tree, timeout: TimeSpan.FromMinutes(2));
            var output = make.StandardOutput + make.StandardError;
            Assert.True(make.ExitCode == 0 || output.Contains(Marker, StringComparison.Ordinal), $"make of {nginxObject} failed otherwise:\n{output}");
            return make.ExitCode != 0;
        }
        finally
        {
            File.Delete(copy);
            File.Delete(Path.Combine(tree, nginxObject));
        }
    }

    private bool CheckReportsWriteOf(string header)
    {
        var module = Directory.CreateDirectory(Path.Combine(_root, "module-" + header)).FullName;
        File.WriteAllText(Path.Combine(module, "config"), RuleExample.MinimalConfig + $"echo '#define NGX_EXAMPLE 1' > $NGX_OBJS/{header}\n");
        File.WriteAllText(Path.Combine(module, "ngx_http_example_module.c"), "int ngx_http_example;\n");
        return ModuleChecker.Check([module]).Diagnostics.Any(d => d.Id == "CC5001");
    }
}
