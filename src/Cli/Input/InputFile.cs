using ConfigConvert.IO;
using ConfigConvert.Text;

namespace ConfigConvert.Cli.Input;

/// <summary>Reads an input file and turns every way that can fail into one clear sentence.</summary>
internal static class InputFile
{
    /// <summary>Inputs larger than this are refused: the same limit as the module model's, so that `parse` and `describe` read the same files.</summary>
    public const long MaxBytes = InputLimits.MaxFileBytes;

    public static bool TryRead(string path, out SourceText text, out string error)
    {
        var read = Read(path, BoundedFile.ReadText, out error);
        text = read ?? SourceText.From(string.Empty);
        return read is not null;
    }

    /// <summary>
    /// Opens the file as a reader of its text, decoded as <see cref="TryRead"/> decodes it but a chunk at a time (see
    /// <see cref="BoundedFile.OpenText"/>): a read of a file that changed since it was opened throws
    /// <see cref="InvalidDataException"/> or <see cref="System.Text.DecoderFallbackException"/>.
    /// </summary>
    public static bool TryOpenText(string path, out TextReader reader, out string error)
    {
        var opened = Read(path, BoundedFile.OpenText, out error);
        reader = opened ?? TextReader.Null;
        return opened is not null;
    }

    private static T? Read<T>(string path, Func<string, long, T?> read, out string error)
        where T : class
    {
        try
        {
            if (path.Length == 0)
            {
                error = IO.IoReason.EmptyPath;
                return null;
            }

            if (Directory.Exists(path))
            {
                error = $"{path}: is a directory";
                return null;
            }

            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                // Throws for a loop: resolving it is how a loop shows itself.
                _ = info.ResolveLinkTarget(returnFinalTarget: true);
            }

            if (!info.Exists)
            {
                error = $"{path}: {(IO.IoReason.NameNotUtf8(path) ? IO.IoReason.Missing(path) : "no such file")}";
                return null;
            }

            if (info.Length > MaxBytes)
            {
                error = $"{path}: file is too large ({info.Length} bytes; the limit is {MaxBytes})";
                return null;
            }

            // A device or a pipe has no size to check first: it is read only up to the limit (/dev/zero never ends).
            if (read(path, MaxBytes) is not { } result)
            {
                error = $"{path}: file is too large (more than {MaxBytes} bytes, the limit)";
                return null;
            }

            error = string.Empty;
            return result;
        }
        catch (UnauthorizedAccessException)
        {
            error = $"{path}: permission denied";
        }
        catch (IOException e) when (e.HResult == 40 || e.Message.Contains("symbolic link", StringComparison.OrdinalIgnoreCase))
        {
            error = $"{path}: too many levels of symbolic links";
        }
        catch (IOException e)
        {
            error = $"{path}: {IO.IoReason.Of(e, path)}";
        }

        return null;
    }
}
