using System.Text;

namespace ConfigConvert.Cli;

/// <summary>
/// Standard output or error, written so that a failure to write never stops the run: a full disk
/// (<c>&gt;/dev/full</c>) or a stream the caller closed (<c>&gt;&amp;-</c>) must not leave a conversion half done, nor
/// be blamed on the config being written. The first failure is kept, and the run reports it when it ends.
/// </summary>
/// <remarks>A reader that goes away (<c>| head -1</c>) is no failure: .NET's console drops what it writes to a broken pipe.</remarks>
internal sealed class GuardedWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly TextWriter? _flushFirst;

    private GuardedWriter(TextWriter inner, string? failure, TextWriter? flushFirst)
    {
        _inner = inner;
        Failure = failure;
        _flushFirst = flushFirst;
    }

    /// <summary>Why the first write that failed failed, or null while every write has succeeded.</summary>
    public string? Failure { get; private set; }

    public override Encoding Encoding => _inner.Encoding;

    /// <summary>
    /// The stream <paramref name="open"/> gives, or one that writes nothing when it cannot be opened (its descriptor is closed).
    /// What <paramref name="flushFirst"/> holds back is written before each write to this one: standard output, buffered,
    /// before standard error.
    /// </summary>
    public static GuardedWriter Open(Func<TextWriter> open, TextWriter? flushFirst = null)
    {
        try
        {
            return new GuardedWriter(open(), failure: null, flushFirst);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // .NET wraps the descriptor's error (EBADF: closed by the caller) in an access error.
            return new GuardedWriter(Null, $"it is not open ({(e.InnerException ?? e).Message})", flushFirst: null);
        }
    }

    public override void Write(char value) => Guard(value, static (writer, c) => writer.Write(c));

    public override void Write(string? value) => Guard(value, static (writer, text) => writer.Write(text));

    public override void Write(char[] buffer, int index, int count) => Guard((buffer, index, count), static (writer, part) => writer.Write(part.buffer, part.index, part.count));

    public override void WriteLine(string? value) => Guard(value, static (writer, text) => writer.WriteLine(text));

    public override void Flush() => Guard(0, static (writer, _) => writer.Flush());

    // Static lambdas with their state passed in: no closure is made per write.
    private void Guard<T>(T state, Action<TextWriter, T> write)
    {
        _flushFirst?.Flush();
        if (Failure is not null)
        {
            return;
        }

        try
        {
            write(_inner, state);
        }
        catch (UnauthorizedAccessException)
        {
            // EBADF on a write: the descriptor is open, but not for writing (closed by the caller, then taken by a
            // file the .NET host opened before the run began).
            Failure = "it is not open for writing";
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            Failure = e.Message;
        }
    }
}
