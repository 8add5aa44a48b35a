namespace ConfigConvert.BuiltModules.Tests;

/// <summary>
/// A configuration with several bad modules: nginx's complete list of failures (nginx -t, run again
/// with each failing load_module commented out) is exactly what preflight reports in one run.
/// </summary>
[Collection(BuiltCollection.Name)]
public sealed class PreflightTests(BuiltFixtures built)
{
    [Trait("Requires", "nginx")]
    [Fact]
    public void Preflight_lists_every_failure_nginx_would_report_one_restart_at_a_time()
    {
        var root = Directory.CreateTempSubdirectory("cc-preflight-").FullName;
        try
        {
            var configuration = WriteConfiguration(root);
            var report = BuiltModuleInspector.Preflight(RealNginx.Binary, configuration, root);
            Assert.Empty(report.ConfigurationDiagnostics);
            var predicted = report.Outcomes.Where(o => !o.Loads)
                .Select(o => new RealNginx.Emergency(o.Failure!.Message, o.Directive!.Path, o.NginxLine))
                .ToList();

            var actual = RealNginx.AllFailures(configuration, root + "/");

            Assert.Equal(actual, predicted);
            Assert.Equal(9, actual.Count);
            Assert.True(report.WouldFail);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void Preflight_of_a_configuration_whose_modules_all_load_says_so()
    {
        var root = Directory.CreateTempSubdirectory("cc-preflight-").FullName;
        try
        {
            var configuration = Path.Combine(root, "nginx.conf");
            File.WriteAllText(configuration, $"pid {root}/nginx.pid;\nload_module {built.Provider};\nload_module \"{built.Consumer}\"; # after the provider\nevents {{ }}\n");
            var report = BuiltModuleInspector.Preflight(RealNginx.Binary, configuration, root);
            Assert.False(report.WouldFail);
            Assert.Equal(2, report.Outcomes.Length);
            Assert.Null(RealNginx.Test(configuration, root + "/"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_relative_prefix_names_the_modules_as_nginx_does_relative_to_where_it_starts()
    {
        var root = Directory.CreateTempSubdirectory("cc-preflight-").FullName;
        try
        {
            var configuration = Path.Combine(root, "nginx.conf");
            File.WriteAllText(configuration, $"pid {root}/nginx.pid;\nload_module modules/missing.so;\nevents {{ }}\n");
            var prefix = Path.GetRelativePath(Environment.CurrentDirectory, root);
            var report = BuiltModuleInspector.Preflight(RealNginx.Binary, configuration, prefix);
            var nginx = RealNginx.Test(configuration, prefix);
            Assert.NotNull(nginx);
            Assert.Equal(nginx.Message, Assert.Single(report.Outcomes).Failure?.Message);
            Assert.StartsWith($"dlopen() \"{prefix}/modules/missing.so\"", nginx.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// nginx has no include-once: it reads d8.conf 2^9 times in the main context and 2^8 in events,
    /// and modules.conf twice, refusing the second load_module as already loaded. preflight reads
    /// each file once per context and reports that one failure, as nginx does.
    /// </summary>
    [Trait("Requires", "nginx")]
    [Fact]
    public void Preflight_of_files_included_many_times_meets_their_load_modules_as_nginx_does()
    {
        var root = Directory.CreateTempSubdirectory("cc-preflight-").FullName;
        try
        {
            for (var i = 0; i < 8; i++)
            {
                File.WriteAllText(Path.Combine(root, $"d{i}.conf"), $"include d{i + 1}.conf;\ninclude d{i + 1}.conf;\n");
            }

            File.WriteAllText(Path.Combine(root, "d8.conf"), "# included 768 times\n");
            File.WriteAllText(Path.Combine(root, "modules.conf"), $"load_module {built.Provider};\n");
            var configuration = Path.Combine(root, "nginx.conf");
            File.WriteAllText(configuration, $"pid {root}/nginx.pid;\ninclude d0.conf;\ninclude modules.conf;\ninclude d0.conf;\ninclude modules.conf;\nevents {{\n    include d0.conf;\n}}\n");

            var report = BuiltModuleInspector.Preflight(RealNginx.Binary, configuration, root);

            Assert.Empty(report.ConfigurationDiagnostics);
            Assert.Equal(11, report.Files.Length);
            Assert.Equal([true, false], report.Outcomes.Select(o => o.Loads).ToArray());
            var predicted = report.Outcomes.Where(o => !o.Loads).Select(o => new RealNginx.Emergency(o.Failure!.Message, o.Directive!.Path, o.NginxLine)).ToList();
            Assert.Equal(RealNginx.AllFailures(configuration, root + "/"), predicted);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// nginx.conf loads, in this order: a module built for 1.22.2; the consumer before its provider;
    /// the glob include conf.d/*.conf (10-good.conf: the pair, by a path relative to the prefix;
    /// 20-plain.conf: a module without --with-compat; 30-not-module.conf: zlib, a library that is no
    /// module); a module that does not exist; the provider, then the provider again; the 130 modules
    /// of "many" on top of the 4 already loaded; a load_module inside events (not allowed there), and
    /// one after it (too late).
    /// </summary>
    private string WriteConfiguration(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "conf.d"));
        Directory.CreateDirectory(Path.Combine(root, "modules"));
        File.Copy(built.Pair, Path.Combine(root, "modules", "pair.so"));
        var zlib = Directory.GetFiles("/usr/lib/x86_64-linux-gnu", "libz.so.1").Single();
        File.WriteAllText(Path.Combine(root, "conf.d", "10-good.conf"), "load_module modules/pair.so;\n");
        File.WriteAllText(Path.Combine(root, "conf.d", "20-plain.conf"), $"# built without --with-compat\n\nload_module '{built.ProviderWithoutCompat}';\n");
        File.WriteAllText(Path.Combine(root, "conf.d", "30-not-module.conf"), $"load_module {zlib};\n");
        var configuration = Path.Combine(root, "nginx.conf");
        File.WriteAllText(configuration, $$"""
            pid {{root}}/nginx.pid;
            load_module {{built.ProviderNextVersion}};
            load_module {{built.Consumer}};
            include conf.d/*.conf;
            load_module {{root}}/modules/missing.so;
            load_module
                {{built.Provider}};
            load_module {{built.Provider}};
            load_module {{built.Many}};
            events {
                load_module {{built.Pair}};
            }
            load_module {{built.Pair}};

            """);
        return configuration;
    }
}
