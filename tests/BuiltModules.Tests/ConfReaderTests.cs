using ConfigConvert.BuiltModules.Configuration;

namespace ConfigConvert.BuiltModules.Tests;

/// <summary>The configuration reader: nginx's tokens, includes as nginx resolves them, and the problems it reports.</summary>
public sealed class ConfReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cc-conf-").FullName + "/";

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Real_configurations_pass_through_map_regex_and_lua_blocks()
    {
        var read = Read("""
            # modules first
            load_module modules/a.so;   # a comment after it
            load_module "modules/b c.so";
            load_module 'modules/\'quoted\'.so';
            load_module modules/escaped\ space.so;
            events { worker_connections 512; }
            http {
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                    ~^(?<x>[a-z]+)#notacomment$  $x;
                }
                server {
                    location ~ "^/img/[0-9]{3}/(.*)$" { return 200 "$1 ${uri}x"; }
                    location ~* \.(gif|jpg)$ { expires 30d; }
                    set $a "}";
                    content_by_lua_block {
                        ngx.say("}")  -- a brace in a string, and one here: }
                        local s = [[ { ]] .. '{' --[==[ } ]==]
                        if true then ngx.say({ 1 }) end
                    }
                    set_by_lua_block $b { return "}" }
                    access_by_lua_block { ngx.log(ngx.ERR, '"') }
                }
            }
            """);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(["modules/a.so", "modules/b c.so", "modules/'quoted'.so", "modules/escaped\\ space.so"], read.LoadModules.Select(l => l.Argument).ToArray());
        Assert.Equal([2, 3, 4, 5], read.LoadModules.Select(l => l.NginxLine).ToArray());
        Assert.All(read.LoadModules, l => Assert.Equal(DirectiveProblem.None, l.Problem));
    }

    [Fact]
    public void Includes_are_read_where_they_stand_globs_sorted_relative_to_the_main_configuration_directory()
    {
        Write("conf.d/20-b.conf", "load_module b.so;\n");
        Write("conf.d/10-a.conf", "load_module a.so;\ninclude more/*.conf;\ninclude conf.d/more/*.conf;\n");
        Write("conf.d/.hidden.conf", "load_module hidden.so;\n");
        Write("conf.d/more/x.conf", "load_module x.so;\n");
        var read = Read("load_module first.so;\ninclude conf.d/*.conf;\ninclude conf.d/[!0-9]*.conf;\nload_module last.so;\n");
        Assert.Empty(read.Diagnostics);
        Assert.Equal(["first.so", "a.so", "x.so", "b.so", "last.so"], read.LoadModules.Select(l => l.Argument).ToArray());
        Assert.Equal(_root + "conf.d/more/x.conf", read.LoadModules[2].Location.Path);
    }

    [Fact]
    public void An_include_loop_is_reported_once_and_not_followed()
    {
        Write("a.conf", "load_module a.so;\ninclude b.conf;\n");
        Write("b.conf", "include a.conf;\nload_module b.so;\n");
        var read = Read("include a.conf;\n");
        var loop = Assert.Single(read.Diagnostics);
        Assert.Equal("CC6102", loop.Id);
        Assert.Equal($"`{_root}a.conf` is included again from `{_root}b.conf` while it is still being read (nginx would recurse until it runs out of file descriptors); not followed", loop.Message);
        Assert.Equal(_root + "b.conf", loop.Location.Path);
        Assert.Equal(["a.so", "b.so"], read.LoadModules.Select(l => l.Argument).ToArray());
    }

    [Fact]
    public void A_file_included_again_meets_its_load_modules_again_in_the_context_of_each_include_and_is_listed_once()
    {
        Write("twice.conf", "include part.conf;\ninclude part.conf;\n");
        Write("part.conf", "load_module p.so;\n");
        Write("late.conf", "load_module q.so;\nstream { }\nload_module r.so;\n");
        var read = Read("include twice.conf;\ninclude late.conf;\ninclude late.conf;\nevents {\n    include twice.conf;\n}\ninclude part.conf;\n");
        Assert.Empty(read.Diagnostics);
        Assert.Equal(
            [
                ("p.so", DirectiveProblem.None), ("p.so", DirectiveProblem.None),
                ("q.so", DirectiveProblem.None), ("r.so", DirectiveProblem.TooLate), ("q.so", DirectiveProblem.TooLate), ("r.so", DirectiveProblem.TooLate),
                ("p.so", DirectiveProblem.NotAllowedHere), ("p.so", DirectiveProblem.NotAllowedHere),
                ("p.so", DirectiveProblem.TooLate),
            ],
            read.LoadModules.Select(l => (l.Argument, l.Problem)).ToArray());
        Assert.All(read.LoadModules.Where(l => l.Argument == "p.so"), l => Assert.Equal(_root + "part.conf", l.Location.Path));
        Assert.Equal(["nginx.conf", "twice.conf", "part.conf", "late.conf"], read.Files.Select(f => f[_root.Length..]).ToArray());
    }

    [Fact]
    public void A_chain_of_files_each_included_twice_is_read_once_per_file_not_two_to_the_forty_times()
    {
        Chain(40, "# the end\n");
        var read = Read("include c0.conf;\nevents { }\n");
        Assert.Empty(read.Diagnostics);
        Assert.Empty(read.LoadModules);
        Assert.Equal(42, read.Files.Length);
    }

    [Fact]
    public void A_load_module_met_two_to_the_forty_times_stops_the_reading_after_1024()
    {
        Chain(40, "load_module leaf.so;\n");
        var read = Read("include c0.conf;\nload_module never.so;\n");
        Assert.Equal(1024, read.LoadModules.Length);
        Assert.All(read.LoadModules, l => Assert.Equal(("leaf.so", DirectiveProblem.None), (l.Argument, l.Problem)));
        var limit = Assert.Single(read.Diagnostics);
        Assert.Equal("CC6105", limit.Id);
        Assert.Equal("more than 1024 load_module directives, counting those of a file each time it is included (nginx loads at most 128 dynamic modules and refuses a module loaded twice); the rest is not read", limit.Message);
        Assert.Equal((_root + "c40.conf", 1), (limit.Location.Path, limit.Location.Start.Line));
    }

    [Fact]
    public void An_include_loop_in_a_file_included_two_to_the_forty_times_is_reported_once()
    {
        Chain(40, "include c40.conf;\n");
        var read = Read("include c0.conf;\nload_module after.so;\n");
        var loop = Assert.Single(read.Diagnostics);
        Assert.Equal("CC6102", loop.Id);
        Assert.Equal(_root + "c40.conf", loop.Location.Path);
        Assert.Equal("after.so", Assert.Single(read.LoadModules).Argument);
    }

    [Fact]
    public void A_file_that_met_a_loop_is_read_again_when_other_files_are_being_read()
    {
        // From nginx.conf, b.conf includes a.conf, which was being read when a.conf first included b.conf.
        Write("a.conf", "load_module a.so;\ninclude b.conf;\n");
        Write("b.conf", "load_module b.so;\ninclude a.conf;\n");
        var read = Read("include a.conf;\ninclude b.conf;\n");
        Assert.Equal(["a.so", "b.so", "b.so", "a.so"], read.LoadModules.Select(l => l.Argument).ToArray());
        Assert.Equal(
            [(_root + "b.conf", $"`{_root}a.conf` is included again from `{_root}b.conf`"), (_root + "a.conf", $"`{_root}b.conf` is included again from `{_root}a.conf`")],
            read.Diagnostics.Select(d => (d.Location.Path, d.Message[..d.Message.IndexOf(" while", StringComparison.Ordinal)])).ToArray());
    }

    /// <summary>
    /// An include that names nothing (a glob that matches no file) still reaches a level deeper: a file holding one,
    /// included again at the last level, stops there as its first reading would have (CC6104), not replayed past it.
    /// </summary>
    [Theory]
    [InlineData(62, false)]
    [InlineData(63, true)]
    public void An_include_that_names_nothing_counts_against_the_depth_limit_when_read_again(int chain, bool tooDeep)
    {
        Write("nest.conf", "include none-*.conf;\n");
        WriteChainTo("nest.conf", chain);

        var read = Read("include nest.conf;\ninclude c0.conf;\n");
        if (tooDeep)
        {
            var deep = Assert.Single(read.Diagnostics);
            Assert.Equal(("CC6104", _root + "nest.conf"), (deep.Id, deep.Location.Path));
        }
        else
        {
            Assert.Empty(read.Diagnostics);
        }
    }

    [Theory]
    [InlineData(61, false)]
    [InlineData(62, true)]
    public void A_file_included_again_deeper_is_read_again_against_the_depth_limit(int chain, bool tooDeep)
    {
        // nest.conf nests two blocks; read first at depth 1, then at depth chain + 1 below c0 ... c(chain - 1).
        Write("nest.conf", "a {\n    b {\n    }\n}\n");
        WriteChainTo("nest.conf", chain);

        var read = Read("include nest.conf;\ninclude c0.conf;\n");
        if (tooDeep)
        {
            var deep = Assert.Single(read.Diagnostics);
            Assert.Equal("CC6104", deep.Id);
            Assert.Equal((_root + "nest.conf", 2), (deep.Location.Path, deep.Location.Start.Line));
        }
        else
        {
            Assert.Empty(read.Diagnostics);
        }
    }

    [Fact]
    public void A_missing_include_is_nginx_open_error_and_a_missing_glob_is_nothing()
    {
        var read = Read("include none/*.conf;\ninclude missing.conf;\nload_module never.so;\n");
        var missing = Assert.Single(read.Diagnostics);
        Assert.Equal("CC6103", missing.Id);
        Assert.Equal($"open() \"{_root}missing.conf\" failed (2: No such file or directory)", missing.Message);
        Assert.Equal(2, missing.Location.Start.Line);
        Assert.Empty(read.LoadModules);
    }

    [Trait("Requires", "nginx")]
    [Theory]
    [InlineData("/nonexistent/x.conf")]
    [InlineData("link.conf")]
    public void An_include_of_a_link_that_dangles_or_loops_fails_with_the_errno_nginx_gives(string target)
    {
        // A dangling link is what a removed package leaves in modules-enabled; .NET's File.Exists says true of it.
        File.CreateSymbolicLink(_root + "link.conf", target);
        var read = Read("include link.conf;\nevents { }\n");
        var error = Assert.Single(read.Diagnostics);
        Assert.Equal("CC6103", error.Id);
        var nginx = RealNginx.Test(_root + "nginx.conf", _root);
        Assert.Equal(nginx?.Message, error.Message);
    }

    [Fact]
    public void A_nul_in_an_include_path_ends_it_as_the_c_library_would()
    {
        // Found by the nginx-conf fuzz target: .NET refused the path with an exception that escaped the reader.
        Write("part.conf", "events { }\n");
        var read = Read("include part.conf\0ignored;\ninclude gone\0.conf;\n");
        var missing = Assert.Single(read.Diagnostics);
        Assert.Equal($"open() \"{_root}gone\" failed (2: No such file or directory)", missing.Message);
        Assert.Contains(_root + "part.conf", read.Files);
    }

    [Trait("Requires", "nginx")]
    [Theory]
    [InlineData("events {\n", "unexpected end of file, expecting \"}\"", 2)]
    [InlineData("load_module a.so\n", "unexpected end of file, expecting \";\" or \"}\"", 2)]
    [InlineData("events { }\n}\n", "unexpected \"}\"", 2)]
    [InlineData("load_module \"a.so\"x;\n", "unexpected \"x\"", 1)]
    [InlineData("load_module \"a.so;\n", "unexpected end of file, expecting \";\" or \"}\"", 2)]
    [InlineData(";\n", "unexpected \";\"", 1)]
    [InlineData("include conf.d/{a,b}.conf;\nevents { }\n", "directive \"include\" is not terminated by \";\"", 1)]
    [InlineData("load_module modules/{a}.so;\nevents { }\n", "directive \"load_module\" is not terminated by \";\"", 1)]
    public void Syntax_errors_are_nginx_messages(string text, string message, int line)
    {
        var read = Read(text);
        var error = Assert.Single(read.Diagnostics);
        Assert.Equal("CC6101", error.Id);
        Assert.Equal($"{message} in {_root}nginx.conf:{line}", error.Message);
        var nginx = RealNginx.Test(_root + "nginx.conf", _root);
        Assert.Equal($"{nginx?.Message} in {nginx?.File}:{nginx?.Line}", error.Message);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_configuration_nginx_accepts_reads_without_problems()
    {
        var read = Read($$"""
            pid {{_root}}nginx.pid;
            events { }
            http {
                access_log off;
                client_body_temp_path {{_root}}body; proxy_temp_path {{_root}}proxy; fastcgi_temp_path {{_root}}fastcgi;
                uwsgi_temp_path {{_root}}uwsgi; scgi_temp_path {{_root}}scgi;
                map $http_upgrade $connection_upgrade { default upgrade; '' close; "~^a#b{2}$" x; }
                server {
                    listen 127.0.0.1:8080;  # never started: nginx -t only
                    location ~ "^/img/[0-9]{3}/(.*)$" { return 200 "$1 ${uri}x"; }
                    location ~* \.(gif|jpg)$ { expires 30d; }
                    location /q { set $a "}"; set $b '{'; return 200 $a$b#x; }
                }
            }
            """);
        Assert.Empty(read.Diagnostics);
        Assert.Null(RealNginx.Test(_root + "nginx.conf", _root));
    }

    [Fact]
    public void Load_module_in_a_block_after_events_or_with_two_parameters_is_refused()
    {
        var read = Read("load_module a.so b.so;\nevents {\n  load_module c.so;\n}\nload_module d.so;\n");
        Assert.Equal([DirectiveProblem.InvalidArguments, DirectiveProblem.NotAllowedHere, DirectiveProblem.TooLate], read.LoadModules.Select(l => l.Problem).ToArray());
    }

    [Fact]
    public void The_line_nginx_names_is_that_of_the_semicolon()
    {
        var read = Read("load_module\n    a.so\n    ;\n");
        var directive = Assert.Single(read.LoadModules);
        Assert.Equal((1, 3), (directive.Location.Start.Line, directive.NginxLine));
    }

    private ConfigurationRead Read(string text)
    {
        Write("nginx.conf", text);
        return ConfReader.Read(_root + "nginx.conf", _root);
    }

    /// <summary>c0.conf ... c(N-1).conf, each including the next twice; c(N).conf is <paramref name="last"/>: nginx reads it 2^N times.</summary>
    private void Chain(int levels, string last)
    {
        for (var i = 0; i < levels; i++)
        {
            Write($"c{i}.conf", $"include c{i + 1}.conf;\ninclude c{i + 1}.conf;\n");
        }

        Write($"c{levels}.conf", last);
    }

    // c0.conf includes c1.conf, ... and c(chain - 1).conf includes leaf: the leaf read at depth chain + 1 from c0.
    private void WriteChainTo(string leaf, int chain)
    {
        Write($"c{chain - 1}.conf", $"include {leaf};\n");
        for (var i = 0; i < chain - 1; i++)
        {
            Write($"c{i}.conf", $"include c{i + 1}.conf;\n");
        }
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
