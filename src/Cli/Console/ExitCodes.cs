namespace ConfigConvert.Cli;

/// <summary>The exit codes are a public contract: scripts and bots branch on them.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing to report (no syntax errors; nothing to convert).</summary>
    public const int Success = 0;

    /// <summary>The inputs were read and have problems (syntax errors; a conversion is needed or refused).</summary>
    public const int Findings = 1;

    /// <summary>Bad usage or an input that could not be read.</summary>
    public const int UsageOrIoError = 2;
}
