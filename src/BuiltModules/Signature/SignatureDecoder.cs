using System.Collections.Immutable;
using System.Globalization;

namespace ConfigConvert.BuiltModules.Signature;

/// <summary>Decodes and compares <c>NGX_MODULE_SIGNATURE</c> strings.</summary>
internal static class SignatureDecoder
{
    public static ModuleSignature Decode(string text, NginxVersion version)
    {
        var layout = SignatureLayouts.For(version, out _);
        var parts = text.Split(',');
        if (parts.Length != 4 || !TryInt(parts[0], out var pointer) || !TryInt(parts[1], out var sigAtomic) || !TryInt(parts[2], out var time)
            || parts[3].Any(c => c is not ('0' or '1')))
        {
            return new ModuleSignature { Text = text, LayoutSince = layout.Since };
        }

        var flags = parts[3];
        var features = layout.Positions
            .Where(p => p.Number <= flags.Length)
            .Select(p => new SignatureFeature(p.Number, p.Feature, p.Condition, flags[p.Number - 1] == '1'))
            .ToImmutableArray();
        var compat = layout.CompatPosition is { } position && position.Number <= flags.Length ? flags[position.Number - 1] == '1' : (bool?)null;
        return new ModuleSignature
        {
            Text = text,
            PointerSize = pointer,
            SigAtomicSize = sigAtomic,
            TimeSize = time,
            Features = features,
            WithCompat = compat,
            LayoutSince = layout.Since,
            IsWellFormed = flags.Length == layout.Positions.Length,
        };
    }

    /// <summary>What differs between a module's signature and nginx's, named with nginx's layout.</summary>
    public static ImmutableArray<SignatureDifference> Compare(ModuleSignature module, ModuleSignature nginx)
    {
        if (module.Features.IsEmpty || nginx.Features.IsEmpty)
        {
            return [new SignatureDifference("signature", module.Text, nginx.Text)];
        }

        var differences = ImmutableArray.CreateBuilder<SignatureDifference>();
        AddSize(differences, "pointer size", module.PointerSize, nginx.PointerSize);
        AddSize(differences, "sig_atomic_t size", module.SigAtomicSize, nginx.SigAtomicSize);
        AddSize(differences, "time_t size", module.TimeSize, nginx.TimeSize);
        var byPosition = module.Features.ToDictionary(f => f.Position);
        foreach (var feature in nginx.Features)
        {
            if (byPosition.TryGetValue(feature.Position, out var theirs) && theirs.Enabled != feature.Enabled)
            {
                differences.Add(new SignatureDifference(feature.Name, theirs.Enabled ? "1" : "0", feature.Enabled ? "1" : "0"));
            }
        }

        if (module.Features.Length != nginx.Features.Length)
        {
            differences.Add(new SignatureDifference("number of positions", module.Features.Length.ToString(CultureInfo.InvariantCulture), nginx.Features.Length.ToString(CultureInfo.InvariantCulture)));
        }

        return differences.ToImmutable();
    }

    private static void AddSize(ImmutableArray<SignatureDifference>.Builder differences, string name, int? module, int? nginx)
    {
        if (module != nginx)
        {
            differences.Add(new SignatureDifference(name, module?.ToString(CultureInfo.InvariantCulture) ?? "?", nginx?.ToString(CultureInfo.InvariantCulture) ?? "?"));
        }
    }

    private static bool TryInt(string text, out int value) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
