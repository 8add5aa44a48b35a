using System.Collections.Immutable;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.Text;

namespace ConfigConvert.Converter;

/// <summary>What converting a module's config gave.</summary>
public sealed class ConversionResult
{
    internal ConversionResult(string configPath, SourceText original, ConversionStatus status, string? convertedText, ImmutableArray<Diagnostic> diagnostics)
    {
        ConfigPath = configPath;
        Original = original;
        Status = status;
        ConvertedText = convertedText;
        Diagnostics = diagnostics;
    }

    /// <summary>The config file.</summary>
    public string ConfigPath { get; }

    /// <summary>The config as read.</summary>
    public SourceText Original { get; }

    /// <summary>What happened.</summary>
    public ConversionStatus Status { get; }

    /// <summary>The new text when <see cref="Status"/> is <see cref="ConversionStatus.Converted"/>, otherwise null.</summary>
    public string? ConvertedText { get; }

    /// <summary>The new file's bytes, encoded as the original was.</summary>
    public byte[]? ConvertedBytes => ConvertedText is null ? null : Original.GetBytes(ConvertedText);

    /// <summary>Why a config was left alone, and notes on a conversion.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
}

/// <summary>The outcome of a conversion.</summary>
public enum ConversionStatus
{
    /// <summary>A new config was produced and proven equivalent.</summary>
    Converted,

    /// <summary>Nothing to do: the config is new style already, or registers nothing.</summary>
    Unchanged,

    /// <summary>The converter could not prove a conversion safe and changed nothing; see the diagnostics.</summary>
    Refused,
}

/// <summary>How to convert.</summary>
/// <param name="Compatibility">Keep the old text in an <c>else</c> branch for nginx before 1.9.11 (the default).</param>
public sealed record ConversionOptions(bool Compatibility = true)
{
    /// <summary>
    /// The nginx build the config is evaluated against: its module lists place a module "before
    /// ngx_http_ssi_filter_module", and the self-check compares under it (default
    /// <see cref="ReferenceBuild.Default"/>).
    /// </summary>
    public ReferenceBuild Reference { get; init; } = ReferenceBuild.Default;
}
