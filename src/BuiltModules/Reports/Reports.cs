using System.Collections.Immutable;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.BuiltModules;

/// <summary>The result of inspecting shared objects, and, against an nginx binary, what it would say loading them in order.</summary>
public sealed record InspectionReport(ImmutableArray<SharedObjectReport> SharedObjects, NginxBinaryReport? Nginx, ImmutableArray<LoadOutcome> Outcomes)
{
    /// <summary>True when nginx would refuse at least one of the files.</summary>
    public bool WouldFail => Outcomes.Any(o => !o.Loads);
}

/// <summary>Every <c>load_module</c> of a configuration checked against an nginx binary.</summary>
public sealed record PreflightReport
{
    /// <summary>The main configuration file read.</summary>
    public required string ConfigurationFile { get; init; }

    /// <summary>The prefix relative <c>load_module</c> paths were taken from.</summary>
    public required string Prefix { get; init; }

    /// <summary>The nginx binary checked against.</summary>
    public required NginxBinaryReport Nginx { get; init; }

    /// <summary>One outcome per <c>load_module</c>, in the order nginx meets them.</summary>
    public ImmutableArray<LoadOutcome> Outcomes { get; init; } = [];

    /// <summary>The configuration files read, main file first.</summary>
    public ImmutableArray<string> Files { get; init; } = [];

    /// <summary>Problems reading the configuration (syntax errors, include loops, unreadable files).</summary>
    public ImmutableArray<Diagnostic> ConfigurationDiagnostics { get; init; } = [];

    /// <summary>True when <c>nginx -t</c> would fail: a module refused, or the configuration unreadable.</summary>
    public bool WouldFail => Outcomes.Any(o => !o.Loads) || ConfigurationDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || !Nginx.IsUsable;
}
