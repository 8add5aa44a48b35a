using ConfigConvert.BuiltModules.Configuration;

namespace ConfigConvert.Fuzz.Targets;

/// <summary>The nginx configuration reader of <c>preflight</c>: tokens, blocks, includes, <c>load_module</c> lines.</summary>
internal sealed class NginxConfTarget : FuzzTarget
{
    public override string Name => "nginx-conf";

    public override IReadOnlyList<string> Dictionaries => ["nginx-conf.dict"];

    public override string Description => "ConfReader.Read on an nginx.conf (input: the main file, then included files as in ModuleInput): no exception; every diagnostic names a file that was read or included";

    public override void Run(byte[] input)
    {
        var files = ModuleInput.Split(input).Select(f => f.Name == "config" ? ("nginx.conf", f.Content) : f);
        var directory = Workspace.Directory("conf", files);
        var read = ConfReader.Read(Path.Combine(directory, "nginx.conf"), directory + "/");
        foreach (var diagnostic in read.Diagnostics.Where(d => d.Location.Path is { Length: > 0 } path && !Path.IsPathRooted(path)))
        {
            throw new PropertyViolation($"{diagnostic.Id} names a relative path `{diagnostic.Location.Path}`");
        }
    }

    // The repository keeps no nginx.conf files (the tests write theirs), so the seeds are Debian's
    // (/etc/nginx, from nginx-core, which CI installs) and a few shapes of what preflight reads.
    public override IEnumerable<Seed> Seeds(string repository)
        => FixtureFiles.Files("/etc/nginx", ".", name => name.EndsWith(".conf", StringComparison.Ordinal) || name.EndsWith("_params", StringComparison.Ordinal) || name == "mime.types")
            .Concat(
            [
                FixtureFiles.Text("load-modules", "load_module modules/ngx_a.so;\nload_module \"/usr/lib/nginx/modules/ngx_b.so\";\nevents { worker_connections 8; }\nhttp { server { listen 80; location / { return 200 'ok'; } } }\n"),
                FixtureFiles.Text("includes", "include modules-enabled/*.conf;\ninclude extra.conf;\nevents {}\n\n@@@ extra.conf\nload_module modules/ngx_c.so; # comment\ninclude nginx.conf;\n"),
                FixtureFiles.Text("quotes-and-lua", "load_module 'modules/x y.so';\nhttp { init_by_lua_block { local s = \"}\" -- ] } \n } set $a \"\\\"\"; }\n"),
            ]);
}
