using System.Collections.Frozen;
using System.Collections.Immutable;
using ConfigConvert.BuiltModules.Elf;
using ConfigConvert.IO;

namespace ConfigConvert.BuiltModules.Linking;

/// <summary>
/// The libraries a file pulls in when it is loaded, and the symbols they export. Libraries are read
/// once and shared by every file that needs them (libc is needed by all).
/// </summary>
internal sealed class SharedLibraries(LibrarySearch search)
{
    private const long MaxLibraryBytes = 512L * 1024 * 1024;

    private readonly Dictionary<string, ElfImage?> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FrozenSet<string>> _exports = new(StringComparer.Ordinal);

    // Where each library was found, by its name and the directories searched: every module of a directory
    // needs the same few, and each search opens every candidate up to the one found.
    private readonly Dictionary<string, string?> _found = new(StringComparer.Ordinal);

    /// <summary>
    /// The libraries <paramref name="image"/> needs, breadth first as the loader maps them, skipping
    /// those already loaded (by name); a library that cannot be found has a null path.
    /// </summary>
    public ImmutableArray<ResolvedLibrary> Closure(ElfImage image, IReadOnlySet<string> alreadyLoaded)
    {
        var result = ImmutableArray.CreateBuilder<ResolvedLibrary>();
        var seen = new HashSet<string>(alreadyLoaded, StringComparer.Ordinal);
        var queue = new Queue<ElfImage>([image]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var name in current.Needed)
            {
                if (!seen.Add(name))
                {
                    continue;
                }

                var path = Find(name, current);
                result.Add(new ResolvedLibrary(name, path));
                if (path is not null && ReadImage(path) is { } library)
                {
                    queue.Enqueue(library);
                }
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The symbols a library exports; empty for a file that cannot be read.</summary>
    public FrozenSet<string> Exports(string path)
    {
        if (!_exports.TryGetValue(path, out var exports))
        {
            exports = ReadImage(path) is { } image ? image.Exports.ToFrozenSet(StringComparer.Ordinal) : FrozenSet<string>.Empty;
            _exports[path] = exports;
        }

        return exports;
    }

    /// <summary>Where the C library is: every module gets its symbols, whether or not it names it.</summary>
    public string? FindLibc(ElfImage requester) => Find("libc.so.6", requester);

    private string? Find(string name, ElfImage requester)
    {
        // A NUL parts the name from the directories and each directory from the next: no path holds one.
        var key = name.Contains('/') ? name : string.Join('\0', search.Directories(requester).Prepend(name));
        if (!_found.TryGetValue(key, out var path))
        {
            path = search.Find(name, requester);
            _found[key] = path;
        }

        return path;
    }

    private ElfImage? ReadImage(string path)
    {
        if (!_images.TryGetValue(path, out var image))
        {
            image = Load(path);
            _images[path] = image;
        }

        return image;
    }

    private static ElfImage? Load(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxLibraryBytes)
            {
                return null;
            }

            return BoundedFile.ReadAllBytes(path, MaxLibraryBytes) is { } bytes ? ElfImage.Read(path, bytes).Image : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>A needed library and where the loader would find it (null: not found).</summary>
internal sealed record ResolvedLibrary(string Name, string? Path);
