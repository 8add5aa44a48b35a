using System.Collections.Immutable;
using ConfigConvert.ModuleModel;
using ConfigConvert.Verification.Nginx;
using ConfigConvert.Verification.Processes;

namespace ConfigConvert.Verification.Steps;

/// <summary>Everything a verification needs, checked before anything runs; every problem is reported at once.</summary>
internal sealed record Setup(ModuleDirectory Module, NginxSourceTree Source, NginxBinary Nginx)
{
    public static Setup? Check(VerificationRequest request, ProcessRunner runner, out ImmutableArray<SetupProblem> problems)
    {
        var found = ImmutableArray.CreateBuilder<SetupProblem>();
        var module = ModuleDirectory.Load(request.ModuleDirectory);
        if (!request.ConfiguredFirst.IsEmpty)
        {
            // The dependencies' I/O errors (a missing directory or config) become the module's.
            module = module.WithConfiguredFirst(request.ConfiguredFirst.Select(ModuleDirectory.Load));
        }

        foreach (var diagnostic in module.HasIoError ? module.Diagnostics : [])
        {
            found.Add(new SetupProblem(SetupProblemKind.Module, diagnostic.Message, diagnostic));
        }

        CheckTools(found);
        var source = NginxSourceTree.Open(request.NginxSource, runner, out var sourceProblem);
        if (sourceProblem is not null)
        {
            found.Add(new SetupProblem(SetupProblemKind.NginxSource, sourceProblem + Hint(request.NginxSource, VerificationRequest.DefaultNginxSource, "nginx-dev")));
        }

        var nginx = NginxBinary.Open(request.NginxBinary, runner, out var binaryProblem);
        if (binaryProblem is not null)
        {
            found.Add(new SetupProblem(SetupProblemKind.NginxBinary, binaryProblem + Hint(request.NginxBinary, VerificationRequest.DefaultNginxBinary, "nginx-core")));
        }

        foreach (var so in request.Preload.Where(so => !File.Exists(so)))
        {
            found.Add(new SetupProblem(SetupProblemKind.Input, $"{so}: no such shared object to load first"));
        }

        problems = found.ToImmutable();
        return problems.IsEmpty ? new Setup(module, source!, nginx!) : null;
    }

    private static string Hint(string given, string standard, string package)
        => given == standard ? $"; on Debian and Ubuntu, install it with `apt-get install {package}`" : string.Empty;

    private static void CheckTools(ImmutableArray<SetupProblem>.Builder found)
    {
        if (!File.Exists("/bin/sh"))
        {
            found.Add(new SetupProblem(SetupProblemKind.Tool, "/bin/sh is missing: configure runs with it"));
        }

        var compiler = Environment.GetEnvironmentVariable("CC") is { Length: > 0 } cc ? cc.Split(' ')[0] : "cc";
        foreach (var (program, package) in new[] { ("make", "make"), (compiler, "gcc") })
        {
            if (FindOnPath(program) is null)
            {
                found.Add(new SetupProblem(SetupProblemKind.Tool, $"`{program}` is not installed: configure and make need it; on Debian and Ubuntu, install it with `apt-get install {package}`"));
            }
        }
    }

    private static string? FindOnPath(string program)
    {
        if (program.Contains('/'))
        {
            return File.Exists(program) ? program : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
    }
}
