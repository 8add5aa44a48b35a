using System.Text;
using ConfigConvert.IO;
using ConfigConvert.TestSupport;
using ConfigConvert.Text;

namespace ConfigConvert.Core.Tests;

/// <summary>
/// <see cref="BoundedFile.ReadText"/> decodes a file as it reads it (<see cref="TwoPassDecoding"/>) and gives exactly
/// what <see cref="SourceText.From(ReadOnlySpan{byte})"/> gives for its bytes: the same characters and the same
/// encoding, so the same bytes when written back. A stream that changes between the two passes is read again, whole.
/// </summary>
public sealed class BoundedFileTextTests : IDisposable
{
    private const int Chunk = 64 * 1024;

    private readonly string _root = Directory.CreateTempSubdirectory("cc-bounded-text-").FullName;

    public static TheoryData<string, byte[]> Contents => new()
    {
        { "ASCII", "ngx_addon_name=ngx_http_x_module\n"u8.ToArray() },
        { "one byte", "x"u8.ToArray() },
        { "a byte order mark", [0xEF, 0xBB, 0xBF, .. "echo\n"u8] },
        { "a two-byte character across the chunk's end", [.. Ascii(Chunk - 1), 0xC3, 0xA9, .. "\n"u8] },
        { "a four-byte character across the chunk's end", [.. Ascii(Chunk - 2), 0xF0, 0x9F, 0x98, 0x80, .. "\n"u8] },
        { "UTF-8 over several chunks", [.. Enumerable.Repeat("é ü 日本 😀\n"u8.ToArray(), 20_000).SelectMany(b => b)] },
        { "Latin-1 in the first chunk", [.. "caf"u8, 0xE9, .. Ascii(3 * Chunk)] },
        { "Latin-1 in the last chunk", [.. Ascii(3 * Chunk), 0xE9, .. "\n"u8] },
        { "a sequence cut off at the end", [.. Ascii(Chunk), 0xE2, 0x82] },
        { "a lone continuation byte across the chunk's end", [.. Ascii(Chunk - 1), 0x80, 0x80] },
        { "NUL bytes and CRLF", [0, .. "a\r\nb\r"u8, 0, .. "\n"u8] },
    };

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [MemberData(nameof(Contents))]
    public void A_file_reads_as_its_bytes_decode(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, "config");
        File.WriteAllBytes(path, bytes);
        var expected = SourceText.From(bytes);

        var read = BoundedFile.ReadText(path);

