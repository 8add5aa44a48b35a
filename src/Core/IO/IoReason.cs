namespace ConfigConvert.IO;

/// <summary>
/// Why a file operation failed, in the few words that follow <c>cannot read `PATH`: </c>. .NET's own messages name the
/// path again (<c>Access to the path '/m/src' is denied.</c>, <c>Is a directory : '/m/b'</c>) and end with a full
/// stop, which reads badly inside a diagnostic that names the path already and goes on after the reason.
/// </summary>
public static class IoReason
{
    /// <summary>The reason <paramref name="failure"/> gives, without the path and the full stop.</summary>
    /// <remarks>A message of the project's own (the atomic writer's read-only directory) is kept as it is.</remarks>
    public static string Of(Exception failure) => failure switch
    {
        UnauthorizedAccessException when failure.Message.StartsWith("Access to the path", StringComparison.Ordinal) => "permission denied",
        FileNotFoundException or DirectoryNotFoundException when failure.Message.StartsWith("Could not find", StringComparison.Ordinal) => "no such file or directory",
        PathTooLongException => "the path is too long",
        _ => Trimmed(failure.Message),
    };

    private static string Trimmed(string message)
    {
        // .NET on Unix appends " : 'PATH'" to the system's words (strerror).
        var pathSuffix = message.IndexOf(" : '", StringComparison.Ordinal);
        var reason = (pathSuffix > 0 ? message[..pathSuffix] : message).Trim();
        return reason.EndsWith('.') ? reason[..^1] : reason;
    }
}
