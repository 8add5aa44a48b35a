using System.Text;
using ConfigConvert.TestSupport;

namespace ConfigConvert.ModuleModel.Tests.Oracle;

/// <summary>
/// nginx's real configure machinery on a fixture: tests/oracle/eval-config.sh sources the config with
/// /bin/sh and nginx's real auto/module from nginx-dev, and prints every variable it changed.
/// </summary>
internal static class ShellOracle
{
    public const string NginxSource = "/usr/share/nginx/src";

    public static void RequireNginxDev()
    {
        ExternalTool.Require("dash", "apt-get install -y dash");
        if (!File.Exists(Path.Combine(NginxSource, "auto", "module")))
        {
            throw new InvalidOperationException($"{NginxSource}/auto/module is missing: apt-get install -y nginx-dev");
        }
    }

    /// <summary>
    /// The exit status configure would be left with (0, or the status of a config that exits or
    /// sources a missing file), and variable name to value (null: unset by the config), as the real
    /// shell left them.
    /// </summary>
    public static (int ExitStatus, Dictionary<string, string?> Variables) Evaluate(string fixture, LinkMode link)
        => EvaluateDirectory(Fixtures.PathOf(fixture), Fixtures.Setting(fixture, "globals", "initial-globals"), link);

    /// <summary>The same for any module directory, against the given captured globals.</summary>
    public static (int ExitStatus, Dictionary<string, string?> Variables) EvaluateDirectory(string directory, string globals, LinkMode link)
    {
        RequireNginxDev();
        var result = EvalConfig(["--globals", Path.Combine(Fixtures.OracleDirectory, globals)], directory, link);
        if (result.ExitCode != 0 && !result.StandardError.Contains("the config left configure with exit status", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"eval-config.sh failed ({result.ExitCode}): {result.StandardError}");
        }

        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('-'))
            {
                variables[line[1..]] = null;
                continue;
            }

            var equals = line.IndexOf('=');
            variables[line[..equals]] = Unescape(line[(equals + 1)..]);
        }

        return (result.ExitCode, variables);
    }

    /// <summary>
    /// The files of nginx's tree (<c>objs/</c> included) that running the config in <paramref name="directory"/> made
    /// or changed, as the real shell ran it, relative to the tree's top: <c>objs/ngx_auto_config.h</c>.
    /// </summary>
    public static IReadOnlyList<string> WrittenFiles(string directory, LinkMode link)
    {
        RequireNginxDev();
        var list = Path.GetTempFileName();
        try
        {
            var result = EvalConfig(["--written", list], directory, link);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"eval-config.sh failed ({result.ExitCode}): {result.StandardError}");
            }

            return File.ReadAllLines(list);
        }
        finally
        {
            File.Delete(list);
        }
    }

    /// <summary>tests/oracle/eval-config.sh with <paramref name="options"/> on the module in <paramref name="directory"/>, against nginx-dev's tree.</summary>
    private static ExternalTool.Result EvalConfig(string[] options, string directory, LinkMode link)
        => ExternalTool.Run("sh", [Path.Combine(Fixtures.OracleDirectory, "eval-config.sh"), .. options, NginxSource, directory, link.ToString().ToUpperInvariant()]);

    private static string Unescape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                builder.Append(text[++i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var c => c });
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
