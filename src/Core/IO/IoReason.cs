namespace ConfigConvert.IO;

/// <summary>
/// Why a file operation failed, in the few words that follow <c>cannot read `PATH`: </c>. .NET's own messages name the
/// path again (<c>Access to the path '/m/src' is denied.</c>, <c>Is a directory : '/m/b'</c>) and end with a full
/// stop, which reads badly inside a diagnostic that names the path already and goes on after the reason.
/// </summary>
public static class IoReason
{
    /// <summary>Why an empty path (<c>''</c> on a command line) cannot be read: .NET refuses it with an exception of its own.</summary>
    public const string EmptyPath = "an empty path names no file";

    /// <summary>The reason <paramref name="failure"/> gives, without the path and the full stop.</summary>
    /// <remarks>A message of the project's own (the atomic writer's read-only directory) is kept as it is.</remarks>
    public static string Of(Exception failure) => failure switch
    {
        UnauthorizedAccessException when failure.Message.StartsWith("Access to the path", StringComparison.Ordinal) => "permission denied",
        FileNotFoundException or DirectoryNotFoundException when failure.Message.StartsWith("Could not find", StringComparison.Ordinal) => "no such file or directory",
        PathTooLongException => "the path is too long",
        _ => Trimmed(failure.Message),
    };

    /// <summary>
    /// The reason <paramref name="failure"/> gives for <paramref name="path"/>; for a path that is not found and whose
    /// name .NET read with a replacement character, that its name is not valid UTF-8 (see <see cref="Missing"/>).
    /// </summary>
    public static string Of(Exception failure, string path)
        => failure is FileNotFoundException or DirectoryNotFoundException && NameNotUtf8(path) ? NotUtf8 : Of(failure);

    /// <summary>
    /// Why <paramref name="path"/> is not found: no such file, or a name that is not valid UTF-8. .NET reads a file
    /// name as UTF-8, puts U+FFFD for the bytes it cannot decode, and then cannot name the file again to open it.
    /// </summary>
    public static string Missing(string path) => NameNotUtf8(path) ? NotUtf8 : "no such file or directory";

    private const string NotUtf8 = "its name is not valid UTF-8, which ngx-convert cannot open (.NET reads file names as UTF-8); rename it";

    /// <summary>True when .NET read a byte of <paramref name="path"/>'s name that is not UTF-8 (it shows U+FFFD), so it cannot open it.</summary>
    public static bool NameNotUtf8(string path) => path.Contains('\uFFFD', StringComparison.Ordinal);

    private static string Trimmed(string message)
    {
        // .NET on Unix appends " : 'PATH'" to the system's words (strerror).
        var pathSuffix = message.IndexOf(" : '", StringComparison.Ordinal);
        var reason = (pathSuffix > 0 ? message[..pathSuffix] : message).Trim();
        return reason.EndsWith('.') ? reason[..^1] : reason;
    }
}
