using System.Collections.Immutable;
using ConfigConvert.BuiltModules.Configuration;
using ConfigConvert.BuiltModules.Linking;
using ConfigConvert.BuiltModules.Modules;
using ConfigConvert.BuiltModules.Prediction;

namespace ConfigConvert.BuiltModules;

/// <summary>
/// Reads what built nginx modules record and predicts what <c>nginx -t</c> says when it loads them.
/// Nothing here throws on bad input: unreadable files, files that are not modules and broken
/// configurations come back as diagnostics in the reports.
/// </summary>
public static class BuiltModuleInspector
{
    /// <summary>
    /// Reads each shared object; with <paramref name="againstNginx"/>, also predicts what that nginx
    /// says when the files are loaded in the given order (as consecutive <c>load_module</c> lines).
    /// </summary>
    public static InspectionReport Inspect(IReadOnlyList<string> sharedObjects, string? againstNginx = null)
        => Inspect(sharedObjects, againstNginx, new SharedLibraries(LibrarySearch.System));

    /// <summary>
    /// Checks every <c>load_module</c> of <paramref name="configurationFile"/> (default: the binary's
    /// <c>--conf-path</c>) and the files it includes against <paramref name="nginxBinary"/>, in the
    /// order nginx meets them; relative module paths are taken from <paramref name="prefix"/> (default:
    /// the binary's <c>--prefix</c>), relative includes from the directory of the configuration file.
    /// </summary>
    public static PreflightReport Preflight(string nginxBinary, string? configurationFile = null, string? prefix = null)
        => Preflight(nginxBinary, configurationFile, prefix, new SharedLibraries(LibrarySearch.System));

    /// <summary>
    /// Each file is read, loaded into the simulated nginx and let go before the next is read: what a load leaves
    /// behind is names and exports, and a directory of thousands of modules is not held whole as images.
    /// </summary>
    internal static InspectionReport Inspect(IReadOnlyList<string> sharedObjects, string? againstNginx, SharedLibraries libraries)
    {
        var nginx = againstNginx is null ? null : NginxBinaryReader.Read(againstNginx, libraries);
        var simulator = nginx is { Report.IsUsable: true } ? new LoadSimulator(nginx, libraries) : null;
        var reports = ImmutableArray.CreateBuilder<SharedObjectReport>(sharedObjects.Count);
        var outcomes = ImmutableArray.CreateBuilder<LoadOutcome>();
        foreach (var path in sharedObjects)
        {
            var file = ModuleFileReader.Read(path, libraries);
            reports.Add(file.Report);
            if (simulator is not null)
            {
                outcomes.Add(simulator.Load(path, Path.GetFullPath(path), file, null, 0, DirectiveProblem.None));
            }
        }

        return new InspectionReport(reports.ToImmutable(), nginx?.Report, outcomes.ToImmutable());
    }

    internal static PreflightReport Preflight(string nginxBinary, string? configurationFile, string? prefix, SharedLibraries libraries)
    {
        var nginx = NginxBinaryReader.Read(nginxBinary, libraries);
        var configuration = Path.GetFullPath(configurationFile ?? nginx.Report.ConfigurationPath);
        // As nginx -p takes it: a relative prefix stays relative (to where nginx starts), and so do the paths it names.
        var modulePrefix = prefix is null ? nginx.Report.Prefix : prefix.TrimEnd('/') + "/";
        var report = new PreflightReport { ConfigurationFile = configuration, Prefix = modulePrefix, Nginx = nginx.Report };
        if (!nginx.Report.IsUsable)
        {
            return report;
        }

        var read = ConfReader.Read(configuration, Path.GetDirectoryName(configuration)!.TrimEnd('/') + "/");
        var simulator = new LoadSimulator(nginx, libraries);
        var files = new Dictionary<string, ModuleFile>(StringComparer.Ordinal);
        var outcomes = ImmutableArray.CreateBuilder<LoadOutcome>();
        foreach (var directive in read.LoadModules)
        {
            var argument = CPath.AsOpened(directive.Argument);
            var fullPath = Path.IsPathRooted(argument) ? argument : modulePrefix + argument;
            if (!files.TryGetValue(fullPath, out var file))
            {
                file = ModuleFileReader.Read(fullPath, libraries);
                files[fullPath] = file;
            }

            outcomes.Add(simulator.Load(directive.Argument, fullPath, file, directive.Location, directive.NginxLine, directive.Problem));
        }

        return report with { Outcomes = outcomes.ToImmutable(), Files = read.Files, ConfigurationDiagnostics = read.Diagnostics };
    }
}
