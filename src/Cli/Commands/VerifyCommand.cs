using System.CommandLine;
using ConfigConvert.Cli.Input;
using ConfigConvert.Cli.Output;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.Verification;

namespace ConfigConvert.Cli.Commands;

/// <summary>
/// <c>ngx-convert verify DIR [--nginx-src DIR] [--nginx BINARY] [--format text|json] ...</c>: proves a
/// module, converted or not, with nginx's real configure, <c>make modules</c> and <c>nginx -t</c>.
/// </summary>
internal static class VerifyCommand
{
    /// <summary>What the verb is called on the command line.</summary>
    public const string Name = "verify";

    // The order of the inline options and of NginxSnippets' parameters.
    private static readonly string[] Contexts = ["main", "http", "stream", "mail"];

    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "The module directory (the one holding `config`); it is copied and never changed." };
        var source = new Option<string>("--nginx-src") { Description = "The nginx source tree to build with (Debian/Ubuntu: nginx-dev).", DefaultValueFactory = _ => VerificationRequest.DefaultNginxSource, HelpName = "DIR" };
        var nginx = new Option<string>("--nginx") { Description = "The nginx binary that must load the module (Debian/Ubuntu: nginx-core).", DefaultValueFactory = _ => VerificationRequest.DefaultNginxBinary, HelpName = "BINARY" };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var main = Snippet("--main", "the main context, after the load_module lines");
        var http = Snippet("--http", "http { } (server blocks included)");
        var stream = Snippet("--stream", "stream { } (nginx's stream module is then loaded first)");
        var mail = Snippet("--mail", "mail { } (nginx's mail module is then loaded first)");
        var files = new Option<string[]>("--directives") { Description = "Directives from a file: FILE for the http { } block, or CONTEXT:FILE with CONTEXT main, http, stream or mail; repeatable, added after the inline ones.", HelpName = "[CONTEXT:]FILE" };
        var preload = new Option<string[]>("--preload") { Description = "A shared object to load before the module's (a module it needs, such as ngx_devel_kit); repeatable.", HelpName = "FILE.so", AllowMultipleArgumentsPerToken = false };
        var flags = new Option<string[]>("--configure-arg") { Description = "An extra configure flag, after the source tree's conf_flags (write --configure-arg=--with-foo); repeatable.", HelpName = "FLAG" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds each program (configure, make, nginx -t) may run.", DefaultValueFactory = _ => 600, HelpName = "SECONDS" };
        var keep = new Option<string?>("--keep") { Description = "Build in DIR (absent or empty) and keep it: build trees, logs, shared objects, nginx.conf.", HelpName = "DIR" };
        var with = DependencyOption.Create();
        var reference = ReferenceOptions.Create(referenceOnly: true);
        var command = new Command(Name, "Prove a module with nginx's real build system and binary: configure it statically (and, for an old-style config, check that the converted config builds the same static nginx), build it dynamically with --with-compat and make modules, check that every module the static build adds is in a shared object and none is left in nginx's own lists, and load it under nginx -t. Exit code: 0 proven, 1 a step failed, 2 usage or I/O error.")
        {
            directory, source, nginx, format, main, http, stream, mail, files, preload, flags, with, timeout, keep, reference.Reference,
        };
        // The action's token is cancelled on Ctrl-C: the programs running are stopped and the work directory removed.
        command.SetAction((result, cancellationToken) =>
        {
            var snippets = new[] { main, http, stream, mail }.Select(o => result.GetValue(o)).ToArray();
            var request = new VerificationRequest(result.GetValue(directory)!)
            {
                NginxSource = result.GetValue(source)!,
                NginxBinary = result.GetValue(nginx)!,
                ConfigureFlags = [.. result.GetValue(flags) ?? []],
                Preload = [.. result.GetValue(preload) ?? []],
                ConfiguredFirst = [.. result.GetValue(with) ?? []],
                KeepDirectory = result.GetValue(keep),
                Reference = ReferenceBuild.Named(result.GetValue(reference.Reference)!)!,
            };
            return Task.FromResult(Run(console, request, snippets, result.GetValue(files) ?? [], result.GetValue(timeout), result.GetValue(format)!, cancellationToken));
        });
        return command;
    }

    private static Option<string> Snippet(string name, string context) => new(name)
    {
        Description = $"Directives to put in {context} of the generated nginx.conf, for nginx -t to check.",
        DefaultValueFactory = _ => string.Empty,
        HelpName = "TEXT",
    };

    private static int Run(CliConsole console, VerificationRequest request, string?[] inline, string[] files, int timeout, string format, CancellationToken cancellationToken)
    {
        if (timeout <= 0)
        {
            console.Error.WriteLine("ngx-convert: --timeout must be a positive number of seconds");
            return ExitCodes.UsageOrIoError;
        }

        var texts = inline.Select(t => t ?? string.Empty).ToArray();
        foreach (var file in files)
        {
            if (!TryReadDirectives(file, texts, out var error))
            {
                console.Error.WriteLine("ngx-convert: " + error);
                return ExitCodes.UsageOrIoError;
            }
        }

        request = request with { Directives = new NginxSnippets(texts[0], texts[1], texts[2], texts[3]), Timeout = TimeSpan.FromSeconds(timeout) };
        VerificationReport report;
        try
        {
            report = ModuleVerifier.Verify(request, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("ngx-convert: verify interrupted");
            return ExitCodes.UsageOrIoError;
        }

        foreach (var problem in report.Problems)
        {
            // A diagnostic keeps its own form, path(line,col): severity ID: message, which editors and CI read.
            console.Error.WriteLine(problem.Diagnostic?.ToString() ?? "ngx-convert: " + problem.Message + OptionHint(problem.Kind));
        }

        if (format == "json")
        {
            DiagnosticJson.WriteDocument(console, writer => VerificationJson.Write(writer, report));
        }
        else if (!report.Steps.IsEmpty)
        {
            VerificationText.Write(console.Out, report);
        }

        return report.Verdict switch
        {
            VerificationVerdict.Proven => ExitCodes.Success,
            VerificationVerdict.NotProven => ExitCodes.Findings,
            _ => ExitCodes.UsageOrIoError,
        };
    }

    // --directives [CONTEXT:]FILE appends the file's text to the context's (main, http, stream, mail; http by default).
    private static bool TryReadDirectives(string value, string[] texts, out string error)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var context = colon > 0 ? Array.IndexOf(Contexts, value[..colon]) : -1;
        var path = context >= 0 ? value[(colon + 1)..] : value;
        if (!InputFile.TryRead(path, out var source, out error))
        {
            return false;
        }

        var index = context >= 0 ? context : Array.IndexOf(Contexts, "http");
        texts[index] = texts[index].Length == 0 ? source.Text : texts[index] + "\n" + source.Text;
        return true;
    }

    private static string OptionHint(SetupProblemKind kind) => kind switch
    {
        SetupProblemKind.NginxSource => ", or give another tree with --nginx-src DIR",
        SetupProblemKind.NginxBinary => ", or give another binary with --nginx BINARY",
        _ => string.Empty,
    };
}