        Assert.NotNull(read);
        Assert.True(expected.Text == read.Text, name);
        Assert.Equal(expected.Encoding, read.Encoding);
        Assert.Equal(bytes, read.GetBytes());
    }

    [Theory]
    [MemberData(nameof(Contents))]
    public void A_file_opened_as_text_reads_as_its_bytes_decode(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, "config");
        File.WriteAllBytes(path, bytes);

        using var reader = BoundedFile.OpenText(path);

        Assert.NotNull(reader);
        Assert.True(SourceText.From(bytes).Text == ReadInSmallPieces(reader), name);
    }

    [Fact]
    public void A_file_opened_as_text_is_refused_over_the_limit_and_a_device_is_read_up_to_it()
    {
        var path = Path.Combine(_root, "large");
        File.WriteAllBytes(path, Ascii(1000));
        Assert.Null(BoundedFile.OpenText(path, limit: 999));
        Assert.Equal(1000, BoundedFile.OpenText(path, limit: 1000)!.ReadToEnd().Length);
        Assert.Null(BoundedFile.OpenText("/dev/zero", limit: 3 * Chunk));
        Assert.Equal(string.Empty, BoundedFile.OpenText("/dev/null")!.ReadToEnd());
    }

    [Theory]
    [InlineData("grown", "0123456789abcdef")]
    [InlineData("shrunk", "0123")]
    [InlineData("no longer valid UTF-8", "0123\xE9xyz")]
    public void A_stream_that_changes_after_it_was_opened_as_text_fails_to_read(string change, string second)
    {
        var stream = new ChangingStream("01234567"u8.ToArray(), Encoding.Latin1.GetBytes(second));
        using var reader = TwoPassDecoding.OpenReader(stream, 8);

        Assert.NotNull(reader);
        var failure = Record.Exception(() => reader.ReadToEnd());
        Assert.True(failure is InvalidDataException or DecoderFallbackException, $"{change}: {failure}");
    }

    [Fact]
    public void A_stream_shorter_than_measured_is_not_opened()
    {
        using var stream = new ChangingStream("01234567"u8.ToArray(), "0123"u8.ToArray());
        Assert.Null(TwoPassDecoding.OpenReader(stream, 9));
    }

    [Fact]
    public void A_reader_peeks_and_reads_a_character_at_a_time()
    {
        using var reader = TwoPassDecoding.OpenReader(new MemoryStream([.. "caf"u8, 0xE9]), 4)!;
        Assert.Equal('c', reader.Peek());
        Assert.Equal('c', reader.Read());
        Assert.Equal("af\u00e9", reader.ReadToEnd());
        Assert.Equal(-1, reader.Peek());
        Assert.Equal(-1, reader.Read());
    }

    [Fact]
    public void An_empty_file_and_an_empty_device_are_empty_text()
    {
        var path = Path.Combine(_root, "empty");
        File.WriteAllBytes(path, []);
        Assert.Equal(string.Empty, BoundedFile.ReadText(path)!.Text);
        Assert.Equal(string.Empty, BoundedFile.ReadText("/dev/null")!.Text);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_and_a_device_read_up_to_it()
    {
        var path = Path.Combine(_root, "large");
        File.WriteAllBytes(path, Ascii(1000));
        Assert.Null(BoundedFile.ReadText(path, limit: 999));
        Assert.Equal(1000, BoundedFile.ReadText(path, limit: 1000)!.Text.Length);
        Assert.Null(BoundedFile.ReadText("/dev/zero", limit: 3 * Chunk));
    }

    [Fact]
    public async Task A_pipe_is_read_whole()
    {
        var fifo = Fifo.Create(Path.Combine(_root, "fifo"));
        var writer = Task.Run(() => File.WriteAllBytes(fifo, [.. "caf"u8, 0xE9]));

        var read = BoundedFile.ReadText(fifo);

        await writer;
        Assert.Equal("café", read!.Text);
        Assert.Equal(SourceEncoding.Latin1, read.Encoding);
    }

    [Theory]
    [InlineData("grown", "0123456789abcdef")]
    [InlineData("shrunk", "0123")]
    [InlineData("no longer valid UTF-8", "0123\xE9")]
    public void A_stream_that_changes_between_the_passes_is_not_decoded(string change, string second)
    {
        using var stream = new ChangingStream(Encoding.Latin1.GetBytes("01234567"), Encoding.Latin1.GetBytes(second));
        Assert.True(TwoPassDecoding.Decode(stream, 8) is null, change);
    }

    [Fact]
    public void A_stream_read_the_same_twice_is_decoded()
    {
        using var stream = new ChangingStream("01234567"u8.ToArray(), "01234567"u8.ToArray());
        Assert.Equal("01234567", TwoPassDecoding.Decode(stream, 8)!.Text);
    }

    // Reads as a parser's window does, a few characters at a time, so that chunks and reads end in different places.
    private static string ReadInSmallPieces(TextReader reader)
    {
        var text = new StringBuilder();
        var piece = new char[1000];
        for (int n; (n = reader.Read(piece, 0, piece.Length)) > 0;)
        {
            text.Append(piece, 0, n);
        }

        return text.ToString();
    }

    private static byte[] Ascii(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)(i % 64 == 63 ? '\n' : 'a' + (i % 26)))];

    /// <summary>Holds <paramref name="first"/> until it is rewound, and <paramref name="second"/> after.</summary>
    private sealed class ChangingStream(byte[] first, byte[] second) : MemoryStream(first)
    {
        private MemoryStream? _after;

        public override long Position
        {
            get => _after?.Position ?? base.Position;
            set => _after = value == 0 ? new MemoryStream(second) : throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
            => _after?.Read(buffer, offset, count) ?? base.Read(buffer, offset, count);
    }
}
