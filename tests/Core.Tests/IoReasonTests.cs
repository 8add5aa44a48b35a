using ConfigConvert.IO;

namespace ConfigConvert.Core.Tests;

public sealed class IoReasonTests
{
    [Fact]
    public void The_reasons_of_real_failures_name_neither_the_path_again_nor_end_with_a_full_stop()
    {
        var directory = Directory.CreateTempSubdirectory("cc-reason-").FullName;
        try
        {
            Assert.Equal("no such file or directory", IoReason.Of(Assert.ThrowsAny<IOException>(() => File.ReadAllBytes(Path.Combine(directory, "none", "x")))));
            Assert.Equal("no such file or directory", IoReason.Of(Assert.ThrowsAny<IOException>(() => File.ReadAllBytes(Path.Combine(directory, "x")))));
            var asDirectory = Assert.ThrowsAny<Exception>(() => File.WriteAllText(directory, "x"));
            Assert.DoesNotContain(directory, IoReason.Of(asDirectory), StringComparison.Ordinal);
            Assert.False(IoReason.Of(asDirectory).EndsWith('.'));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("Is a directory : '/m/b'", "Is a directory")]
    [InlineData("No space left on device : '/m/.config.tmp'", "No space left on device")]
    [InlineData("Too many levels of symbolic links.", "Too many levels of symbolic links")]
    public void Dot_net_messages_lose_the_path_and_the_full_stop(string message, string reason)
        => Assert.Equal(reason, IoReason.Of(new IOException(message)));

    [Fact]
    public void A_permission_failure_says_so_in_two_words()
        => Assert.Equal("permission denied", IoReason.Of(new UnauthorizedAccessException("Access to the path '/m/src' is denied.")));
}
