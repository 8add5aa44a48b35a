using System.Text.RegularExpressions;
using ConfigConvert.TestSupport;

namespace ConfigConvert.BuiltModules.Tests;

/// <summary>The real nginx and its build system: what the predictions are compared with.</summary>
internal static partial class RealNginx
{
    public const string Binary = "/usr/sbin/nginx";
    public const string Source = "/usr/share/nginx/src";

    /// <summary>One <c>[emerg]</c> line of nginx: the message, and the file and line it names (null without a configuration).</summary>
    public sealed record Emergency(string Message, string? File, int Line);

    public static void Require()
    {
        ExternalTool.Require("nginx", "apt-get install -y nginx-core");
        ExternalTool.Require("cc", "apt-get install -y build-essential");
        ExternalTool.Require("readelf", "apt-get install -y binutils");
        if (!File.Exists(Path.Combine(Source, "configure")))
        {
            throw new InvalidOperationException($"{Source}/configure is missing: apt-get install -y nginx-dev");
        }
    }

    public static string Oracle(string script) => RepoPaths.Combine("tests", "oracle", script);

    /// <summary><c>nginx -t</c> on a configuration; the first <c>[emerg]</c> line, or null when nginx accepts it.</summary>
    public static Emergency? Test(string configuration, string prefix)
    {
        Require();
        var result = ExternalTool.Run(Binary, ["-t", "-q", "-p", prefix, "-c", configuration], timeout: TimeSpan.FromMinutes(1));
        return result.ExitCode == 0 ? null : Parse(result.StandardError);
    }

    /// <summary>Loads the files with tests/oracle/load-module.sh (stream or mail first when they need it).</summary>
    public static Emergency? Load(params string[] sharedObjects)
    {
        Require();
        var result = ExternalTool.Run("bash", [Oracle("load-module.sh"), .. sharedObjects], timeout: TimeSpan.FromMinutes(1));
        return result.ExitCode == 0 ? null : Parse(result.StandardError);
    }

    /// <summary>
    /// nginx's complete list of failures of a configuration: run <c>nginx -t</c>, comment out the
    /// <c>load_module</c> it names (keeping the line numbers), and again, until it accepts the rest.
    /// </summary>
    public static List<Emergency> AllFailures(string configuration, string prefix, int limit = 50)
    {
        var failures = new List<Emergency>();
        while (Test(configuration, prefix) is { } failure)
        {
            failures.Add(failure);
            Assert.True(failure.File is not null && failures.Count < limit, $"nginx -t failed without naming a line: {failure.Message}");
            var lines = File.ReadAllLines(failure.File!);
            Assert.Contains("load_module", lines[failure.Line - 1], StringComparison.Ordinal);
            lines[failure.Line - 1] = "# " + lines[failure.Line - 1];
            File.WriteAllLines(failure.File!, lines);
        }

        return failures;
    }

    private static Emergency Parse(string standardError)
    {
        var line = standardError.Split('\n').FirstOrDefault(l => l.Contains("[emerg]", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("nginx failed without an [emerg] line: " + standardError);
        var message = EmergencyPrefix().Replace(line, string.Empty);
        var located = Located().Match(message);
        return located.Success
            ? new Emergency(located.Groups["message"].Value, located.Groups["file"].Value, int.Parse(located.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture))
            : new Emergency(message, null, 0);
    }

    [GeneratedRegex(@"^.*?\[emerg\] (\d+#\d+: )?")]
    private static partial Regex EmergencyPrefix();

    [GeneratedRegex(@"^(?<message>.*) in (?<file>/[^ ]*):(?<line>\d+)$")]
    private static partial Regex Located();
}
