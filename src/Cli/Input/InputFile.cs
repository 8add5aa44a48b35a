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
        text = SourceText.From(string.Empty);
        try
        {
            if (Directory.Exists(path))
            {
                error = $"{path}: is a directory";
                return false;
            }

            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                // Throws for a loop: resolving it is how a loop shows itself.
                _ = info.ResolveLinkTarget(returnFinalTarget: true);
            }

            if (!info.Exists)
            {
                error = $"{path}: no such file";
                return false;
            }

            if (info.Length > MaxBytes)
            {
                error = $"{path}: file is too large ({info.Length} bytes; the limit is {MaxBytes})";
                return false;
            }

            // A device or a pipe has no size to check first: it is read only up to the limit (/dev/zero never ends).
            if (BoundedFile.ReadText(path, MaxBytes) is not { } read)
            {
                error = $"{path}: file is too large (more than {MaxBytes} bytes, the limit)";
                return false;
            }

            text = read;
            error = string.Empty;
            return true;
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
            error = $"{path}: {e.Message}";
        }

        return false;
    }
}
