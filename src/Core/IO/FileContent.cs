namespace ConfigConvert.IO;

/// <summary>
/// The bytes of a file as read: an array of their own, or a part of a <see cref="FileArena"/>, readable until the
/// arena is released.
/// </summary>
public readonly struct FileContent
{
    private readonly byte[] _array;
    private readonly int _start;
    private readonly FileArena? _arena;
    private readonly int _lease;

    /// <summary>Bytes in an array of their own, readable for as long as they are held.</summary>
    public FileContent(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        _array = bytes;
        Length = bytes.Length;
    }

    internal FileContent(FileArena arena, byte[] chunk, int start, int length)
    {
        _array = chunk;
        _start = start;
        Length = length;
        _arena = arena;
        _lease = arena.Lease;
    }

    /// <summary>The array that holds these bytes and nothing else, when they are not an arena's.</summary>
    internal byte[]? OwnArray => _arena is null ? _array : null;

    /// <summary>How many bytes.</summary>
    public int Length { get; }

    /// <summary>The bytes.</summary>
    /// <exception cref="ObjectDisposedException">They were read into an arena that has since been released.</exception>
    public ReadOnlySpan<byte> Span
    {
        get
        {
            // A check that costs a comparison, against a reader that would otherwise see another file's bytes.
            if (_arena is not null && _arena.Lease != _lease)
            {
                throw new ObjectDisposedException(nameof(FileArena), "the file's bytes were read into an arena that has been released since");
            }

            return new ReadOnlySpan<byte>(_array, _start, Length);
        }
    }
}
