using ConfigConvert.TestSupport;

namespace ConfigConvert.ShellParser.Tests;

/// <summary>The real /bin/sh of Debian, the judge of what a config script means.</summary>
internal static class Dash
{
    private static readonly Lazy<string> Path = new(() => ExternalTool.Require("dash", "apt-get install -y dash"));

    /// <summary>True when <c>dash -n</c> accepts the bytes.</summary>
    public static bool Accepts(byte[] script)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cc-dash-{Environment.CurrentManagedThreadId}-{Guid.NewGuid():N}.sh");
        File.WriteAllBytes(file, script);
        try
        {
            return ExternalTool.Run(Path.Value, ["-n", file]).ExitCode == 0;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
