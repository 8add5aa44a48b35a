using System.Collections.Immutable;
using System.Text.Json;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;

namespace ConfigConvert.Analyzers.Baselines;

/// <summary>
/// A baseline: the findings a project has accepted for now, written by <c>check --write-baseline</c> as
/// <c>{"version": 1, "findings": [{"id", "module", "path", "lineHash", "occurrence"}]}</c>, sorted so that
/// the file changes only where findings change.
/// </summary>
internal sealed class BaselineFile
{
    public const int Version = 1;

    private readonly HashSet<FindingKey> _all;
    private readonly HashSet<FindingKey> _unused;

    private BaselineFile(string path, ImmutableArray<FindingKey> entries)
    {
        Path = path;
        Entries = entries;
        _all = [.. entries];
        _unused = [.. entries];
    }

    /// <summary>The file's full path; modules are recorded relative to its directory.</summary>
    public string Path { get; }

    public ImmutableArray<FindingKey> Entries { get; }

    /// <summary>The directory module paths are relative to.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>An empty baseline to be filled and written at <paramref name="path"/>.</summary>
    public static BaselineFile Empty(string path) => new(System.IO.Path.GetFullPath(path), []);

    /// <summary>Reads a baseline; null, with <see cref="DriverDiagnostics.InvalidBaseline"/> in <paramref name="diagnostics"/>, when it cannot be used.</summary>
    public static BaselineFile? Read(string path, List<Diagnostic> diagnostics)
    {
        try
        {
            if (System.IO.Directory.Exists(path))
            {
                throw new IOException("it is a directory");
            }

            using var document = JsonDocument.Parse(BoundedFile.ReadAllBytes(path) ?? throw new IOException("file is too large"));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var number) || number != Version)
            {
                throw new FormatException($"it is not a baseline of version {Version} (an object with \"version\": {Version})");
            }

            var entries = root.TryGetProperty("findings", out var findings) && findings.ValueKind == JsonValueKind.Array
                ? findings.EnumerateArray().Select(ReadEntry).ToImmutableArray()
                : throw new FormatException("it has no \"findings\" array");
            return new BaselineFile(System.IO.Path.GetFullPath(path), entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            var reason = e switch
            {
                FileNotFoundException => "no such file",
                JsonException json => $"it is not JSON ({json.Message})",
                KeyNotFoundException or InvalidOperationException => "an entry lacks one of id, module, path, lineHash and occurrence, or has one of the wrong type",
                _ => e.Message,
            };
            diagnostics.Add(Diagnostic.Create(DriverDiagnostics.InvalidBaseline, Location.None(path), path, reason));
            return null;
        }
    }

    private static FindingKey ReadEntry(JsonElement entry) => new(
        entry.GetProperty("id").GetString() ?? throw new FormatException("an entry has no id"),
        entry.GetProperty("module").GetString() ?? string.Empty,
        entry.GetProperty("path").GetString() ?? string.Empty,
        entry.GetProperty("lineHash").GetString() ?? string.Empty,
        entry.GetProperty("occurrence").TryGetInt32(out var occurrence) ? occurrence : throw new FormatException("an entry's occurrence is not a whole number"));

    /// <summary>True, and the entry counted as used, when the baseline records <paramref name="key"/>.</summary>
    public bool Hides(FindingKey key)
    {
        // Modules may be checked in parallel.
        lock (_unused)
        {
            _unused.Remove(key);
        }

        return _all.Contains(key);
    }

    /// <summary>One <see cref="DriverDiagnostics.UnusedBaselineEntry"/> per entry that hid nothing.</summary>
    public IEnumerable<Diagnostic> UnusedEntries() => Entries.Where(_unused.Contains).Select(e =>
        Diagnostic.Create(DriverDiagnostics.UnusedBaselineEntry, Location.None(Path), e.Id, e.Module.Length == 0 || e.Module == "." ? e.Path : e.Module + "/" + e.Path));

    /// <summary>The JSON of a baseline recording <paramref name="keys"/>.</summary>
    public static byte[] Serialize(IEnumerable<FindingKey> keys)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteStartArray("findings");
            foreach (var key in keys.Order(Comparer<FindingKey>.Create(Compare)))
            {
                writer.WriteStartObject();
                writer.WriteString("id", key.Id);
                writer.WriteString("module", key.Module);
                writer.WriteString("path", key.Path);
                writer.WriteString("lineHash", key.LineHash);
                writer.WriteNumber("occurrence", key.Occurrence);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static int Compare(FindingKey a, FindingKey b)
    {
        var order = string.CompareOrdinal(a.Module, b.Module);
        order = order != 0 ? order : string.CompareOrdinal(a.Path, b.Path);
        order = order != 0 ? order : string.CompareOrdinal(a.Id, b.Id);
        order = order != 0 ? order : string.CompareOrdinal(a.LineHash, b.LineHash);
        return order != 0 ? order : a.Occurrence.CompareTo(b.Occurrence);
    }
}
