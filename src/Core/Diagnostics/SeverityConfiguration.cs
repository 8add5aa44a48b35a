using System.Collections.Immutable;

namespace ConfigConvert.Diagnostics;

/// <summary>
/// Which severity each diagnostic id gets, where it differs from its descriptor's default: a rule can
/// be raised to an error, lowered to info, or switched off with <c>none</c>.
/// </summary>
public sealed class SeverityConfiguration
{
    private readonly ImmutableDictionary<string, DiagnosticSeverity?> _byId;

    private SeverityConfiguration(ImmutableDictionary<string, DiagnosticSeverity?> byId) => _byId = byId;

    /// <summary>Every diagnostic keeps its descriptor's default severity.</summary>
    public static SeverityConfiguration Default { get; } = new(ImmutableDictionary<string, DiagnosticSeverity?>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase));

    /// <summary>The same configuration with <paramref name="id"/> given <paramref name="severity"/> (null: switched off).</summary>
    public SeverityConfiguration With(string id, DiagnosticSeverity? severity) => new(_byId.SetItem(id, severity));

    /// <summary>
    /// Reads <c>ID=SEVERITY</c> entries (<c>CC2201=none</c>, <c>CC4001=error</c>), the severity being
    /// one of <see cref="SeverityNames"/>. Returns null and says why in <paramref name="error"/> for a
    /// malformed entry.
    /// </summary>
    public static SeverityConfiguration? Parse(IEnumerable<string> entries, out string? error)
    {
        var configuration = Default;
        foreach (var entry in entries)
        {
            var equals = entry.IndexOf('=');
            var id = equals > 0 ? entry[..equals].Trim() : string.Empty;
            if (id.Length == 0 || !SeverityNames.TryParse(entry[(equals + 1)..].Trim(), out var severity))
            {
                error = $"`{entry}` is not ID=SEVERITY with a severity of error, warning, info or none";
                return null;
            }

            configuration = configuration.With(id, severity);
        }

        error = null;
        return configuration;
    }

    /// <summary>The severity of <paramref name="descriptor"/>'s diagnostics; null when switched off.</summary>
    public DiagnosticSeverity? SeverityOf(DiagnosticDescriptor descriptor)
        => _byId.TryGetValue(descriptor.Id, out var configured) ? configured
            : descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity
            : null;

    /// <summary><paramref name="diagnostic"/> with its configured severity, or null when its rule is switched off.</summary>
    public Diagnostic? Apply(Diagnostic diagnostic)
        => _byId.TryGetValue(diagnostic.Id, out var configured)
            ? configured is { } severity ? diagnostic.WithSeverity(severity) : null
            : diagnostic.Descriptor.IsEnabledByDefault ? diagnostic : null;
}
