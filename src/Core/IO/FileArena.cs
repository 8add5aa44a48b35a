using ConfigConvert.Text;

namespace ConfigConvert.IO;

/// <summary>
/// Memory for the bytes of a group of files that are read together and dropped together, a module's C files for one
/// check of it, used again for the next group once <see cref="Release"/> says the last one is done with.
/// </summary>
/// <remarks>
/// A file read into an array of its own costs twice on a machine where memory touched for the first time is dear: the
/// kernel copies the file into pages the process never touched, and the array lives until a full collection frees it
/// (docs/performance.md, the twenty-first round). Read here, the files of the next module land in pages the last one
/// already touched, and the collector sees a few arrays that live as long as the check, whatever the size of the tree.
/// What was read stays readable until <see cref="Release"/>; a <see cref="FileContent"/> read after it throws rather
/// than show the bytes of another file. An arena is for one thread at a time.
/// </remarks>
public sealed class FileArena
{
    /// <summary>The size of each block of the arena; a larger file is read into an array of its own, as without one.</summary>
    internal const int ChunkBytes = 1 << 20;

    /// <summary>How many blocks a release keeps for the next group: a module of more C than this gives the rest back.</summary>
    private const int KeptChunks = 8;

    private readonly List<byte[]> _chunks = [];
    private int _chunk;
    private int _used;

    /// <summary>Counts the releases: what was read before the last one is no longer readable.</summary>
    internal int Lease { get; private set; }

    /// <summary>
    /// The bytes of a file a search found and measured (as <see cref="BoundedFile.ReadMeasuredFile(string, long, long)"/> reads it), or
    /// null when it holds more than <paramref name="limit"/> bytes.
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission is denied.</exception>
    public FileContent? Read(string path, long size, long limit = InputLimits.MaxFileBytes) => BoundedFile.ReadMeasuredFile(path, size, limit, this);

    /// <summary>Says that nothing read so far is read again: the next files reuse its memory.</summary>
    public void Release()
    {
        Lease++;
        _chunk = 0;
        _used = 0;
        if (_chunks.Count > KeptChunks)
        {
            _chunks.RemoveRange(KeptChunks, _chunks.Count - KeptChunks);
        }
    }

    /// <summary>Room for <paramref name="size"/> bytes (at most <see cref="ChunkBytes"/>), not yet taken: <see cref="Take"/> takes what was read.</summary>
    internal Memory<byte> Reserve(int size)
    {
        if (_chunk < _chunks.Count && ChunkBytes - _used < size)
        {
            _chunk++;
            _used = 0;
        }

        if (_chunk == _chunks.Count)
        {
            // Pinned: a file is read into it by a system call, and the collector has no reason to move what lives as
            // long as the check.
            _chunks.Add(GC.AllocateUninitializedArray<byte>(ChunkBytes, pinned: true));
        }

        return _chunks[_chunk].AsMemory(_used, size);
    }

    /// <summary>The first <paramref name="count"/> bytes of the room <see cref="Reserve"/> gave, now a file's.</summary>
    internal FileContent Take(int count)
    {
        var content = new FileContent(this, _chunks[_chunk], _used, count);
        _used += count;
        return content;
    }
}
