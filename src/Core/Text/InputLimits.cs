namespace ConfigConvert.Text;

/// <summary>Bounds on what the tools read, so that a stray huge file cannot exhaust memory.</summary>
public static class InputLimits
{
    /// <summary>
    /// Files larger than this (16 MiB) are not read: no module's config, helper script or C source
    /// comes near it, and every tool reads files whole.
    /// </summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;
}
