using ConfigConvert.Diagnostics;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Analyzers.Tests.Fixtures;

/// <summary>
/// Every rule over the realistic modules of <c>tests/fixtures/checks</c>: each must give exactly the
/// findings listed, at their file, line and column; and the rules of this catalogue must stay silent on
/// the converter's fixtures (<c>tests/fixtures/modules</c>) but for what they are there to show.
/// </summary>
public sealed class CheckFixtureTests
{
    /// <summary>The rules whose silence on the converter's fixtures is checked here.</summary>
    private static readonly HashSet<string> ModuleRules = ["CC2207", "CC2220", "CC2221", "CC2222", "CC2223", "CC2224", "CC2225", "CC2226", "CC5001", "CC5002"];

    public static TheoryData<string, string[]> CheckFixtures() => new()
    {
        {
            "upstream_patch",
            [
                "config(10,5): error CC5001: the config runs `patch` on nginx's source tree: a dynamic module cannot change nginx, which is built before the module is loaded into it",
                "patches/nginx-upstream-peer-name.patch(5,5): error CC5001: `patches/nginx-upstream-peer-name.patch` patches nginx's src/http/ngx_http_upstream.h, src/http/ngx_http_upstream.c: a dynamic module cannot change nginx, which is built before the module is loaded into it",
            ]
        },
        {
            "needs_helper",
            [
                "config(5,4): warning CC2226: the config requires `ndk_http_module` to be configured first: build it too, and load its .so before this module's (load_module order), or dlopen() fails on its symbols",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(CheckFixtures))]
    public void Every_rule_gives_exactly_these_findings(string fixture, string[] expected)
    {
        var directory = RepoPaths.Combine("tests", "fixtures", "checks", fixture);
        var report = ModuleChecker.Check([directory]);

        Assert.Equal(expected, report.Diagnostics.Select(d => Line(directory, d)));
    }

    public static TheoryData<string> ConverterFixtures() => [.. Directory.GetDirectories(ModuleFixtures.Directory).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ConverterFixtures))]
    public void The_module_rules_find_only_the_patch_in_the_converter_fixtures(string fixture)
    {
        var directory = ModuleFixtures.PathOf(fixture);
        string[] expected = fixture switch
        {
            "patches_nginx" => ["nginx-1.22.1-request-mark.patch(1,5): error CC5001: `nginx-1.22.1-request-mark.patch` patches nginx's src/http/ngx_http_request.h: a dynamic module cannot change nginx, which is built before the module is loaded into it"],

            // A debugging patch in dev/ that neither the config nor the README names: a note, not a blocker.
            "dev_folder_patch" => ["dev/nginx-1.22.1-tracer-debug.patch(4,5): info CC5001: `dev/nginx-1.22.1-tracer-debug.patch` patches nginx's src/http/ngx_http_request.h, but it sits in a development or test folder and neither the config nor a README or INSTALL applies it, so it is not part of the build; applied by hand: a dynamic module cannot change nginx, which is built before the module is loaded into it"],

            // A guard that stops configure unless knot_helper came first: the dependency is said, not a blocker.
            "needs_knot" => ["config(6,4): warning CC2226: the config requires `ngx_http_knot_module` to be configured first: build it too, and load its .so before this module's (load_module order), or dlopen() fails on its symbols"],
            "knot_static_guard" => ["config(3,4): warning CC2226: the config requires `ngx_http_knot_module` to be configured first: build it too, and load its .so before this module's (load_module order), or dlopen() fails on its symbols"],
            _ => [],
        };

        var report = ModuleChecker.Check([directory]);

        Assert.Equal(expected, report.Diagnostics.Where(d => ModuleRules.Contains(d.Id)).Select(d => Line(directory, d)));
    }

    private static string Line(string directory, Diagnostic diagnostic)
    {
        var path = diagnostic.Location.Path is { } full ? Path.GetRelativePath(directory, full).Replace('\\', '/') : "(none)";
        return $"{path}({diagnostic.Location.Start.Line},{diagnostic.Location.Start.Column}): {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.Message}";
    }
}
