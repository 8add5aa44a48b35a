using System.Globalization;
using ConfigConvert.BuiltModules;

namespace ConfigConvert.Cli.Output;

/// <summary>The text output of <c>inspect</c> and <c>preflight</c>.</summary>
internal static class BuiltModuleText
{
    public static void WriteSharedObject(TextWriter output, SharedObjectReport report)
    {
        output.WriteLine(report.Path);
        foreach (var module in report.Modules)
        {
            WriteModule(output, module);
        }

        if (report.HasOrder)
        {
            output.WriteLine("  order: " + (report.Order.IsEmpty ? "(empty: placed at the end of the module list)" : string.Join(' ', report.Order)));
        }

        if (!report.NeededLibraries.IsEmpty)
        {
            output.WriteLine("  needs: " + string.Join(", ", report.NeededLibraries.Select(l => $"{l.Name} ({l.Path ?? "not found"})")));
        }

        if (report.IsModule)
        {
            output.WriteLine($"  symbols nginx, its libraries or an earlier module must provide ({report.SymbolsFromNginx.Length}): " + string.Join(' ', report.SymbolsFromNginx));
        }

        if (report.Packages is { } packages)
        {
            output.WriteLine("  package dependency:");
            output.WriteLine("    deb (nginx.org, pkg-oss): Depends: " + packages.Deb);
            output.WriteLine("    deb (Debian):             Depends: " + (packages.DebianAbi ?? $"nginx-abi-{packages.Version}-REVISION (${{nginx:abi}} of nginx-dev {packages.Version}, not installed here)"));
            output.WriteLine("    rpm (nginx.org, pkg-oss): " + packages.Rpm);
        }
    }

    private static void WriteModule(TextWriter output, BuiltModule module)
    {
        var signature = module.Signature;
        output.WriteLine($"  module {module.Name}");
        output.WriteLine($"    type:      {module.Type.Name}{(module.Type.Constant is { } constant ? $" ({constant})" : $" ({module.Type.Hex})")}");
        output.WriteLine($"    version:   {module.Version} ({module.Version.Number.ToString(CultureInfo.InvariantCulture)})");
        output.WriteLine($"    signature: {signature.Text}");
        if (signature.Features.IsEmpty)
        {
            output.WriteLine("      (not a signature nginx writes)");
            return;
        }

        output.WriteLine($"      sizes:   pointer {signature.PointerSize}, sig_atomic_t {signature.SigAtomicSize}, time_t {signature.TimeSize}");
        output.WriteLine("      compat:  " + (signature.WithCompat switch { true => "built with --with-compat", false => "built without --with-compat", _ => "no --with-compat before nginx 1.11.5" }));
        output.WriteLine("      on:      " + Features(signature, enabled: true));
        output.WriteLine("      off:     " + Features(signature, enabled: false));
        output.WriteLine($"      layout:  nginx {signature.LayoutSince}+{(signature.IsWellFormed ? string.Empty : " (the string has another number of positions)")}");
    }

    private static string Features(ModuleSignature signature, bool enabled)
        => string.Join(", ", signature.Features.Where(f => f.Enabled == enabled && f.Condition is not null).Select(f => f.Name));

    public static void WriteNginx(TextWriter output, NginxBinaryReport nginx)
    {
        output.WriteLine($"against {nginx.Path}: nginx {nginx.Version} ({nginx.Version?.Number.ToString(CultureInfo.InvariantCulture)}), {nginx.StaticModules.Length} static modules, signature {nginx.Signature?.Text}");
    }

    public static void WriteOutcome(TextWriter output, LoadOutcome outcome)
    {
        var where = outcome.Directive is { } location ? $"{location.Path}({location.Start.Line},{location.Start.Column}): " : string.Empty;
        if (outcome.Failure is not { } failure)
        {
            output.WriteLine($"{where}load_module {outcome.Argument}: loads ({string.Join(", ", outcome.Modules)})");
            return;
        }

        output.WriteLine(outcome.ToDiagnostic()!.ToString());
        if (outcome.NginxSays is { } says)
        {
            output.WriteLine("    " + says);
        }

        foreach (var difference in failure.Differences)
        {
            output.WriteLine($"    differs: {difference.Feature}: module {difference.InModule}, nginx {difference.InNginx}");
        }

        if (failure.MissingSymbols.Length > 1)
        {
            output.WriteLine("    undefined: " + string.Join(' ', failure.MissingSymbols));
        }
    }
}
